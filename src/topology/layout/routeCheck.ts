import type { GraphEdge } from '../graph/types';
import { absoluteBoxes } from './absolute';
import type { Point } from './routePath';
import { segmentsOf } from './routePath';
import type { Box, Layout } from './types';

/** How far a box's interior is shrunk before a route may not touch it: a line on a border does not cross it. */
const SHRINK = 1;
/** The shortest last segment an arrowhead can sit on. */
export const MIN_STUB = 3;
const EPS = 1e-3;

type Side = 'top' | 'bottom' | 'left' | 'right';

/** Which border of `b` the point lies on (corners excluded), if any. */
function sideOf(b: Box, [x, y]: Point): Side | undefined {
  const inX = x > b.x + EPS && x < b.x + b.width - EPS;
  const inY = y > b.y + EPS && y < b.y + b.height - EPS;
  if (inX && Math.abs(y - b.y) < EPS) return 'top';
  if (inX && Math.abs(y - b.y - b.height) < EPS) return 'bottom';
  if (inY && Math.abs(x - b.x) < EPS) return 'left';
  if (inY && Math.abs(x - b.x - b.width) < EPS) return 'right';
  return undefined;
}

/** The last segment comes in from outside, at right angles to the side it ends on, and is long enough to see. */
function enters(side: Side, [qx, qy]: Point, [px, py]: Point): boolean {
  switch (side) {
    case 'top':
      return Math.abs(qx - px) < EPS && py - qy >= MIN_STUB;
    case 'bottom':
      return Math.abs(qx - px) < EPS && qy - py >= MIN_STUB;
    case 'left':
      return Math.abs(qy - py) < EPS && px - qx >= MIN_STUB;
    case 'right':
      return Math.abs(qy - py) < EPS && qx - px >= MIN_STUB;
  }
}

/**
 * What routed edges must hold, as a list of what they break (empty when they hold): every edge with two placed ends
 * has a route; each segment is horizontal or vertical; a route starts on its source's border and ends on its own
 * target's, the last segment entering at right angles; no segment crosses the interior of a box that is neither an
 * endpoint nor an ancestor of one; and segments of two edges that share neither source nor target never run on top of
 * each other.
 */
export function routeViolations(edges: readonly GraphEdge[], layout: Layout, routes: ReadonlyMap<string, readonly Point[]>): string[] {
  const out: string[] = [];
  const abs = absoluteBoxes(layout);
  const parentOf = new Map(layout.boxes.map((b) => [b.id, b.parent]));
  const lineage = (id: string) => {
    const ids = new Set<string>();
    for (let c: string | undefined = id; c !== undefined; c = parentOf.get(c)) ids.add(c);
    return ids;
  };
  const boxes = [...abs.values()];
  const runs = new Map<string, { edge: GraphEdge; from: number; to: number }[]>();
  for (const e of edges) {
    const [s, t] = [abs.get(e.source), abs.get(e.target)];
    if (!s || !t) continue;
    const pts = routes.get(e.id);
    if (!pts || pts.length < 2) {
      out.push(`${e.id}: no route`);
      continue;
    }
    const [first, last, beforeLast] = [pts[0], pts[pts.length - 1], pts[pts.length - 2]];
    if (!first || !sideOf(s, first)) out.push(`${e.id}: does not start on its source's border`);
    const side = last ? sideOf(t, last) : undefined;
    if (!side || !last || !beforeLast) out.push(`${e.id}: does not end on its target's border`);
    else if (!enters(side, beforeLast, last)) out.push(`${e.id}: does not enter its target at right angles with a stub`);
    const allowed = new Set([...lineage(e.source), ...lineage(e.target)]);
    const diagonal = pts.some((p, i) => i > 0 && Math.abs(p[0] - (pts[i - 1]?.[0] ?? p[0])) > EPS && Math.abs(p[1] - (pts[i - 1]?.[1] ?? p[1])) > EPS);
    if (diagonal) out.push(`${e.id}: has a segment that is neither horizontal nor vertical`);
    for (const seg of segmentsOf(pts)) {
      const [a, b] = [Math.min(seg.from, seg.to), Math.max(seg.from, seg.to)];
      const [x0, x1, y0, y1] = seg.horizontal ? [a, b, seg.at, seg.at] : [seg.at, seg.at, a, b];
      for (const box of boxes) {
        if (allowed.has(box.id)) continue;
        if (x0 < box.x + box.width - SHRINK && x1 > box.x + SHRINK && y0 < box.y + box.height - SHRINK && y1 > box.y + SHRINK)
          out.push(`${e.id}: crosses ${box.id}`);
      }
      const key = `${seg.horizontal ? 'h' : 'v'}${Math.round(seg.at * 100)}`;
      runs.set(key, [...(runs.get(key) ?? []), { edge: e, from: a, to: b }]);
    }
  }
  for (const list of runs.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [p, q] = [list[i], list[j]];
        if (!p || !q || p.edge.source === q.edge.source || p.edge.target === q.edge.target) continue;
        if (Math.min(p.to, q.to) - Math.max(p.from, q.from) > EPS) out.push(`${p.edge.id} and ${q.edge.id} run on top of each other`);
      }
  return out;
}

/** The least distance between two parallel lanes of unrelated edges that still reads as two lines at the first fit. */
export const LANE_MIN = 6;

/**
 * Lanes that read as one line, as a list (empty when none): parallel segments of two edges that share neither source
 * nor target, overlapping along their run, closer than `min` (but apart: on top of each other is `routeViolations`'s).
 */
export function laneFaults(edges: readonly GraphEdge[], routes: ReadonlyMap<string, readonly Point[]>, min = LANE_MIN): string[] {
  const segs = edges.flatMap((edge) =>
    segmentsOf(routes.get(edge.id) ?? []).map((s) => ({ edge, ...s, lo: Math.min(s.from, s.to), hi: Math.max(s.from, s.to) })),
  );
  const out: string[] = [];
  for (const horizontal of [true, false]) {
    const list = segs.filter((s) => s.horizontal === horizontal).sort((p, q) => p.at - q.at);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [p, q] = [list[i], list[j]];
        if (!p || !q || q.at - p.at >= min - EPS) break;
        if (q.at - p.at < EPS || p.edge.source === q.edge.source || p.edge.target === q.edge.target) continue;
        if (Math.min(p.hi, q.hi) - Math.max(p.lo, q.lo) > EPS) out.push(`${p.edge.id} and ${q.edge.id} run ${Math.round((q.at - p.at) * 10) / 10} px apart`);
      }
  }
  return out;
}

/** The room a gap needs for `count` lanes of unrelated edges, each `LANE_MIN` from the next and from the walls. */
export function laneRoom(count: number): number {
  return LANE_MIN * (count + 1);
}
