/** Resource glyphs of our own: a lettered tile per kind, cheap to draw thousands of times (CSS only). */
export function Glyph({ kind, text }: { kind: string; text: string }) {
  return (
    <span className={`glyph glyph-${kind}`} aria-hidden="true">
      {text}
    </span>
  );
}
