import Flatbush from 'flatbush';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Layout } from '../topology/layout/types';
import type { Camera, Screen } from './viewport';

/**
 * What React Flow is handed on a large map: the boxes near the viewport, not the whole estate. React Flow's work on
 * every pan or zoom frame grows with the nodes it holds (it walks them all to find the visible ones), whatever few it
 * mounts; holding only the neighbourhood keeps that work the size of a screen.
 */

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge as the map holds it: an id and its two ends. */
interface EdgeLike {
  id: string;
  source: string;
  target: string;
}

/** Built once per layout: where every box and every edge's route lies, in absolute coordinates. */
export interface CullIndex {
  ids: readonly string[];
  /** Each box's parent, by position in `ids` (-1 at the top) */
  parents: Int32Array;
  at: ReadonlyMap<string, number>;
  boxes: Flatbush | undefined;
  edges: readonly EdgeLike[];
  /** Each edge's polyline (its route, else the straight line between its ends); empty when an end has no box */
  lines: readonly (readonly (readonly [number, number])[])[];
  /** Over the bounding boxes of `lines`, by position in `edges` */
  routes: Flatbush | undefined;
}

function flatbush(rects: readonly Rect[]): Flatbush | undefined {
  if (!rects.length) return undefined;
  const index = new Flatbush(rects.length);
  for (const r of rects) index.add(r.x, r.y, r.x + r.width, r.y + r.height);
  index.finish();
  return index;
}

function bounds(line: readonly (readonly [number, number])[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of line) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Pure: the index of a layout's boxes and of the routes of `edges`. */
export function cullIndex(layout: Layout, edges: readonly EdgeLike[]): CullIndex {
  const absolute = absoluteBoxes(layout);
  const ids = layout.boxes.map((b) => b.id);
  const at = new Map(ids.map((id, i) => [id, i]));
  const parents = Int32Array.from(layout.boxes, (b) => (b.parent === undefined ? -1 : (at.get(b.parent) ?? -1)));
  const lines = edges.map((e): (readonly [number, number])[] => {
    const route = layout.routes?.[e.id];
    if (route?.length) return route;
    const s = absolute.get(e.source);
    const t = absolute.get(e.target);
    // Drawn from the source's bottom to the target's top (present/edges): the box between them holds that line.
    return s && t
      ? [
          [s.x + s.width / 2, s.y + s.height],
          [t.x + t.width / 2, t.y],
        ]
      : [];
  });
  const drawn = lines.flatMap((l, i) => (l.length ? [i] : []));
  const routes = flatbush(drawn.map((i) => bounds(lines[i] ?? [])));
  return {
    ids,
    parents,
    at,
    boxes: flatbush(layout.boxes.map((b) => absolute.get(b.id) ?? b)),
    edges: drawn.map((i) => edges[i] as EdgeLike),
    lines: drawn.map((i) => lines[i] ?? []),
    routes,
  };
}

/**
 * The area held for a viewport: the screen and half a screen more on every side, its edges snapped to a grid a
 * quarter of a screen wide at the zoom bucket (half an octave), so nearby views hold the very same area.
 */
export interface Cell {
  key: string;
  bucket: number;
  /** The flow area on screen when the cell was taken */
  view: Rect;
  /** The flow area to hold */
  rect: Rect;
}

/** Zoom buckets per doubling of the zoom. */
const BUCKETS_PER_OCTAVE = 2;
/** Grid steps per screen side. */
const STEPS_PER_SCREEN = 4;

export function viewCell(camera: Camera, screen: Screen): Cell {
  const bucket = Math.floor(Math.log2(camera.zoom) * BUCKETS_PER_OCTAVE);
  const view = { x: -camera.x / camera.zoom, y: -camera.y / camera.zoom, width: screen.width / camera.zoom, height: screen.height / camera.zoom };
  // The bucket's lowest zoom shows the most: a step at that zoom is at least a quarter of any screen within the bucket.
  const zoom = 2 ** (bucket / BUCKETS_PER_OCTAVE);
  const w = Math.max(1, screen.width) / STEPS_PER_SCREEN / zoom;
  const h = Math.max(1, screen.height) / STEPS_PER_SCREEN / zoom;
  const c0 = Math.floor((view.x - view.width / 2) / w);
  const r0 = Math.floor((view.y - view.height / 2) / h);
  const c1 = Math.ceil((view.x + (view.width * 3) / 2) / w);
  const r1 = Math.ceil((view.y + (view.height * 3) / 2) / h);
  return { key: `${bucket}:${c0}:${r0}:${c1}:${r1}:${w}:${h}`, bucket, view, rect: { x: c0 * w, y: r0 * h, width: (c1 - c0) * w, height: (r1 - r0) * h } };
}

/**
 * Whether what was held for `held` still serves the view of `now`: the same zoom bucket, and the screen still inside
 * the held area. The set is picked again only when the view leaves it (after half a screen's pan at least), not each
 * time it crosses a line and back, and it is picked in the same frame, so the screen never shows a gap.
 */
export function stillHolds(held: Cell, now: Cell): boolean {
  const r = held.rect;
  const v = now.view;
  return held.bucket === now.bucket && v.x >= r.x && v.y >= r.y && v.x + v.width <= r.x + r.width && v.y + v.height <= r.y + r.height;
}

/** Whether a segment's bounding box meets the rect (routes are orthogonal, so that is whether the segment does). */
function segmentMeets([ax, ay]: readonly [number, number], [bx, by]: readonly [number, number], r: Rect): boolean {
  return Math.max(ax, bx) >= r.x && Math.min(ax, bx) <= r.x + r.width && Math.max(ay, by) >= r.y && Math.min(ay, by) <= r.y + r.height;
}

function lineMeets(line: readonly (readonly [number, number])[], r: Rect): boolean {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (a && b && segmentMeets(a, b, r)) return true;
  }
  return line.length === 1 && line[0] !== undefined && segmentMeets(line[0], line[0], r);
}

