import type { Box } from '../layout/types';

/**
 * An edge's geometry, as the canvas, the overview sketches and the SVG export draw it: from the source's bottom
 * centre (where its source handle sits) to the target's top centre, down, across and down again.
 */
export interface EdgeEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function edgeEnds(s: Box, t: Box): EdgeEnds {
  return { x1: s.x + s.width / 2, y1: s.y + s.height, x2: t.x + t.width / 2, y2: t.y };
}

/** The corners of an edge: two points when the ends line up, else down to mid-height, across, and down. */
export function edgePoints({ x1, y1, x2, y2 }: EdgeEnds): [number, number][] {
  if (x1 === x2) {
    return [
      [x1, y1],
      [x2, y2],
    ];
  }
  const mid = y1 + (y2 - y1) / 2;
  return [
    [x1, y1],
    [x1, mid],
    [x2, mid],
    [x2, y2],
  ];
}

/** The edge as an SVG path. */
export function edgePath(ends: EdgeEnds): string {
  return edgePoints(ends)
    .map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)} ${round(y)}`)
    .join(' ');
}

/** Where an edge's label sits: halfway along its horizontal run. */
export function edgeLabelAt({ x1, y1, x2, y2 }: EdgeEnds): { x: number; y: number } {
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

/** A routed edge's polyline as an SVG path. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)} ${round(y)}`).join(' ');
}

/** Where a lone routed edge's label sits: the middle of its longest horizontal run, else halfway between its ends. */
export function routeLabelAt(points: readonly (readonly [number, number])[]): { x: number; y: number } {
  const runs: { x1: number; x2: number; y: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && a[1] === b[1] && a[0] !== b[0]) runs.push({ x1: a[0], x2: b[0], y: a[1] });
  }
  const longest = runs.reduce<(typeof runs)[number] | undefined>(
    (best, r) => (!best || Math.abs(r.x2 - r.x1) > Math.abs(best.x2 - best.x1) ? r : best),
    undefined,
  );
  if (longest) return { x: (longest.x1 + longest.x2) / 2, y: longest.y };
  const first = points[0] ?? [0, 0];
  const last = points[points.length - 1] ?? first;
  return { x: (first[0] + last[0]) / 2, y: (first[1] + last[1]) / 2 };
}

type Pt = readonly [number, number];

/** An edge label's box as drawn (10 px text on a padded background), in px: per character, padding, height. */
export const LABEL_BOX = { perChar: 6, pad: 8, height: 14 };

interface Run {
  horizontal: boolean;
  at: number;
  lo: number;
  hi: number;
}

const runsOf = (points: readonly Pt[]): Run[] => {
  const out: Run[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (!a || !b || (a[0] === b[0] && a[1] === b[1])) continue;
    const horizontal = a[1] === b[1];
    out.push(
      horizontal
        ? { horizontal, at: a[1], lo: Math.min(a[0], b[0]), hi: Math.max(a[0], b[0]) }
        : { horizontal, at: a[0], lo: Math.min(a[1], b[1]), hi: Math.max(a[1], b[1]) },
    );
  }
  return out;
};

/** What is left of [lo, hi] once the `cuts` are taken out. */
function remainder(lo: number, hi: number, cuts: readonly [number, number][]): [number, number][] {
  let parts: [number, number][] = [[lo, hi]];
  for (const [a, b] of cuts)
    parts = parts.flatMap(([p, q]): [number, number][] =>
      b <= p || a >= q ? [[p, q]] : [...(a > p ? [[p, a] as [number, number]] : []), ...(b < q ? [[b, q] as [number, number]] : [])],
    );
  return parts.filter(([p, q]) => q > p);
}

const hitsBox = (r: Run, x0: number, x1: number, y0: number, y1: number) =>
  r.horizontal ? r.at > y0 && r.at < y1 && r.hi > x0 && r.lo < x1 : r.at > x0 && r.at < x1 && r.hi > y0 && r.lo < y1;

/**
 * Where each labelled edge's label sits, given every route of the map: on a stretch of its route no other edge runs
 * along (past the fork from a shared trunk, so the label names one route, not the trunk's), where no other edge
 * crosses the label's box. Among such places a horizontal run the label fits along comes first, then the longest
 * stretch; when no place is clear, the one the fewest edges cross.
 */
export function routeLabels(
  edges: readonly { id: string; label?: string | undefined }[],
  routes: Readonly<Record<string, readonly Pt[]>>,
): Map<string, { x: number; y: number }> {
  const all = Object.entries(routes).map(([id, points]) => ({ id, runs: runsOf(points) }));
  const out = new Map<string, { x: number; y: number }>();
  for (const e of edges) {
    const points = routes[e.id];
    if (!e.label || !points || points.length < 2) continue;
    const others = all.filter((o) => o.id !== e.id).flatMap((o) => o.runs);
    const [w, h] = [e.label.length * LABEL_BOX.perChar + LABEL_BOX.pad, LABEL_BOX.height];
    let best: { x: number; y: number; score: number[] } | undefined;
    for (const run of runsOf(points)) {
      const shared = others.filter((o) => o.horizontal === run.horizontal && o.at === run.at).map((o): [number, number] => [o.lo, o.hi]);
      for (const [lo, hi] of remainder(run.lo, run.hi, shared)) {
        const mid = (lo + hi) / 2;
        const [x, y] = run.horizontal ? [mid, run.at] : [run.at, mid];
        const crossed = others.filter((o) => hitsBox(o, x - w / 2, x + w / 2, y - h / 2, y + h / 2)).length;
        const fits = run.horizontal ? hi - lo >= w : hi - lo >= h;
        // Smaller is better, compared in order.
        const score = [crossed, fits ? 0 : 1, run.horizontal && fits ? 0 : 1, -(hi - lo)];
        if (!best || better(score, best.score)) best = { x, y, score };
      }
    }
    out.set(e.id, best ? { x: best.x, y: best.y } : routeLabelAt(points));
  }
  return out;
}

const better = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

/** An arrowhead's size in px: how far back from the tip its sides reach, and how far out. */
export const ARROW = { length: 7, half: 4 };

/** The open arrowhead at a route's end, pointing along its last segment, as an SVG path. */
export function arrowHead(points: readonly Pt[]): string {
  const tip = points[points.length - 1];
  const from = points[points.length - 2];
  if (!tip || !from) return '';
  const len = Math.hypot(tip[0] - from[0], tip[1] - from[1]) || 1;
  const [ux, uy] = [(tip[0] - from[0]) / len, (tip[1] - from[1]) / len];
  const [bx, by] = [tip[0] - ux * ARROW.length, tip[1] - uy * ARROW.length];
  const [nx, ny] = [-uy * ARROW.half, ux * ARROW.half];
  return `M${round(bx + nx)} ${round(by + ny)} L${round(tip[0])} ${round(tip[1])} L${round(bx - nx)} ${round(by - ny)}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
