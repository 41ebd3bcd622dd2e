import type { Rect } from './routeGrid';
import type { Point } from './routePath';
import { wallIndex } from './routeWalls';

/** A routed edge before its lanes are spread: edges of one `bundle` (one source) may share a trunk. */
export interface RoutedEdge {
  bundle: string;
  points: Point[];
}

interface Piece {
  edge: RoutedEdge;
  /** Index of the segment's first point in `edge.points` */
  index: number;
  horizontal: boolean;
  at: number;
  lo: number;
  hi: number;
  /** Lane order within a channel: [group, key], smaller first (top or left) */
  rank: [number, number];
  /** The edge's first or last segment, held by its port */
  fixed: boolean;
}

const EPS = 1e-6;

/**
 * Spreads the inner segments that share a grid line into lanes across their gap, one lane per bundle, so two edges
 * from different sources never run on top of each other. A lane stays inside the free strip of its channel (the
 * space between the nearest walls on either side along the whole run), so a moved segment and the corners it drags
 * with it stay clear of every box. The first and last segment of an edge sit on their ports and never move.
 */
export function spreadLanes(edges: readonly RoutedEdge[], walls: readonly Rect[], bounds: Rect): void {
  const lines = new Map<string, Piece[]>();
  for (const edge of edges) {
    const pts = edge.points;
    for (let i = 0; i + 1 < pts.length; i++) {
      const [a, b] = [pts[i], pts[i + 1]];
      if (!a || !b) continue;
      const piece = { ...pieceOf(edge, i, a, b, pts[i + 2]), fixed: i === 0 || i + 2 === pts.length };
      const key = `${piece.horizontal ? 'h' : 'v'}${piece.at}`;
      const list = lines.get(key);
      if (list) list.push(piece);
      else lines.set(key, [piece]);
    }
  }
  const strips = [wallIndex(walls, false, bounds), wallIndex(walls, true, bounds)] as const;
  const runOf = (pieces: Piece[]): Run => {
    const horizontal = pieces[0]?.horizontal ?? true;
    const lo = Math.min(...pieces.map((p) => p.lo));
    const hi = Math.max(...pieces.map((p) => p.hi));
    return { pieces, horizontal, lo, hi, strip: strips[horizontal ? 1 : 0](pieces[0]?.at ?? 0, lo, hi) };
  };
  const runs: Run[] = [];
  for (const key of [...lines.keys()].sort()) {
    const pieces = (lines.get(key) ?? []).sort((p, q) => p.lo - q.lo || p.hi - q.hi);
    let run: Piece[] = [];
    let end = -Infinity;
    for (const p of pieces) {
      if (run.length && p.lo > end + EPS) {
        runs.push(runOf(run));
        run = [];
        end = -Infinity;
      }
      run.push(p);
      end = Math.max(end, p.hi);
    }
    if (run.length) runs.push(runOf(run));
  }
  for (const group of channels(runs)) spread(group);
}

/** Pieces on one grid line whose runs touch, with the free strip around them. */
interface Run {
  pieces: Piece[];
  horizontal: boolean;
  lo: number;
  hi: number;
  strip: [number, number];
}

/**
 * Runs on different grid lines of one gap share a channel when their strips and their runs overlap: spread apart
 * separately, both could pick the same lane.
 */
function channels(runs: readonly Run[]): Run[][] {
  const root = runs.map((_, i) => i);
  const shared = runs.map((r) => r.strip);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i] ?? i] ?? i;
    return i;
  };
  for (const horizontal of [true, false]) {
    const order = runs
      .map((_, i) => i)
      .filter((i) => runs[i]?.horizontal === horizontal)
      .sort((a, b) => (runs[a]?.strip[0] ?? 0) - (runs[b]?.strip[0] ?? 0) || a - b);
    // Flat copies in strip order: a wide strip meets many others, and this pair test runs for each of them.
    const n = order.length;
    const [stripLo, stripHi, lo, hiLess] = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    order.forEach((r, k) => {
      const run = runs[r];
      if (!run) return;
      [stripLo[k], stripHi[k], lo[k], hiLess[k]] = [run.strip[0], run.strip[1], run.lo, run.hi - EPS];
    });
    for (let x = 0; x < n; x++) {
      const [pStripHi, pLo, pHiLess] = [stripHi[x] ?? 0, lo[x] ?? 0, hiLess[x] ?? 0];
      for (let y = x + 1; y < n; y++) {
        if ((stripLo[y] ?? 0) >= pStripHi) break;
        if (!((lo[y] ?? 0) < pHiLess && pLo < (hiLess[y] ?? 0))) continue;
        // Merged channels spread over the strip they all share, so a merge that would leave none is refused.
        const [a, b] = [find(order[x] ?? 0), find(order[y] ?? 0)];
        const [sa, sb] = [shared[a], shared[b]];
        if (a === b || !sa || !sb) continue;
        const both: [number, number] = [Math.max(sa[0], sb[0]), Math.min(sa[1], sb[1])];
        if (both[1] - both[0] <= EPS) continue;
        root[b] = a;
        shared[a] = both;
      }
    }
  }
  const groups = new Map<number, Run[]>();
  runs.forEach((r, i) => {
    const list = groups.get(find(i));
    if (list) list.push(r);
    else groups.set(find(i), [r]);
  });
  return [...groups.values()];
}

