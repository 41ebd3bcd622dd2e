import type { Graph, GraphNode } from '../graph/types';
import { isHierarchyTop, layoutGraph, placeBand } from './layoutGraph';
import { childrenIndex } from './packNetwork';
import { routeEdges } from './route';
import { isGridLeaf } from './sizes';
import { growBox, placeInFreeSlots, repackBox } from './stableBoxes';
import { bandUnchanged, columnsOf } from './stableBand';
import type { Box, Layout } from './types';

/** What the map drew last: the canvas hands it back so that what did not change stays where it was. */
export interface Previous {
  graph: Graph;
  layout: Layout;
}

export interface Relayout {
  layout: Layout;
  /**
   * Boxes whose contents were packed afresh because new tasks, pods or hosts did not fit their free slots (ids, in
   * graph order; "band" for the band of load balancers, target groups and services). Empty when nothing moved.
   */
  repacked: string[];
}

/** The boxes that frame the map: when one appears, goes or moves elsewhere, the whole map is packed afresh. */
const FRAME: Record<Graph['view'], ReadonlySet<GraphNode['kind']>> = {
  network: new Set(['vpc', 'az', 'subnet']),
  service: new Set(['cluster']),
};

/** The band's name in `repacked`. */
export const BAND = 'band';

const frameKey = (graph: Graph) =>
  graph.nodes
    .filter((n) => FRAME[graph.view].has(n.kind))
    .map((n) => `${n.id}<${n.parent ?? ''}`)
    .join('\n');

const fresh = (graph: Graph, repacked: string[]): Relayout => ({ layout: layoutGraph(graph), repacked });

/** The boxes a route depends on, by container: every child of a container holding an endpoint, up to the top. */
function routeSurroundings(edges: Graph['edges'], layout: Layout): Map<string, string> {
  const parentOf = new Map(layout.boxes.map((b) => [b.id, b.parent]));
  const containers = new Set<string | undefined>([undefined]);
  for (const e of edges) {
    for (const end of [e.source, e.target]) {
      for (let c = parentOf.get(end); c !== undefined && !containers.has(c); c = parentOf.get(c)) containers.add(c);
    }
  }
  const out = new Map<string, string>();
  for (const b of layout.boxes) {
    if (!containers.has(b.parent)) continue;
    out.set(b.id, `${b.parent ?? ''} ${b.x} ${b.y} ${b.width} ${b.height}`);
  }
  return out;
}

/**
 * Whether the last layout's routes are this one's: the same edges between the same ends, and not one box moved,
 * came or went among those a route passes or avoids (the children of the top and of every container holding an
 * end), in a map of the same size. Routing is then skipped, which on a large estate is most of a live update's work.
 */
function sameRoutes(graph: Graph, layout: Layout, previous: Previous): boolean {
  const [now, was] = [graph.edges, previous.graph.edges];
  if (now.length !== was.length || layout.width !== previous.layout.width || layout.height !== previous.layout.height) return false;
  if (now.some((e, i) => e.id !== was[i]?.id || e.source !== was[i]?.source || e.target !== was[i]?.target)) return false;
  const [here, there] = [routeSurroundings(now, layout), routeSurroundings(was, previous.layout)];
  if (here.size !== there.size) return false;
  for (const [id, at] of here) if (there.get(id) !== at) return false;
  return true;
}

/**
 * Pure: lays out `graph` keeping every node of `previous` where it was. A node that is still there, in the same
 * box, keeps its position and size; a new task or pod takes a free slot in its box (a slot left by one that went,
 * or the spare room a fresh layout leaves); one that went leaves its slot empty. Only a box whose new contents do not
 * fit is packed afresh (growing it, and what holds it, as far up as needed, pushing down what lies below it), and it
 * is named in `repacked`. A new VPC, AZ or subnet (network view) or cluster (service view) packs the whole map afresh.
 */
export function relayout(graph: Graph, previous?: Previous): Relayout {
  return stableStep(graph, previous, false) ?? fresh(graph, []);
}

/**
 * Pure: `relayout` when what changed fits where it is (no box packed afresh, the band as it was), else undefined,
 * having stopped before any packing. Cheap enough for the page's own thread, so a live update that only moves
 * tasks in and out of their slots skips the round trip to the layout worker.
 */
export function relayoutInPlace(graph: Graph, previous: Previous): Relayout | undefined {
  return stableStep(graph, previous, true);
}

