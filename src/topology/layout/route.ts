import type { Graph } from '../graph/types';
import { absoluteBoxes } from './absolute';
import { levelGrid, type LevelGrid, type Rect } from './routeGrid';
import { spreadLanes, type RoutedEdge } from './routeLanes';
import { simplify, type Point } from './routePath';
import { createSearch } from './routeSearch';
import type { Box, Layout } from './types';

export type { Point } from './routePath';

/** Room around the whole map for routes that go round the outside. */
const MARGIN = 24;
/** A source's port keeps this far from its corners. */
const PORT_INSET = 8;

const ROOT = '';
type Edge = Graph['edges'][number];
const centreX = (b: Rect) => b.x + b.width / 2;

/**
 * Pure: every edge as an orthogonal polyline in absolute coordinates, from its source's bottom border to its own
 * target's top border, keeping clear of every box that is neither an endpoint nor an ancestor of one.
 *
 * Routes are found level by level down the box tree, so each search sees only one container's children: among the
 * source's siblings to the border of the target's outermost container, then inside each container to the next one
 * down, and last to the target. Edges from one source leave it at one port and share a trunk until they fork; edges
 * into one target arrive at ports spread along its top in the order of their sources. Segments of different sources
 * that land on one grid line are then spread into lanes across their gap. Edges with an endpoint that has no box,
 * or whose source sits deeper than the target's containers, get no route.
 */
export function routeEdges(graph: Pick<Graph, 'edges'>, layout: Layout): Map<string, Point[]> {
  const abs = absoluteBoxes(layout);
  const parentOf = new Map(layout.boxes.map((b) => [b.id, b.parent ?? ROOT]));
  const children = new Map<string, Box[]>();
  for (const b of layout.boxes) {
    const key = b.parent ?? ROOT;
    const list = children.get(key);
    if (list) list.push(abs.get(b.id) ?? b);
    else children.set(key, [abs.get(b.id) ?? b]);
  }
  const bounds = rootBounds(children.get(ROOT) ?? [], layout);
  const search = createSearch();
  const grids = new Map<string, LevelGrid>();
  const gridOf = (container: string): LevelGrid => {
    let grid = grids.get(container);
    if (!grid) {
      const box = abs.get(container);
      grids.set(container, (grid = levelGrid(box ?? bounds, children.get(container) ?? [])));
    }
    return grid;
  };

  /** The containers from the target's parent up to (not including) the source's parent, or undefined if none. */
  const descent = (source: string, target: string): string[] | undefined => {
    const level = parentOf.get(source) ?? ROOT;
    const out: string[] = [];
    for (let c = parentOf.get(target) ?? ROOT; c !== level; c = parentOf.get(c) ?? ROOT) {
      if (c === ROOT || c === source) return undefined;
      out.push(c);
    }
    return out;
  };

  const edges = graph.edges.filter((e) => abs.has(e.source) && abs.has(e.target) && e.source !== e.target && descent(e.source, e.target));
  const targetPorts = portsOnTops(edges, abs);

  // Inside the target's containers, from the innermost out: each search may enter its container anywhere along the
  // top, weighed by how far that is from the source, and the next one out aims at where it entered.
  const inner = new Map<string, { goal: Point; pieces: Point[][] }>();
  for (const e of edges) {
    const s = abs.get(e.source);
    let goal = targetPorts.get(e.id);
    if (!s || !goal) continue;
    const pieces: Point[][] = [];
    for (const c of descent(e.source, e.target) ?? []) {
      const grid = gridOf(c);
      const top = grid.bounds.y;
      const starts = grid.xs.map((x) => ({ at: [x, top] as Point, cost: Math.abs(x - centreX(s)) }));
      const piece: Point[] | undefined = goal ? search(grid, starts, goal) : undefined;
      goal = piece?.[0];
      if (piece) pieces.unshift(piece);
    }
    if (goal) inner.set(e.id, { goal, pieces });
  }

  const bySource = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = bySource.get(e.source);
    if (list) list.push(e);
    else bySource.set(e.source, [e]);
  }
  const sourcePort = new Map<string, number>();
  for (const e of edges) {
    const s = abs.get(e.source);
    const goal = inner.get(e.id)?.goal;
    if (!s || !goal || sourcePort.has(e.source)) continue;
    const xs = (bySource.get(e.source) ?? []).map((o) => inner.get(o.id)?.goal[0] ?? centreX(s));
    const aim = (Math.min(...xs) + Math.max(...xs)) / 2;
    const inset = Math.min(PORT_INSET, s.width / 2);
    sourcePort.set(e.source, Math.min(s.x + s.width - inset, Math.max(s.x + inset, aim)));
  }

  const routed: (RoutedEdge & { id: string })[] = [];
  for (const e of edges) {
    const s = abs.get(e.source);
    const path = inner.get(e.id);
    const px = sourcePort.get(e.source);
    if (!s || !path || px === undefined) continue;
    const level = gridOf(parentOf.get(e.source) ?? ROOT);
    const first = search(level, [{ at: [px, s.y + s.height], cost: 0 }], path.goal);
    if (!first) continue;
    routed.push({ id: e.id, bundle: e.source, points: simplify([...first, ...path.pieces.flat()]) });
  }
  const used = new Set([ROOT, ...edges.flatMap((e) => descent(e.source, e.target) ?? [])]);
  const walls = [...used].flatMap((c) => children.get(c) ?? []);
  spreadLanes(routed, walls, bounds);
  return new Map(routed.map((r) => [r.id, simplify(r.points)]));
}

function rootBounds(top: readonly Rect[], layout: Layout): Rect {
  const x0 = Math.min(0, ...top.map((b) => b.x)) - MARGIN;
  const y0 = Math.min(0, ...top.map((b) => b.y)) - MARGIN;
  const x1 = Math.max(layout.width, ...top.map((b) => b.x + b.width)) + MARGIN;
  const y1 = Math.max(layout.height, ...top.map((b) => b.y + b.height)) + MARGIN;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Where each edge meets its target: one port per source along the target's top, spread evenly and ordered by the
 * sources' positions so the arrivals do not cross; edges from one source to one target share a port.
 */
function portsOnTops(edges: readonly { id: string; source: string; target: string }[], abs: Map<string, Box>): Map<string, Point> {
  const sourcesOf = new Map<string, string[]>();
  for (const e of edges) {
    const list = sourcesOf.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    sourcesOf.set(e.target, list);
  }
  const slot = new Map<string, number>();
  for (const [target, sources] of sourcesOf) {
    const ordered = [...sources].sort(
      (a, b) => centreX(abs.get(a) ?? { x: 0, y: 0, width: 0, height: 0 }) - centreX(abs.get(b) ?? { x: 0, y: 0, width: 0, height: 0 }) || (a < b ? -1 : 1),
    );
    const t = abs.get(target);
    if (!t) continue;
    ordered.forEach((s, k) => slot.set(`${s}\n${target}`, t.x + (t.width * (k + 1)) / (ordered.length + 1)));
  }
  const out = new Map<string, Point>();
  for (const e of edges) {
    const t = abs.get(e.target);
    const x = slot.get(`${e.source}\n${e.target}`);
    if (t && x !== undefined) out.set(e.id, [x, t.y]);
  }
  return out;
}
