import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { changed, sibling, tasksOf } from '../topology/layout/stableChurn.fixture';
import { relayout, type Previous, type Relayout } from '../topology/layout/stableLayout';
import { quickOr } from './layoutRunner';

const demo = demoTopology();
const graphOf = (t: typeof demo) => buildGraph(t, { view: 'network', expanded: new Set() });

describe('the layout step', () => {
  const g0 = graphOf(demo);
  const previous: Previous = { graph: g0, layout: layoutGraph(g0) };
  const slowCalls: Graph[] = [];
  const slow = (graph: Graph, p?: Previous): Promise<Relayout> => {
    slowCalls.push(graph);
    return Promise.resolve(relayout(graph, p));
  };

  it('lays out here what fits in place, and sends the rest (and every fresh layout) to the worker', async () => {
    // A task in a subnet of its own (not on a host), as the layout's own tests take one.
    const parents = new Map(g0.nodes.map((n) => [n.id, n.parent]));
    const kinds = new Map(g0.nodes.map((n) => [n.id, n.kind]));
    const task = tasksOf(demo).find((t) => kinds.get(parents.get(t.id) ?? '') === 'subnet');
    if (!task) throw new Error('no task in a subnet');
    const run = quickOr(slow);
    const fits = graphOf(changed(demo, [sibling(task, 1)]));
    expect(await run(fits, previous)).toEqual(relayout(fits, previous));
    expect(slowCalls).toEqual([]);
    const crowded = graphOf(
      changed(
        demo,
        Array.from({ length: 8 }, (_, i) => sibling(task, 300 + i)),
      ),
    );
    await run(crowded, previous);
    await run(g0);
    expect(slowCalls).toEqual([crowded, g0]);
  });
});
