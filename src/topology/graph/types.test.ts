import { describe, expect, expectTypeOf, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf } from '../model';
import { buildGraph } from './buildGraph';
import type { GraphEdge, GraphNode, GraphNodeKind, HealthCounts, TaskHealth } from './types';

/** Every node kind, once: adding a kind to GraphNode without listing it here fails the type check. */
const KINDS: Record<GraphNodeKind, true> = {
  vpc: true,
  az: true,
  subnet: true,
  instance: true,
  cluster: true,
  task: true,
  pod: true,
  node: true,
  taskGroup: true,
  podGroup: true,
  namespace: true,
  loadBalancer: true,
  targetGroup: true,
  service: true,
  workload: true,
};

describe('the graph types', () => {
  it('count every task health and nothing else', () => {
    // countHealth adds each health to its own counter: the two must name the same states.
    expectTypeOf<keyof HealthCounts>().toEqualTypeOf<TaskHealth>();
    expectTypeOf<Extract<GraphNode, { kind: 'task' }>['health']>().toEqualTypeOf<TaskHealth>();
    expectTypeOf<GraphEdge['kind']>().toEqualTypeOf<'route' | 'serves'>();
  });

  it('hold what buildGraph emits for the demo: declared kinds only, parents before children', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(demoTopology(), { view, expanded: new Set() });
      expect(graph.view).toBe(view);
      expect(graph.nodes.filter((n) => !(n.kind in KINDS)).map((n) => n.kind)).toEqual([]);
      const seen = new Set<string>();
      for (const n of graph.nodes) {
        if (n.parent !== undefined) expect(seen.has(n.parent), `${n.id} after its parent ${n.parent}`).toBe(true);
        seen.add(n.id);
      }
      expect(seen.size).toBe(graph.nodes.length);
    }
  });

  it('draw pods, folded pods and workloads as kinds of their own, each unit naming its owner in ownerId', () => {
    const demo = demoTopology();
    const pods = new Set(resourcesOf(demo, 'pod').map((p) => p.id));
    const workloads = new Set(resourcesOf(demo, 'workload').map((w) => w.id));
    for (const view of ['network', 'service'] as const) {
      const folded = buildGraph(demo, { view, expanded: new Set() }).nodes;
      const groups = folded.filter((n) => n.kind === 'taskGroup' || n.kind === 'podGroup');
      const opened = buildGraph(demo, { view, expanded: new Set(groups.map((g) => g.id)) }).nodes;
      const nodes = [...folded, ...opened];
      expect(new Set(nodes.filter((n) => pods.has(n.id)).map((n) => n.kind)), view).toEqual(new Set(['pod']));
      expect(new Set(nodes.filter((n) => workloads.has(n.id)).map((n) => n.kind)), view).toEqual(new Set(['workload']));
      // A folded run of pods is a pod group, and a pod group holds pods only.
      for (const g of groups) {
        const members = g.kind === 'podGroup' ? g.podIds : g.taskIds;
        expect(g.kind, g.id).toBe(members.every((id) => pods.has(id)) ? 'podGroup' : 'taskGroup');
      }
      expect(
        groups.some((g) => g.kind === 'podGroup'),
        view,
      ).toBe(true);
      // The flag and the old owner field are gone; a pod of a workload names it as its owner.
      expect(nodes.filter((n) => 'pod' in n || 'serviceId' in n || (n.kind === 'service' && 'workloadKind' in n))).toEqual([]);
      const owned = resourcesOf(demo, 'pod').find((p) => p.workloadId !== undefined && p.namespace === 'orders');
      expect(opened.find((n) => n.id === owned?.id)).toMatchObject({ kind: 'pod', ownerId: owned?.workloadId });
    }
  });
});
