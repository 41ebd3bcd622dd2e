import { describe, expect, expectTypeOf, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
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
  node: true,
  taskGroup: true,
  namespace: true,
  loadBalancer: true,
  targetGroup: true,
  service: true,
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
});
