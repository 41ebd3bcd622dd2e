import type { Graph } from '../graph/types';
import { absoluteBoxes } from './absolute';
import type { Point } from './routePath';
import { segmentsOf } from './routePath';
import { laneRoom } from './routeCheck';
import { SPACING } from './sizes';
import type { Box, Layout } from './types';

/**
 * A gap of the layout that routes run along: a side padding of a cluster or namespace (lanes running down it), the
 * gap above its k-th stacked box (lanes running across to it), or a gap of the band (between the load balancers
 * and the band, or between the band and the boxes below it).
 */
export type Gap =
  | { kind: 'pad'; container: string; side: 'left' | 'right' }
  | { kind: 'above'; container: string; index: number }
  | { kind: 'band'; which: 'balancers' | 'below' };

/** Extra px per gap, beyond its usual size, by `gapKey`. */
export type Room = ReadonlyMap<string, number>;

export const NO_ROOM: Room = new Map();

export function gapKey(gap: Gap): string {
  switch (gap.kind) {
    case 'pad':
      return `pad\n${gap.container}\n${gap.side}`;
    case 'above':
      return `above\n${gap.container}\n${gap.index}`;
    case 'band':
      return `band\n${gap.which}`;
  }
}

export function roomFor(room: Room, gap: Gap): number {
  return room.get(gapKey(gap)) ?? 0;
}

/** Boxes that stack their children in one column, with routes running down their sides to reach the lower ones. */
const STACKS = new Set(['cluster', 'namespace']);

interface Lane {
  at: number;
  lo: number;
  hi: number;
}

/**
 * Pure: the room each gap needs for the lanes the routes run in it, as extra px over its present size (only gaps
 * that need more are named). Each gap needs `laneRoom` of the most lanes that run side by side at any point along it,
 * so neighbouring lanes of unrelated edges keep `LANE_MIN` apart, and from the walls.
 */
export function roomNeeded(graph: Pick<Graph, 'nodes' | 'view'>, layout: Layout, routes: ReadonlyMap<string, readonly Point[]>): Map<string, number> {
  const abs = absoluteBoxes(layout);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const stacked = new Map<string, Box[]>();
  for (const b of layout.boxes) {
    const parentKind = b.parent === undefined ? undefined : kindOf.get(b.parent);
    const kind = kindOf.get(b.id);
    if (!b.parent || !parentKind || !STACKS.has(parentKind) || kind === undefined || !['service', 'workload', 'namespace'].includes(kind)) continue;
    stacked.set(b.parent, [...(stacked.get(b.parent) ?? []), abs.get(b.id) ?? b]);
  }
  const stacks = [...stacked.keys()].map((id) => abs.get(id)).filter((b): b is Box => b !== undefined);
  const tops = layout.boxes.filter((b) => b.parent === undefined);
  const hierarchy = tops.filter((b) => kindOf.get(b.id) === 'vpc' || kindOf.get(b.id) === 'cluster');
  const band = tops.filter((b) => !hierarchy.includes(b));
  const balancers = graph.view === 'network' ? band.filter((b) => kindOf.get(b.id) === 'loadBalancer') : [];
  const rest = band.filter((b) => !balancers.includes(b));
  const bottom = (list: Box[]) => Math.max(...list.map((b) => b.y + b.height));
  const top = (list: Box[]) => Math.min(...list.map((b) => b.y));
  const strips: { gap: Gap; lo: number; hi: number }[] = [];
  if (balancers.length && rest.length) strips.push({ gap: { kind: 'band', which: 'balancers' }, lo: bottom(balancers), hi: top(rest) });
  if (band.length && hierarchy.length) strips.push({ gap: { kind: 'band', which: 'below' }, lo: bottom(band), hi: top(hierarchy) });

  const lanes = new Map<string, { width: number; list: Lane[] }>();
  const add = (gap: Gap, width: number, lane: Lane) => {
    const key = gapKey(gap);
    const found = lanes.get(key);
    if (found) found.list.push(lane);
    else lanes.set(key, { width, list: [lane] });
  };
  for (const points of routes.values())
    for (const s of segmentsOf(points)) {
      const lane = { at: s.at, lo: Math.min(s.from, s.to), hi: Math.max(s.from, s.to) };
      // A lane down a side runs from above the box to the gap it turns in: its lower end lies inside the box.
      const [x, y] = s.horizontal ? [(lane.lo + lane.hi) / 2, s.at] : [s.at, lane.hi - 1];
      const inside = stacks.filter((b) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height);
      const box = inside.sort((a, b) => a.width * a.height - b.width * b.height)[0];
      if (!box) {
        const strip = s.horizontal ? strips.find((g) => s.at > g.lo && s.at < g.hi) : undefined;
        if (strip) add(strip.gap, strip.hi - strip.lo, lane);
        continue;
      }
      const kids = (stacked.get(box.id) ?? []).sort((a, b) => a.y - b.y);
      const left = Math.min(...kids.map((k) => k.x));
      const right = Math.max(...kids.map((k) => k.x + k.width));
      if (!s.horizontal) {
        if (x < left) add({ kind: 'pad', container: box.id, side: 'left' }, left - box.x, lane);
        else if (x > right) add({ kind: 'pad', container: box.id, side: 'right' }, box.x + box.width - right, lane);
        continue;
      }
      const index = kids.findIndex((k) => k.y >= y);
      const [above, below] = [kids[index - 1], kids[index]];
      if (index > 0 && above && below) add({ kind: 'above', container: box.id, index }, below.y - above.y - above.height, lane);
    }
  const out = new Map<string, number>();
  for (const [key, { width, list }] of lanes) {
    const extra = laneRoom(peakLanes(list)) - width;
    if (extra > 0) out.set(key, Math.ceil(extra));
  }
  return out;
}

/**
 * The most lanes a gap spreads side by side: lanes whose runs overlap, one after another, form one channel, and each
 * of its lanes at a distinct coordinate (one per bundle: lanes of one bundle share one) takes a track of its own
 * across the gap (`spreadLanes`).
 */
export function peakLanes(list: readonly Lane[]): number {
  const sorted = [...list].sort((p, q) => p.lo - q.lo);
  let peak = 0;
  let ats = new Set<number>();
  let end = -Infinity;
  for (const p of sorted) {
    if (p.lo >= end - 1e-3) ats = new Set();
    ats.add(Math.round(p.at * 100));
    end = Math.max(end, p.hi);
    peak = Math.max(peak, ats.size);
  }
  return peak;
}

/** The band's gap below the load balancers (network view) or above the boxes, with its room. */
export function bandGap(room: Room, which: 'balancers' | 'below'): number {
  return SPACING.bandGap + roomFor(room, { kind: 'band', which });
}