export interface Held {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * Pure: what to hand React Flow for an area: the boxes meeting it, every edge whose line crosses it with both its
 * ends, the `always` nodes (the selection, the Tab stop), and every ancestor of all of them (a child is placed
 * relative to its parent, which React Flow must hold).
 */
export function held(index: CullIndex, rect: Rect, always: readonly (string | undefined)[]): Held {
  const chosen = new Set<number>();
  const take = (i: number | undefined) => {
    for (let at = i ?? -1; at >= 0 && !chosen.has(at); at = index.parents[at] ?? -1) chosen.add(at);
  };
  const x1 = rect.x + rect.width;
  const y1 = rect.y + rect.height;
  for (const i of index.boxes?.search(rect.x, rect.y, x1, y1) ?? []) take(i);
  const edges = new Set<string>();
  for (const i of index.routes?.search(rect.x, rect.y, x1, y1) ?? []) {
    const edge = index.edges[i];
    if (!edge || !lineMeets(index.lines[i] ?? [], rect)) continue;
    edges.add(edge.id);
    take(index.at.get(edge.source));
    take(index.at.get(edge.target));
  }
  for (const id of always) if (id !== undefined) take(index.at.get(id));
  return { nodes: new Set([...chosen].map((i) => index.ids[i] ?? '')), edges };
}

const positions = new WeakMap<readonly { id: string }[], Map<string, number>>();

function positionsOf(all: readonly { id: string }[]): Map<string, number> {
  let known = positions.get(all);
  if (!known) {
    known = new Map(all.map((item, i) => [item.id, i]));
    positions.set(all, known);
  }
  return known;
}

/**
 * A picker of the held items out of a full list: the very objects of the list, in its order (parents before
 * children), and the previous array itself when it held exactly the same objects, so React Flow sees nothing new.
 * Each picker remembers its last answer; one per list a component hands React Flow.
 */
export function picker<T extends { id: string }>(): (all: readonly T[], ids: ReadonlySet<string>) => T[] {
  let last: T[] = [];
  return (all, ids) => {
    const at = positionsOf(all);
    const found: number[] = [];
    for (const id of ids) {
      const i = at.get(id);
      if (i !== undefined) found.push(i);
    }
    found.sort((a, b) => a - b);
    const next = found.map((i) => all[i] as T);
    if (next.length === last.length && next.every((item, i) => item === last[i])) return last;
    last = next;
    return next;
  };
}