function pieceOf(edge: RoutedEdge, index: number, a: Point, b: Point, next: Point | undefined): Omit<Piece, 'fixed'> {
  const horizontal = Math.abs(a[1] - b[1]) < EPS;
  if (horizontal) {
    // A rightward run takes a higher lane the further right it starts (and a leftward one the further left), so a
    // run's drop never crosses a run above it.
    const rightward = b[0] > a[0];
    return { edge, index, horizontal, at: a[1], lo: Math.min(a[0], b[0]), hi: Math.max(a[0], b[0]), rank: rightward ? [0, -a[0]] : [1, a[0]] };
  }
  // A descent that turns right takes an outer (left) lane the deeper it goes; one that turns left, the mirror.
  const turnsRight = (next?.[0] ?? b[0]) > b[0];
  return { edge, index, horizontal, at: a[0], lo: Math.min(a[1], b[1]), hi: Math.max(a[1], b[1]), rank: turnsRight ? [0, -b[1]] : [1, b[1]] };
}

/**
 * One lane per bundle and grid line in the channel: a bundle's pieces on one line share it (a trunk), a bundle on
 * a port's line stays there, and the others spread across the strip the channel's runs have in common.
 */
function spread(group: readonly Run[]): void {
  const pieces = group.flatMap((r) => r.pieces);
  const unitOf = (p: Piece) => `${p.at}\n${p.edge.bundle}`;
  const ranks = new Map<string, [number, number]>();
  const held = new Map<string, number>();
  for (const p of pieces) {
    const u = unitOf(p);
    if (p.fixed) held.set(u, p.at);
    const r = ranks.get(u);
    if (!r || p.rank[0] < r[0] || (p.rank[0] === r[0] && p.rank[1] < r[1])) ranks.set(u, p.rank);
  }
  if (ranks.size < 2) return;
  const free = [...ranks]
    .filter(([u]) => !held.has(u))
    .sort(([ua, a], [ub, b]) => a[0] - b[0] || a[1] - b[1] || (ua < ub ? -1 : ua > ub ? 1 : 0))
    .map(([u]) => u);
  if (!free.length) return;
  const lo = Math.max(...group.map((r) => r.strip[0]));
  const hi = Math.min(...group.map((r) => r.strip[1]));
  const lane = new Map(lanes(lo, hi, [...held.values()], free.length).map((at, k) => [free[k] ?? '', at]));
  for (const p of pieces) {
    const at = lane.get(unitOf(p));
    if (at === undefined) continue;
    const c = p.horizontal ? 1 : 0;
    const [a, b] = [p.edge.points[p.index], p.edge.points[p.index + 1]];
    if (a) a[c] = at;
    if (b) b[c] = at;
  }
}

/**
 * `count` lanes spread evenly across [lo, hi], in order; coordinates `taken` by segments that cannot move (held by
 * their ports) cut the strip into stretches, which share the lanes in proportion to their widths.
 */
export function lanes(lo: number, hi: number, taken: readonly number[], count: number): number[] {
  const cuts = [lo, ...[...new Set(taken)].filter((t) => t > lo && t < hi).sort((a, b) => a - b), hi];
  const widths = cuts.slice(1).map((c, i) => c - (cuts[i] ?? c));
  const share = widths.map(() => 0);
  // Each lane goes to the stretch that would leave the widest spacing.
  for (let k = 0; k < count; k++) {
    let best = 0;
    widths.forEach((w, i) => {
      if (w / ((share[i] ?? 0) + 1) > (widths[best] ?? 0) / ((share[best] ?? 0) + 1)) best = i;
    });
    share[best] = (share[best] ?? 0) + 1;
  }
  return share.flatMap((n, i) => Array.from({ length: n }, (_, k) => (cuts[i] ?? lo) + ((widths[i] ?? 0) * (k + 1)) / (n + 1)));
}
