import { resourcesOf, type Topology } from '../model';
import { join, relations } from './relations';
import { ruleLabel, targetGroupsByWorkload } from './routes';
import type { GraphEdge } from './types';

/**
 * Pure: the band's edges, load balancer → target group (labelled with the rules that forward to it) and target
 * group → the service or workload it serves, among the nodes drawn (`known`).
 */
export function bandEdges(topology: Topology, known: ReadonlySet<string>): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  const unhealthyTg = new Set(
    resourcesOf(topology, 'targetGroup')
      .filter((tg) => tg.targets?.some((t) => t.state.startsWith('unhealthy')))
      .map((tg) => tg.id),
  );
  for (const { from: lb, key: tg, via } of join(topology, relations.routes)) {
    const id = `${lb.id}->${tg}`;
    const what = ruleLabel(via.listener, via.rule);
    const prev = edges.get(id);
    edges.set(id, { id, source: lb.id, target: tg, kind: 'route', label: prev?.label ? `${prev.label}, ${what}` : what, unhealthy: unhealthyTg.has(tg) });
  }
  const serve = (tg: string, to: string) => {
    if (!known.has(tg) || !known.has(to)) return;
    edges.set(`${tg}->${to}`, { id: `${tg}->${to}`, source: tg, target: to, kind: 'serves', unhealthy: unhealthyTg.has(tg) });
  };
  for (const { from: s, key: tg } of join(topology, relations.serviceTargetGroups)) serve(tg, s.id);
  for (const [w, list] of targetGroupsByWorkload(topology)) for (const tg of list) serve(tg, w);
  return [...edges.values()].filter((e) => known.has(e.source) && known.has(e.target));
}

/**
 * Pure: the edges of the whole route through a node: upstream along edges into it (a service's target groups, their
 * load balancers) and downstream along edges out of it (a load balancer's target groups, the services they serve),
 * never sideways into a sibling's route.
 */
export function routeThrough(edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target'>[], id: string): Set<string> {
  const on = new Set<string>();
  const walk = (from: string, along: 'source' | 'target', back: 'source' | 'target', seen: Set<string>) => {
    for (const e of edges) {
      if (e[along] !== from || on.has(e.id)) continue;
      on.add(e.id);
      if (!seen.has(e[back])) {
        seen.add(e[back]);
        walk(e[back], along, back, seen);
      }
    }
  };
  walk(id, 'source', 'target', new Set([id]));
  walk(id, 'target', 'source', new Set([id]));
  return on;
}
