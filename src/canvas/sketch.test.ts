import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { isGroup } from '../topology/graph/kinds';
import type { Graph } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Layout } from '../topology/layout/types';
import { resourcesOf, type Topology } from '../topology/model';
import { itemAt, needsOverview, overview, overviewBelowZoom } from './sketch';

const demo = demoTopology();
const big = syntheticEstate({ clusters: 6, services: 120, tasks: 1500, loadBalancers: 6, azs: 3, seed: 3 });

function laid(topology: Topology, view: 'network' | 'service', expanded: ReadonlySet<string> = new Set()): { graph: Graph; layout: Layout } {
  const graph = buildGraph(topology, { view, expanded });
  return { graph, layout: layoutGraph(graph) };
}

/** The map with every folded group opened, so tasks stand one by one on their hosts. */
function unfolded(topology: Topology): { graph: Graph; layout: Layout } {
  const groups = laid(topology, 'network').graph.nodes.flatMap((n) => (isGroup(n) ? [n.id] : []));
  return laid(topology, 'network', new Set(groups));
}

describe('overview level of detail', () => {
  it('exists only for large maps', async () => {
    expect(needsOverview(laid(demo, 'network').graph)).toBe(false);
    expect(needsOverview(laid(big, 'network').graph)).toBe(true);
  });

  it('draws every node either as itself or in exactly one sketch, inside the sketch, in both views', async () => {
    for (const view of ['network', 'service'] as const) {
      const { graph, layout } = laid(big, view);
      const { keep, sketches } = overview(graph, layout);
      const drawn = new Map<string, number>();
      for (const sketch of sketches) {
        if (sketch.parentId) expect(keep.has(sketch.parentId), sketch.id).toBe(true);
        for (const it of sketch.data.items) {
          drawn.set(it.id, (drawn.get(it.id) ?? 0) + 1);
          expect(it.x).toBeGreaterThanOrEqual(-0.5);
          expect(it.y).toBeGreaterThanOrEqual(-0.5);
          expect(it.x + it.w).toBeLessThanOrEqual(sketch.data.width + 0.5);
          expect(it.y + it.h).toBeLessThanOrEqual(sketch.data.height + 0.5);
        }
      }
      for (const n of graph.nodes) expect(Number(keep.has(n.id)) + (drawn.get(n.id) ?? 0), `${view} ${n.kind} ${n.id}`).toBe(1);
      // A few hundred DOM nodes at most stand for thousands.
      expect(keep.size + sketches.length).toBeLessThan(graph.nodes.length / 10);
    }
  });

  it('keeps the band edges as lines, the unhealthy ones marked', async () => {
    const { graph, layout } = laid(big, 'network');
    const band = overview(graph, layout).sketches.find((s) => s.id === 'sketch:band');
    expect(band?.data.lines).toHaveLength(graph.edges.length);
    expect(band?.data.lines.filter((l) => l.unhealthy).length).toBe(graph.edges.filter((e) => e.unhealthy).length);
  });

  it('finds the task under a point, the innermost box winning', async () => {
    const { graph, layout } = unfolded(big);
    const sketch = overview(graph, layout).sketches.find((s) => s.data.items.some((i) => i.kind === 'instance'));
    const task = sketch?.data.items.find(
      (i) => i.kind === 'task' && sketch.data.items.some((h) => h.kind === 'instance' && h.x <= i.x && h.x + h.w >= i.x + i.w),
    );
    if (!sketch || !task) throw new Error('expected a task on a container instance');
    expect(itemAt(sketch.data.items, task.x + task.w / 2, task.y + task.h / 2)?.id).toBe(task.id);
    expect(itemAt(sketch.data.items, -10, -10)).toBeUndefined();
  });

  it('is built from the graph and layout alone: its data carries no selection or focus', () => {
    for (const view of ['network', 'service'] as const) {
      const { graph, layout } = laid(big, view);
      const first = overview(graph, layout);
      for (const s of first.sketches) expect(Object.keys(s.data).sort()).toEqual(['bars', 'height', 'items', 'lines', 'title', 'width']);
      expect(overview(graph, layout)).toEqual(first);
    }
  });

  it('sketches pods, folded pods and workloads under their own kinds, each lit by its workload', () => {
    const { graph, layout } = laid(demo, 'network');
    const items = overview(graph, layout).sketches.flatMap((s) => s.data.items);
    const pods = new Set(resourcesOf(demo, 'pod').map((p) => p.id));
    const workloads = new Map(resourcesOf(demo, 'workload').map((w) => [w.id, w]));
    const podItems = items.filter((i) => pods.has(i.id));
    expect(podItems.length).toBeGreaterThan(0);
    for (const i of podItems) expect(i.kind).toBe('pod');
    const owned = podItems.find((i) => i.ownerId !== undefined && !workloads.get(i.ownerId)?.namespace.startsWith('kube-'));
    expect(owned?.color).toBeGreaterThanOrEqual(0);
    expect(items.find((i) => i.kind === 'podGroup')).toMatchObject({ count: expect.any(Number) });
    const card = items.find((i) => workloads.has(i.id));
    expect(card).toMatchObject({ kind: 'workload', ownerId: card?.id });
  });

  it('switches at a zoom that keeps about the budget of tasks on screen', () => {
    const leaf = { width: 128, height: 44 };
    expect(overviewBelowZoom({ width: 1600, height: 900 }, leaf)).toBeGreaterThan(0.5);
    expect(overviewBelowZoom({ width: 1600, height: 900 }, leaf)).toBeLessThan(0.7);
    expect(overviewBelowZoom({ width: 8000, height: 8000 }, leaf)).toBe(0.9);
    expect(overviewBelowZoom({ width: 100, height: 100 }, leaf)).toBe(0.3);
  });
});
