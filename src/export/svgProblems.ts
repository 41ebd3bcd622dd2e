import type { Problem, Severity } from '../topology/graph/problems';
import { PROBLEM_MARK, problemBadge } from '../topology/graph/problemsByNode';
import type { Box } from '../topology/layout/types';
import { xmlAttr as attr, xmlText as esc } from '../topology/present/escape';
import { textWidth } from '../topology/present/measure';
import { BADGE_COLORS, SURFACE, type BadgeTone } from '../topology/present/theme';

/** The badge's colours, as the canvas's `.problem-critical` and `.problem-warning` draw it. */
const TONE: Record<Severity, BadgeTone> = { critical: 'alert', warning: 'pending' };

/** As the canvas places it: over the top-right corner, 9 px above the box and 7 px past its right side. */
const BADGE = { size: 10, height: 16, pad: 5, minWidth: 18, above: 9, past: 7 };

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The map's problem badges over a drawn picture: for each box with problems, its mark and count at its top-right
 * corner, every message in the tooltip. Drawn after every box, so no sibling or child covers one.
 */
export function problemBadges(byNode: ReadonlyMap<string, readonly Problem[]>, ids: readonly string[], boxes: ReadonlyMap<string, Box>): string {
  const out: string[] = [];
  for (const id of ids) {
    const badge = problemBadge(byNode.get(id) ?? []);
    const b = boxes.get(id);
    if (!badge || !b) continue;
    const words = `${PROBLEM_MARK[badge.severity]} ${badge.text}`;
    const w = Math.max(BADGE.minWidth, textWidth(words, BADGE.size, true) + 2 * BADGE.pad);
    const x = b.x + b.width + BADGE.past - w;
    const y = b.y - BADGE.above;
    const c = BADGE_COLORS[TONE[badge.severity]];
    out.push(
      `<g data-problems="${badge.text}" data-for="${attr(id)}" data-severity="${badge.severity}"><title>${esc(badge.title)}</title>` +
        `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${BADGE.height}" rx="${BADGE.height / 2}" fill="${c.fill}" stroke="${SURFACE.page}"/>` +
        `<text x="${r1(x + w / 2)}" y="${r1(y + BADGE.height - 4.5)}" font-size="${BADGE.size}" font-weight="700" text-anchor="middle" fill="${c.text}">${esc(words)}</text></g>`,
    );
  }
  return out.join('');
}
