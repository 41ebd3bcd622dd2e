import type { Graph, GraphNode } from '../graph/types';
import { bandOrder, packLoadBalancers } from './band';
import { packNetwork } from './packNetwork';
import { packService } from './packService';
import { ELK_BAND_OPTIONS, leafSize, SPACING } from './sizes';
import type { Box, ElkLike, ElkNode, Layout } from './types';

/** ELK lays out only the small band graph; every node gets its fixed size and a partition (its row). */
async function layoutBand(
  elk: ElkLike,
  nodes: GraphNode[],
  graph: Graph,
  partitionOf: (n: GraphNode) => number,
): Promise<{ boxes: Box[]; width: number; height: number }> {
  if (!nodes.length) return { boxes: [], width: 0, height: 0 };
  const ids = new Set(nodes.map((n) => n.id));
  const root: ElkNode = {
    id: 'band',
    layoutOptions: ELK_BAND_OPTIONS,
    children: nodes.map((n) => ({ id: n.id, ...leafSize(n.kind), layoutOptions: { 'elk.partitioning.partition': String(partitionOf(n)) } })),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(root);
  const boxes = (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  return { boxes, width: out.width ?? 0, height: out.height ?? 0 };
}

function ordered(graph: Graph, boxes: Map<string, Box>): Box[] {
  return graph.nodes.map((n) => boxes.get(n.id)).filter((b): b is Box => b !== undefined);
}

/**
 * Pure given ELK: graph → boxes. The hierarchy is packed deterministically; ELK places the band of target groups
 * and services (network view) or load balancers and target groups (service view) between the top and the boxes.
 */
export async function layoutGraph(graph: Graph, elk: ElkLike): Promise<Layout> {
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
    const band = await layoutBand(elk, bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1));
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
  const band = await layoutBand(elk, bandNodes, graph, (n) => (n.kind === 'loadBalancer' ? 0 : 1));
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
