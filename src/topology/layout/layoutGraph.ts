import type { Graph, GraphNode } from '../graph/types';
import { bandOrder, layoutBand, packLoadBalancers } from './band';
import { packNetwork, type Packed } from './packNetwork';
import { packService } from './packService';
import { bandGap, NO_ROOM, roomNeeded, type Room } from './room';
import { routeEdges } from './route';
import { BAND_MIN_WIDTH } from './sizes';
import type { Box, Layout } from './types';

/**
 * How often a layout is widened where its routes crowd: a widened gap can draw a route or two more into it, so a
 * second look settles what the first missed; most maps need none or one.
 */
const WIDEN_PASSES = 3;

function ordered(graph: Graph, boxes: Map<string, Box>): Box[] {
  return graph.nodes.map((n) => boxes.get(n.id)).filter((b): b is Box => b !== undefined);
}

/**
 * Pure: graph → boxes, packed deterministically, and every edge routed among them. The map is packed tight, routed,
 * and packed again with the gaps its routes crowd widened to the room their lanes need (`roomNeeded`), so a map
 * with few edges stays compact and a busy one keeps its lanes apart.
 */
export function layoutGraph(graph: Graph): Layout {
  let room: Room = NO_ROOM;
  let layout = packGraph(graph, room);
  let routes = routeEdges(graph, layout);
  for (let pass = 0; pass < WIDEN_PASSES; pass++) {
    const more = roomNeeded(graph, layout, routes);
    if (!more.size) break;
    room = new Map([...room, ...[...more].map(([key, extra]): [string, number] => [key, (room.get(key) ?? 0) + extra])]);
    layout = packGraph(graph, room);
    routes = routeEdges(graph, layout);
  }
  return { ...layout, routes: Object.fromEntries(routes) };
}

/** Top-level boxes that hold the hierarchy (VPCs, or clusters); everything else at the top belongs to the band. */
export const isHierarchyTop = (n: GraphNode): boolean => n.parent === undefined && (n.kind === 'vpc' || n.kind === 'cluster');

/** The hierarchy below the band: VPC › AZ › subnet (network view) or cluster › service (service view), at y = 0. */
export function packHierarchy(graph: Graph, room: Room = NO_ROOM): Packed {
  return graph.view === 'network' ? packNetwork(graph) : packService(graph, room);
}

/** The band's boxes (absolute), how far down the hierarchy starts below it, and the map's size. */
export interface Banded {
  boxes: Box[];
  offset: number;
  width: number;
  height: number;
}

/**
 * Pure: the band of target groups and services (network view) or load balancers and target groups (service view)
 * above a packed hierarchy; load balancers of the network view span the AZ columns they serve.
 */
export function placeBand(graph: Graph, packed: Packed, room: Room = NO_ROOM): Banded {
  const top = graph.nodes.filter((n) => n.parent === undefined);
  const below = bandGap(room, 'below');
  const out: Box[] = [];
  if (graph.view === 'network') {
    const lbs = packLoadBalancers(
      top.filter((n) => n.kind === 'loadBalancer'),
      packed.columns,
      packed.width,
    );
    const lbX = new Map(lbs.boxes.map((b) => [b.id, b.x + b.width / 2]));
    const bandNodes = bandOrder(top, graph.edges, lbX);
    const band = layoutBand(bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
    const bandY = lbs.height ? lbs.height + bandGap(room, 'balancers') : 0;
    const bandX = Math.max(0, (packed.width - band.width) / 2);
    const offset = bandY + (band.height ? band.height + below : 0);
    out.push(...lbs.boxes, ...band.boxes.map((b) => ({ ...b, x: b.x + bandX, y: b.y + bandY })));
    return { boxes: out, offset, width: Math.max(packed.width, band.width + bandX), height: offset + packed.height };
  }
  const bandNodes: GraphNode[] = [
    ...top.filter((n) => n.kind === 'loadBalancer'),
    ...bandOrder(top, graph.edges, new Map()).filter((n) => n.kind === 'targetGroup'),
  ];
  const band = layoutBand(bandNodes, graph, (n) => (n.kind === 'loadBalancer' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
  const bandX = Math.max(0, (packed.width - band.width) / 2);
  const offset = band.height ? band.height + below : 0;
  out.push(...band.boxes.map((b) => ({ ...b, x: b.x + bandX })));
  return { boxes: out, offset, width: Math.max(packed.width, band.width), height: offset + packed.height };
}

/**
 * Pure: graph → boxes, packed deterministically: the hierarchy, then the band of target groups and services
 * (network view) or load balancers and target groups (service view) between the top and the boxes.
 */
function packGraph(graph: Graph, room: Room): Layout {
  const packed = packHierarchy(graph, room);
  const band = placeBand(graph, packed, room);
  const all = new Map(packed.boxes);
  for (const b of band.boxes) all.set(b.id, b);
  for (const n of graph.nodes) {
    const b = all.get(n.id);
    if (b && isHierarchyTop(n)) all.set(n.id, { ...b, y: b.y + band.offset });
  }
  return { boxes: ordered(graph, all), width: band.width, height: band.height };
}
