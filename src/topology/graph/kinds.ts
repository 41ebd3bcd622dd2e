import type { GraphNode, GraphNodeKind } from './types';

/**
 * What each node kind is on the map, in one place: boxes that hold others, units (a task or a pod), folded groups
 * of units, owners (an ECS service or a Kubernetes workload: what runs units and gives them their colour), and the
 * band's load balancers and target groups.
 */
export const ROLE = {
  vpc: 'box',
  az: 'box',
  subnet: 'box',
  instance: 'box',
  node: 'box',
  cluster: 'box',
  namespace: 'box',
  task: 'unit',
  pod: 'unit',
  taskGroup: 'group',
  podGroup: 'group',
  service: 'owner',
  workload: 'owner',
  loadBalancer: 'band',
  targetGroup: 'band',
} as const satisfies Record<GraphNodeKind, 'box' | 'unit' | 'group' | 'owner' | 'band'>;

type Role = (typeof ROLE)[GraphNodeKind];
type KindsOf<R extends Role> = { [K in GraphNodeKind]: (typeof ROLE)[K] extends R ? K : never }[GraphNodeKind];

/** A task or a pod */
export type UnitNode = Extract<GraphNode, { kind: KindsOf<'unit'> }>;
/** A folded run of tasks or of pods */
export type GroupNode = Extract<GraphNode, { kind: KindsOf<'group'> }>;
/** An ECS service or a Kubernetes workload */
export type OwnerNode = Extract<GraphNode, { kind: KindsOf<'owner'> }>;

export const isUnit = (n: GraphNode): n is UnitNode => ROLE[n.kind] === 'unit';
export const isGroup = (n: GraphNode): n is GroupNode => ROLE[n.kind] === 'group';
export const isOwner = (n: GraphNode): n is OwnerNode => ROLE[n.kind] === 'owner';

/** The tasks or pods a folded group stands for. */
export function memberIds(g: GroupNode): string[] {
  return g.kind === 'taskGroup' ? g.taskIds : g.podIds;
}
