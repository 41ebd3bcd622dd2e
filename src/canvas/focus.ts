import type { Graph } from '../topology/graph/types';

/** For each node a selection can stand for a service through (the service, its tasks, its folded groups): that service. */
export type FocusIndex = ReadonlyMap<string, string>;

export function focusIndex(graph: Graph): FocusIndex {
  const index = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.kind === 'service') index.set(n.id, n.id);
    else if ((n.kind === 'task' || n.kind === 'taskGroup') && n.serviceId !== undefined) index.set(n.id, n.serviceId);
  }
  return index;
}

/** Which service the selection stands for, so its tasks light up across every AZ and the rest dims. */
export function focusService(index: FocusIndex, selected: string | undefined): string | undefined {
  return selected === undefined ? undefined : index.get(selected);
}

/** How a node draws under the selection. */
export type NodeFocus = 'selected' | 'dimmed' | 'plain';

/** The service that keeps a node lit while a service is in focus; nodes that never dim (boxes, the band's load balancers) have none. */
export interface LitBy {
  serviceId: string | undefined;
}

/** Pure, so each node's selector returns a string and a node re-renders only when its own state changes. */
export function nodeFocus(index: FocusIndex, selected: string | undefined, id: string, litBy?: LitBy): NodeFocus {
  if (selected === id) return 'selected';
  if (!litBy) return 'plain';
  const focus = focusService(index, selected);
  return focus !== undefined && litBy.serviceId !== focus ? 'dimmed' : 'plain';
}
