import type { Service, Workload } from '../model';
import type { GraphNode } from './types';
import type { Unit } from './units';

/**
 * What a service card counts: the AZ spread and the failing ones among its live tasks or pods. A stopped task no
 * longer runs anywhere, so it adds nothing to an AZ's chip, in either view.
 */
export function azCountsOf(units: readonly Unit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of units) if (u.az && u.health !== 'stopped') out[u.az] = (out[u.az] ?? 0) + 1;
  return out;
}

function serviceDetail(s: Service): string {
  const placement = s.launchType ?? s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+');
  return `${s.running}/${s.desired} running${placement ? ` · ${placement}` : ''}`;
}

function workloadDetail(w: Workload): string {
  return `${w.workloadKind} · ${w.ready}/${w.desired} ready · ${w.namespace}`;
}

/** What both views draw for an ECS service: the band card in the network view, the box of its tasks in the service view. */
export function serviceNode(s: Service, units: readonly Unit[], color: number, routes: string[], parent?: string): GraphNode {
  return {
    kind: 'service',
    id: s.id,
    ...(parent ? { parent } : {}),
    label: s.name,
    color,
    detail: serviceDetail(s),
    azCounts: azCountsOf(units),
    deploying: s.deployments.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
    unhealthy: units.filter((u) => u.health === 'unhealthy').length,
    routes,
  };
}

/** What the band and the service view show for a Kubernetes workload: a card like a service's, in its colour. */
export function workloadNode(w: Workload, units: readonly Unit[], color: number, routes: string[], parent?: string): GraphNode {
  return {
    kind: 'workload',
    id: w.id,
    ...(parent ? { parent } : {}),
    label: w.name,
    color,
    detail: workloadDetail(w),
    azCounts: azCountsOf(units),
    deploying: w.updated !== undefined && w.updated < w.desired,
    unhealthy: units.filter((u) => u.health === 'unhealthy').length,
    routes,
    workloadKind: w.workloadKind,
  };
}
