import { isGroup, isOwner, isUnit } from '../topology/graph/kinds';
import type { Graph } from '../topology/graph/types';

/**
 * For each node a selection can stand for an owner through (an ECS service or Kubernetes workload, its tasks or
 * pods, their folded groups): that owner.
 */
export type FocusIndex = ReadonlyMap<string, string>;

export function focusIndex(graph: Graph): FocusIndex {
  const index = new Map<string, string>();
  for (const n of graph.nodes) {
    if (isOwner(n)) index.set(n.id, n.id);
    else if ((isUnit(n) || isGroup(n)) && n.ownerId !== undefined) index.set(n.id, n.ownerId);
  }
  return index;
}

/** Which service or workload the selection stands for, so its tasks or pods light up across every AZ and the rest dims. */
export function focusOwner(index: FocusIndex, selected: string | undefined): string | undefined {
  return selected === undefined ? undefined : index.get(selected);
}

/** How a node draws under the selection. */
export type NodeFocus = 'selected' | 'dimmed' | 'plain';

/** The owner that keeps a node lit while an owner is in focus; nodes that never dim (boxes, the band's load balancers) have none. */
export interface LitBy {
  ownerId: string | undefined;
}

/** Pure, so each node's selector returns a string and a node re-renders only when its own state changes. */
export function nodeFocus(index: FocusIndex, selected: string | undefined, id: string, litBy?: LitBy): NodeFocus {
  if (selected === id) return 'selected';
  if (!litBy) return 'plain';
  const focus = focusOwner(index, selected);
  return focus !== undefined && litBy.ownerId !== focus ? 'dimmed' : 'plain';
}
