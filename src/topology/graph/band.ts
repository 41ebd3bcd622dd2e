import { resourcesOf } from '../model';
import type { Selection } from './filter';
import { countHealth } from './health';
import { serviceNode, workloadNode } from './ownerNode';
import { routeIndex, serviceRoutes, targetGroupsByWorkload, workloadRoutes } from './routes';
import type { GraphNode, TaskHealth } from './types';
import { groupBy, SYSTEM_NAMESPACES } from './units';

/** A target's state as its group's health bar counts it. */
export function targetHealth(state: string): TaskHealth {
  return state === 'healthy' ? 'healthy' : state.startsWith('unhealthy') ? 'unhealthy' : state === 'initial' ? 'pending' : 'unknown';
}

/**
 * Pure: the band above the map, load balancers then target groups and, in the network view, the services and
 * application workloads they serve (the cluster's own machinery stays in its namespaces).
 */
export function bandNodes(sel: Selection): GraphNode[] {
  const { topology, colorOf } = sel;
  const nodes: GraphNode[] = [];
  for (const lb of resourcesOf(topology, 'loadBalancer'))
    nodes.push({ kind: 'loadBalancer', id: lb.id, label: lb.name, lbType: lb.type, scheme: lb.scheme, azs: [...new Set(lb.zones.map((z) => z.az))].sort() });
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    nodes.push({
      kind: 'targetGroup',
      id: tg.id,
      label: tg.name,
      detail: `${tg.protocol ?? ''}:${tg.port ?? ''} · ${tg.targetType}`,
      counts: countHealth((tg.targets ?? []).map((t) => targetHealth(t.state))),
      unreadable: tg.targets === undefined,
    });
  }
  if (sel.view !== 'network') return nodes;
  const routes = routeIndex(topology);
  const tgsOfWorkload = targetGroupsByWorkload(topology);
  // The band card counts live tasks only (see azCountsOf): a stopped task is no part of the service's spread.
  const byService = groupBy(sel.ecs, (u) => u.ownerId);
  for (const s of resourcesOf(topology, 'service')) nodes.push(serviceNode(s, byService.get(s.id) ?? [], colorOf(s.id), serviceRoutes(s, routes)));
  const byWorkload = groupBy(sel.pods, (u) => u.ownerId);
  for (const w of sel.workloads.filter((w) => !SYSTEM_NAMESPACES.has(w.namespace)))
    nodes.push(workloadNode(w, byWorkload.get(w.id) ?? [], colorOf(w.id), workloadRoutes(w, tgsOfWorkload, routes)));
  return nodes;
}
