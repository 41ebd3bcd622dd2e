import type { Box } from '../topology/layout/types';
import { xmlText as esc } from '../topology/present/escape';
import type { Badge, NodeText } from '../topology/present/labels';
import { fitText, textWidth, wrapText } from '../topology/present/measure';
import { BADGE_COLORS, GLYPH_COLORS, INK } from '../topology/present/theme';

/**
 * A box's words placed by their measured widths (`measure`), so a title, its pills, its second line and its counts
 * never overlap and never leave the box: a name wraps or is cut, a pill that has no room beside the name moves to a
 * line of its own, as the canvas's wrapping title does.
 */

/** Type sizes and line steps, px: a title line, a pill, a glyph tile, the muted second line and the chips. */
const TITLE = { size: 12, step: 15, firstBaseline: 18 };
const PILL = { size: 9, height: 14, pad: 4, gap: 4 };
const GLYPH = { size: 10, height: 16, pad: 4, gap: 6 };
const SMALL = { size: 10, step: 14 };
/** Kept clear on a box's right, inside its border. */
const INSET = 8;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A word on a coloured tile (a pill or a glyph); `data-pill` names it, so a reader's tools find what it says. */
export function tile(
  x: number,
  y: number,
  text: string,
  fill: string,
  ink: string,
  kind: 'pill' | 'glyph',
  maxWidth = Infinity,
): { svg: string; width: number } {
  const spec = kind === 'pill' ? PILL : GLYPH;
  const words = fitText(text, maxWidth - 2 * spec.pad, spec.size, true);
  const w = textWidth(words, spec.size, true) + 2 * spec.pad;
  const rect = `<rect${kind === 'pill' ? ` data-pill="${esc(words)}"` : ''} x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${spec.height}" rx="3" fill="${fill}"/>`;
  const label = `<text x="${r1(x + w / 2)}" y="${r1(y + spec.height - 4)}" font-size="${spec.size}" font-weight="700" text-anchor="middle" fill="${ink}">${esc(words)}</text>`;
  return { svg: rect + label, width: w };
}

const pillWidth = (b: Badge) => textWidth(b.text, PILL.size, true) + 2 * PILL.pad;
const isLead = (b: Badge) => b.tone === 'public' || b.tone === 'private';

/** Where a head ended: the baseline of its last line, and where on that line the next words may start. */
export interface Head {
  svg: string;
  baseline: number;
  /** x after the last thing on the last line */
  end: number;
}

/**
 * Glyph, leading pills (a subnet's exposure), the title in at most `maxLines` lines, then the other pills: beside the
 * title's last line when they fit, else on a line below, starting under the title.
 */
export function headWords(b: Box, t: NodeText, maxLines: number): Head {
  const right = b.x + b.width - INSET;
  const parts: string[] = [];
  let x = b.x + 10;
  let y = b.y + TITLE.firstBaseline;
  if (t.glyph) {
    const g = tile(x, y - 12, t.glyph.text, GLYPH_COLORS[t.glyph.tone], INK.onColor, 'glyph');
    parts.push(g.svg);
    x += g.width + GLYPH.gap;
  }
  for (const badge of t.badges.filter(isLead)) {
    const p = tile(x, y - 11, badge.text, BADGE_COLORS[badge.tone].fill, BADGE_COLORS[badge.tone].text, 'pill', right - x);
    parts.push(p.svg);
    x += p.width + PILL.gap;
  }
  const trailing = t.badges.filter((g) => !isLead(g));
  const titleX = x;
  // One line only (a container's header band): the pills keep their room and the title is cut to what is left.
  const pillsRoom = maxLines === 1 ? trailing.reduce((w, g) => w + pillWidth(g) + PILL.gap, 0) : 0;
  const titleRoom = Math.max(right - titleX - pillsRoom, Math.min(right - titleX, 40));
  const lines = wrapText(t.title, titleRoom, TITLE.size, true, maxLines);
  // A wrapped or cut name is whole in the tooltip.
  if (lines.length > 1 || lines[0] !== t.title) parts.unshift(`<title>${esc(t.title)}</title>`);
  lines.forEach((line, i) => {
    if (i > 0) y += TITLE.step;
    parts.push(`<text x="${r1(titleX)}" y="${r1(y)}" font-weight="600" fill="${INK.text}">${esc(line)}</text>`);
  });
  x = titleX + textWidth(lines[lines.length - 1] ?? '', TITLE.size, true) + 6;
  for (const badge of trailing) {
    const w = pillWidth(badge);
    if (x + w > right) {
      if (maxLines === 1) break;
      y += TITLE.step;
      x = titleX;
    }
    const p = tile(x, y - 11, badge.text, BADGE_COLORS[badge.tone].fill, BADGE_COLORS[badge.tone].text, 'pill', right - x);
    parts.push(p.svg);
    x += p.width + PILL.gap;
  }
  return { svg: parts.join(''), baseline: y, end: x };
}

/** A muted line of small text at `baseline`, cut to the box. */
export function smallLine(x: number, baseline: number, text: string, right: number, fill: string, size = SMALL.size): string {
  return `<text x="${r1(x)}" y="${r1(baseline)}" font-size="${size}" fill="${fill}">${esc(fitText(text, right - x, size))}</text>`;
}

/**
 * A container's head: its title line and its second line, below the title when the header band above its children
 * has room for it, else on the title line after the title (a namespace's "4 workloads", as the canvas draws it).
 */
export function containerHead(b: Box, t: NodeText, headerBottom: number): Head {
  const head = headWords(b, t, 1);
  if (!t.sub) return head;
  const right = b.x + b.width - INSET;
  const below = head.baseline + SMALL.step;
  if (below + 0.24 * SMALL.size <= headerBottom) return { ...head, svg: head.svg + smallLine(b.x + 10, below, t.sub, right, INK.muted), baseline: below };
  const x = head.end;
  if (right - x < textWidth('…', SMALL.size) + 4) return head;
  return { ...head, svg: head.svg + smallLine(x, head.baseline, t.sub, right, INK.muted) };
}

/** A card's stack (a service or workload): title and pills, then the second line, then the tasks per AZ. */
export function cardWords(b: Box, t: NodeText, chips: string): string {
  const head = headWords(b, t, 2);
  const right = b.x + b.width - INSET;
  let y = head.baseline;
  const out = [head.svg];
  if (t.sub) {
    y += SMALL.step;
    out.push(smallLine(b.x + 10, y, t.sub, right, INK.muted));
  }
  y += SMALL.step;
  out.push(smallLine(b.x + 10, y, chips, right, INK.soft));
  return out.join('');
}

/** A task's or pod's alert under its name: one line at 9 px, or two at 8 px when one does not hold it. */
export function alertLines(x: number, top: number, text: string, width: number, fill: string): string {
  const one = textWidth(text, 9, true) <= width;
  const lines = one ? [text] : wrapText(text, width, 8, true, 2);
  const size = one ? 9 : 8;
  const first = one ? top + 16 : top + 12;
  return lines.map((l, i) => `<text x="${r1(x)}" y="${r1(first + i * 9)}" font-size="${size}" font-weight="700" fill="${fill}">${esc(l)}</text>`).join('');
}
