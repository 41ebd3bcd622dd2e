import { ROLE } from '../graph/kinds';
import type { GraphNodeKind } from '../graph/types';

/**
 * Fixed sizes per node kind: the layout packs with them and React Flow gets them up front (no measuring pass).
 * Cards are tall enough for a name that wraps to a second line and a badge that wraps below it: a name is never cut.
 */
export const LEAF_SIZE: Partial<Record<GraphNodeKind, { width: number; height: number }>> = {
  task: { width: 128, height: 44 },
  pod: { width: 128, height: 44 },
  taskGroup: { width: 128, height: 44 },
  podGroup: { width: 128, height: 44 },
  loadBalancer: { width: 240, height: 54 },
  targetGroup: { width: 190, height: 80 },
  service: { width: 200, height: 80 },
  workload: { width: 200, height: 80 },
};

/** The rows a card stacks on the canvas, in px: a title line, the second line, the chips or a health bar, padding and border. */
export const CARD_ROWS = { title: 17, sub: 14, chips: 18, bar: 12, frame: 12 };

export const SPACING = {
  /** inside a box, around its children */
  pad: 12,
  /** between siblings */
  gap: 8,
  /** a box's title strip */
  header: { vpc: 40, az: 34, subnet: 40, instance: 40, node: 40, cluster: 58, namespace: 30, service: 98, workload: 98 },
  /** between the band (load balancers, target groups, services) and the VPC */
  bandGap: 56,
  /** between rows of load balancers */
  laneGap: 12,
  /** between the rows of a wrapped band */
  bandRowGap: 40,
  /** between the layers of a band row */
  bandLayerGap: 56,
};

/** A band narrower than this never wraps, however narrow the boxes below it. */
export const BAND_MIN_WIDTH = 2400;

/** What fills the grid inside a subnet, instance, node, service, workload, namespace or cluster box: tasks, pods and their folded groups. */
export function isGridLeaf(kind: GraphNodeKind): boolean {
  return ROLE[kind] === 'unit' || ROLE[kind] === 'group';
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

/**
 * Room a fresh layout leaves in every grid of tasks or pods: about a fifth more slots than it holds, and always at
 * least one free slot, so a task that starts later takes a free slot and nothing else on the map moves.
 */
export const SPARE = { share: 0.2, atLeast: 1 };

/** Height of a grid of `n` equal leaves in `cols` columns, with the spare room; an empty grid keeps a row only if `whenEmpty`. */
export function reservedHeight(n: number, cols: number, size: { height: number }, whenEmpty = true): number {
  if (n === 0 && !whenEmpty) return 0;
  const rows = Math.ceil((n + Math.max(SPARE.atLeast, Math.ceil(n * SPARE.share))) / Math.max(1, cols));
  return rows * (size.height + SPACING.gap) - SPACING.gap;
}
