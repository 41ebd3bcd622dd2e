import type { GraphNodeKind } from '../graph/types';

/** Fixed sizes per node kind: the layout packs with them and React Flow gets them up front (no measuring pass). */
export const LEAF_SIZE: Partial<Record<GraphNodeKind, { width: number; height: number }>> = {
  task: { width: 128, height: 44 },
  taskGroup: { width: 128, height: 44 },
  loadBalancer: { width: 240, height: 54 },
  targetGroup: { width: 190, height: 50 },
  service: { width: 200, height: 62 },
};

export const SPACING = {
  /** inside a box, around its children */
  pad: 12,
  /** between siblings */
  gap: 8,
  /** a box's title strip */
  header: { vpc: 40, az: 34, subnet: 40, instance: 40, node: 40, cluster: 58, namespace: 30, service: 80 },
  /** between the band (load balancers, target groups, services) and the VPC */
  bandGap: 56,
  /** between rows of load balancers */
  laneGap: 12,
  /** between the rows of a wrapped band */
  bandRowGap: 40,
  /** between the layers of a band row packed without ELK */
  bandLayerGap: 56,
};

/** A band narrower than this never wraps, however narrow the boxes below it. */
export const BAND_MIN_WIDTH = 2400;

/** What fills the grid inside a subnet, instance, node, service, namespace or cluster box. */
export function isGridLeaf(kind: GraphNodeKind): boolean {
  return kind === 'task' || kind === 'taskGroup';
}

export function leafSize(kind: GraphNodeKind): { width: number; height: number } {
  const size = LEAF_SIZE[kind];
  if (!size) throw new Error(`${kind} is a container, not a leaf`);
  return size;
}

/** Boxes inside a subnet that hold their own grid of tasks or pods: ECS container instances and EKS nodes. */
export function isHost(kind: GraphNodeKind): boolean {
  return kind === 'instance' || kind === 'node';
}

export const BAND_NODE_GAP = 24;

/** Bands with more nodes than this are packed group by group instead of by ELK. */
export const BAND_ELK_LIMIT = 150;

/** ELK options for the band: layered, cheap placement (about 10× faster than the defaults on large bands). */
export const ELK_BAND_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.thoroughness': '1',
  'elk.partitioning.activate': 'true',
  'elk.spacing.nodeNode': String(BAND_NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'false',
};
