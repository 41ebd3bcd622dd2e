import { resourcesOf, type Service, type Topology, type Workload } from '../model';
import { unreadBecause } from './completeness';
import { join, relations } from './relations';

/**
 * A target group's name from its ARN (arn:…:targetgroup/<name>/<id>), for a group DescribeTargetGroups did not
 * give: the name is what the user knows it by, the trailing id is not.
 */
export function targetGroupName(arn: string): string {
  const m = /:targetgroup\/([^/]+)\//.exec(arn);
  return m?.[1] ?? arn;
}

/** A rule as the map labels it: its path conditions, or the listener's protocol and port for a default action. */
export function ruleLabel(listener: { protocol?: string | undefined; port?: number | undefined }, rule: { conditions: string[] }): string {
  return rule.conditions.length ? rule.conditions.map((c) => c.replace(/^path-pattern /, '')).join(' ') : `${listener.protocol ?? ''}:${listener.port ?? ''}`;
}

/** Per target group, the load balancer rules that send traffic to it, as "lb-name condition" (relations.routes). */
export function routesByTargetGroup(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { from: lb, key: tg, via } of join(topology, relations.routes)) {
    const route = `${lb.name} ${ruleLabel(via.listener, via.rule)}`;
    const list = out.get(tg) ?? [];
    if (!list.includes(route)) list.push(route);
    out.set(tg, list);
  }
  return out;
}

/** What a service or workload card needs to say how traffic reaches it, computed once per graph. */
export interface RouteIndex {
  routes: Map<string, string[]>;
  /** Target groups described, by ARN */
  groups: Map<string, { name: string; loadBalancerArns: string[] }>;
  /** A failed call may have hidden rules (target groups, load balancers, listeners or rules not read) */
  rulesUnread: boolean;
}

export function routeIndex(topology: Topology): RouteIndex {
  return {
    routes: routesByTargetGroup(topology),
    groups: new Map(resourcesOf(topology, 'targetGroup').map((tg) => [tg.id, { name: tg.name, loadBalancerArns: tg.loadBalancerArns }])),
    rulesUnread: unreadBecause(topology.errors, 'listenerRule').length > 0,
  };
}

/**
 * "lb rule → tg" per rule that forwards to the group. Without one: "no listener rule" only when that is known (the
 * group was described and names no balancer, or every rule was read); otherwise the rules were not read.
 */
function routesTo(arns: readonly string[], index: RouteIndex): string[] {
  return arns.flatMap((arn) => {
    const group = index.groups.get(arn);
    const tg = group?.name ?? targetGroupName(arn);
    const via = index.routes.get(arn) ?? [];
    if (via.length) return via.map((r) => `${r} → ${tg}`);
    const known = group?.loadBalancerArns.length === 0 || !index.rulesUnread;
    return [`${tg} (${known ? 'no listener rule' : 'listener rules not read'})`];
  });
}

export function serviceRoutes(s: Service, index: RouteIndex): string[] {
  return routesTo(
    relations.serviceTargetGroups.links(s).map((l) => l.key),
    index,
  );
}

/** Per workload, the target groups of the Kubernetes Services that select its pods (two rows of the table, chained). */
export function targetGroupsByWorkload(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const svc of resourcesOf(topology, 'kubeService')) {
    const tgs = relations.kubeServiceTargetGroups.links(svc).map((l) => l.key);
    for (const { key: w } of relations.kubeServiceWorkloads.links(svc)) out.set(w, [...new Set([...(out.get(w) ?? []), ...tgs])]);
  }
  return out;
}

export function workloadRoutes(w: Workload, tgsOf: Map<string, string[]>, index: RouteIndex): string[] {
  return routesTo(tgsOf.get(w.id) ?? [], index);
}
