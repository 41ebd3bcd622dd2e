import type { Glyph as GlyphText } from '../../topology/present/labels';

/** Resource glyphs of our own: a lettered tile per kind in its kind's theme colour, cheap to draw thousands of times. */
export function Glyph({ glyph }: { glyph: GlyphText | undefined }) {
  if (!glyph) return null;
  return (
    <span className="glyph" data-glyph={glyph.tone} style={{ background: `var(--fm-glyph-${glyph.tone})` }} aria-hidden="true">
      {glyph.text}
    </span>
  );
}
