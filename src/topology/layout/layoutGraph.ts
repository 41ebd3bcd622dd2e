import type { Graph, GraphNode } from '../graph/types';
import { bandOrder, layoutBand, packLoadBalancers } from './band';
import { packNetwork } from './packNetwork';
import { packService } from './packService';
import { routeEdges } from './route';
import { BAND_MIN_WIDTH, SPACING } from './sizes';
import type { Box, Layout } from './types';

function ordered(graph: Graph, boxes: Map<string, Box>): Box[] {
  return graph.nodes.map((n) => boxes.get(n.id)).filter((b): b is Box => b !== undefined);
}

/** Pure: graph → boxes, packed deterministically, and every edge routed among them. */
export function layoutGraph(graph: Graph): Layout {
  const packed = packGraph(graph);
  return { ...packed, routes: Object.fromEntries(routeEdges(graph, packed)) };
}

/**
 * Pure: graph → boxes, packed deterministically: the hierarchy, then the band of target groups and services
 * (network view) or load balancers and target groups (service view) between the top and the boxes.
 */
function packGraph(graph: Graph): Layout {
  const top = graph.nodes.filter((n) => n.parent === undefined);
  const { bandGap } = SPACING;
  if (graph.view === 'network') {
    const packed = packNetwork(graph);
    const lbs = packLoadBalancers(
      top.filter((n) => n.kind === 'loadBalancer'),
      packed.columns,
      packed.width,
    );
    const lbX = new Map(lbs.boxes.map((b) => [b.id, b.x + b.width / 2]));
    const bandNodes = bandOrder(top, graph.edges, lbX);
    const band = layoutBand(bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
    const bandY = lbs.height ? lbs.height + bandGap : 0;
    const bandX = Math.max(0, (packed.width - band.width) / 2);
    const vpcY = bandY + (band.height ? band.height + bandGap : 0);
    const all = new Map(packed.boxes);
    for (const b of lbs.boxes) all.set(b.id, b);
    for (const b of band.boxes) all.set(b.id, { ...b, x: b.x + bandX, y: b.y + bandY });
    for (const n of top) {
      const b = all.get(n.id);
      if (b && (n.kind === 'vpc' || n.kind === 'cluster')) all.set(n.id, { ...b, y: b.y + vpcY });
    }
    return { boxes: ordered(graph, all), width: Math.max(packed.width, band.width + bandX), height: vpcY + packed.height };
  }
  const packed = packService(graph);
  const bandNodes: GraphNode[] = [
    ...top.filter((n) => n.kind === 'loadBalancer'),
    ...bandOrder(top, graph.edges, new Map()).filter((n) => n.kind === 'targetGroup'),
  ];
  const band = layoutBand(bandNodes, graph, (n) => (n.kind === 'loadBalancer' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
  const bandX = Math.max(0, (packed.width - band.width) / 2);
  const clusterY = band.height ? band.height + bandGap : 0;
  const all = new Map(packed.boxes);
  for (const b of band.boxes) all.set(b.id, { ...b, x: b.x + bandX });
  for (const n of top) {
    const b = all.get(n.id);
    if (b && n.kind === 'cluster') all.set(n.id, { ...b, y: b.y + clusterY });
  }
  return { boxes: ordered(graph, all), width: Math.max(packed.width, band.width), height: clusterY + packed.height };
}
