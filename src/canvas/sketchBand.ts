import { isOwner } from '../topology/graph/kinds';
import type { GraphEdge, GraphNode, HealthCounts } from '../topology/graph/types';
import { HEALTH_ORDER } from '../topology/present/theme';
import { byProblems, type SketchBar } from './sketchBars';

/**
 * The band at overview zoom, legible: its cards' text is a few pixels there, so it is summarised as labelled bars,
 * one per load balancer ("web-alb → 2 TGs → 5 services", its targets' health) and then one per service or workload
 * (its running tasks or pods and how many fail), problems first in each. SketchNode lays them out like a subnet's bars.
 */

const none = (): HealthCounts => ({ healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0 });
const sum = (c: HealthCounts) => HEALTH_ORDER.reduce((n, k) => n + c[k], 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Pure: the bars of the band drawn from `members` (its nodes), with the graph's `edges` for what each load balancer reaches. */
export function bandBars(members: readonly GraphNode[], edges: readonly GraphEdge[], nodes: ReadonlyMap<string, GraphNode>): SketchBar[] {
  const from = new Map<string, GraphEdge[]>();
  for (const e of edges) from.set(e.source, [...(from.get(e.source) ?? []), e]);
  const lbs: SketchBar[] = [];
  const owners: SketchBar[] = [];
  for (const n of members) {
    if (n.kind === 'loadBalancer') {
      const tgs = [...new Set((from.get(n.id) ?? []).filter((e) => e.kind === 'route').map((e) => e.target))];
      const services = new Set(tgs.flatMap((tg) => (from.get(tg) ?? []).filter((e) => e.kind === 'serves').map((e) => e.target)));
      const counts = none();
      for (const tg of tgs) {
        const node = nodes.get(tg);
        if (node?.kind === 'targetGroup') for (const k of HEALTH_ORDER) counts[k] += node.counts[k];
      }
      const label = `${n.label} → ${plural(tgs.length, 'TG', 'TGs')} → ${plural(services.size, 'service', 'services')}`;
      lbs.push({ id: n.id, kind: 'loadBalancer', label, color: -1, counts, total: sum(counts) });
    } else if (isOwner(n)) {
      const total = Object.values(n.azCounts).reduce((a, b) => a + b, 0);
      const unhealthy = Math.min(total, n.unhealthy);
      const counts = { ...none(), healthy: total - unhealthy, unhealthy };
      owners.push({ id: n.id, ownerId: n.id, kind: n.kind, label: n.label, color: n.color, counts, total });
    }
  }
  return [...lbs.sort(byProblems), ...owners.sort(byProblems)];
}
