import { resourcesOf, type Service, type Topology, type Workload } from '../model';

const short = (arn: string) => arn.split('/').pop() ?? arn;

/** A rule as the map labels it: its path conditions, or the listener's protocol and port for a default action. */
export function ruleLabel(listener: { protocol?: string | undefined; port?: number | undefined }, rule: { conditions: string[] }): string {
  return rule.conditions.length ? rule.conditions.map((c) => c.replace(/^path-pattern /, '')).join(' ') : `${listener.protocol ?? ''}:${listener.port ?? ''}`;
}

/** Per target group, the load balancer rules that send traffic to it, as "lb-name condition". */
export function routesByTargetGroup(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const lb of resourcesOf(topology, 'loadBalancer')) {
    for (const listener of lb.listeners) {
      for (const rule of listener.rules) {
        const what = ruleLabel(listener, rule);
        for (const t of rule.targets) {
          const list = out.get(t.targetGroupArn) ?? [];
          const route = `${lb.name} ${what}`;
          if (!list.includes(route)) list.push(route);
          out.set(t.targetGroupArn, list);
        }
      }
    }
  }
  return out;
}

export function serviceRoutes(s: Service, routes: Map<string, string[]>, tgNames: Map<string, string>): string[] {
  return s.loadBalancers.flatMap((b) => {
    if (!b.targetGroupArn) return [];
    const tg = tgNames.get(b.targetGroupArn) ?? short(b.targetGroupArn);
    const via = routes.get(b.targetGroupArn) ?? [];
    return via.length ? via.map((r) => `${r} → ${tg}`) : [`${tg} (no listener rule)`];
  });
}

/** Per workload, the target groups of the Kubernetes Services that select its pods. */
export function targetGroupsByWorkload(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const svc of resourcesOf(topology, 'kubeService'))
    for (const w of svc.workloadIds) for (const tg of svc.targetGroupArns) out.set(w, [...new Set([...(out.get(w) ?? []), tg])]);
  return out;
}

export function workloadRoutes(w: Workload, tgsOf: Map<string, string[]>, routes: Map<string, string[]>, tgNames: Map<string, string>): string[] {
  return (tgsOf.get(w.id) ?? []).flatMap((arn) => {
    const tg = tgNames.get(arn) ?? short(arn);
    const via = routes.get(arn) ?? [];
    return via.length ? via.map((r) => `${r} → ${tg}`) : [`${tg} (no listener rule)`];
  });
}