/** The work of both: with `inPlace`, undefined wherever `relayout` would pack anything. */
function stableStep(graph: Graph, previous: Previous | undefined, inPlace: boolean): Relayout | undefined {
  if (!previous || previous.graph.view !== graph.view) return inPlace ? undefined : fresh(graph, []);
  const tops = graph.nodes.filter(isHierarchyTop).map((n) => n.id);
  if (frameKey(graph) !== frameKey(previous.graph)) return inPlace ? undefined : fresh(graph, tops);
  const before = new Map(previous.graph.nodes.map((n) => [n.id, n]));
  const prevBoxes = new Map(previous.layout.boxes.map((b) => [b.id, b]));
  const firstTop = previous.graph.nodes.find(isHierarchyTop);
  const oldOffset = (firstTop && prevBoxes.get(firstTop.id)?.y) ?? 0;

  // Kept: the same kind in the same box as before. The hierarchy is worked on with its tops at y = 0.
  const boxes = new Map<string, Box>();
  const inHierarchy = (n: GraphNode) => n.parent !== undefined || isHierarchyTop(n);
  for (const n of graph.nodes) {
    const was = before.get(n.id);
    const box = prevBoxes.get(n.id);
    if (!was || !box || was.kind !== n.kind || was.parent !== n.parent || !inHierarchy(n)) continue;
    boxes.set(n.id, n.parent === undefined ? { ...box, y: box.y - oldOffset } : box);
  }

  const children = childrenIndex(graph);
  const kids = (id: string) => children.get(id) ?? [];
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const repacked = new Set<string>();
  // Innermost boxes first, so a host is settled before the subnet around it.
  for (const node of [...graph.nodes].reverse()) {
    const box = boxes.get(node.id);
    if (!box || isGridLeaf(node.kind)) continue;
    const arrivals = kids(node.id).filter((k) => !boxes.has(k.id));
    if (!arrivals.length) continue;
    if (arrivals.every((k) => isGridLeaf(k.kind)) && placeInFreeSlots(node, box, kids(node.id), arrivals, boxes)) continue;
    if (inPlace) return undefined;
    const height = repackBox(graph.view, node, box, kids, boxes);
    if (height === undefined) return fresh(graph, tops);
    if (height > box.height) growBox(node.id, height, boxes, kids, parentOf);
    repacked.add(node.id);
  }
  if (graph.nodes.some((n) => inHierarchy(n) && !boxes.has(n.id))) return inPlace ? undefined : fresh(graph, tops);

  let offset = oldOffset;
  const band: Box[] = [];
  let bandWidth = previous.layout.width;
  if (bandUnchanged(graph, previous.graph, prevBoxes, inHierarchy)) {
    for (const n of graph.nodes) {
      const b = prevBoxes.get(n.id);
      if (!inHierarchy(n) && b) band.push(b);
    }
  } else {
    if (inPlace) return undefined;
    const topBoxes = tops.map((id) => boxes.get(id)).filter((b): b is Box => b !== undefined);
    const width = Math.max(0, ...topBoxes.map((b) => b.x + b.width));
    const placed = placeBand(graph, { boxes, width, height: 0, columns: columnsOf(graph, boxes) });
    band.push(...placed.boxes);
    bandWidth = placed.width;
    // The hierarchy stays where it was unless the band now needs more room above it.
    offset = Math.max(oldOffset, placed.offset);
    repacked.add(BAND);
  }
  const all = new Map(boxes);
  for (const id of tops) {
    const b = all.get(id);
    if (b) all.set(id, { ...b, y: b.y + offset });
  }
  for (const b of band) all.set(b.id, b);
  const ordered = graph.nodes.map((n) => all.get(n.id)).filter((b): b is Box => b !== undefined);
  const topLevel = ordered.filter((b) => b.parent === undefined);
  const packed: Layout = {
    boxes: ordered,
    width: Math.max(bandWidth, ...topLevel.map((b) => b.x + b.width)),
    height: Math.max(0, ...topLevel.map((b) => b.y + b.height)),
  };
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const kept = previous.layout.routes && sameRoutes(graph, packed, previous) ? previous.layout.routes : undefined;
  // Routing afresh is a large estate's heaviest step: not for the page's own thread.
  if (!kept && inPlace) return undefined;
  const routes = kept ?? Object.fromEntries(routeEdges(graph, packed));
  return {
    layout: { ...packed, routes },
    repacked: [...repacked].sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1)),
  };
}
