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
