import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { layoutViolations } from '../__fixtures__/geometry';
import { buildGraph } from '../graph/buildGraph';
import { isGroup } from '../graph/kinds';
import type { Graph } from '../graph/types';
import { indexResources, resourcesOf, type Topology } from '../model';
import { bandRows } from './band';
import { layoutGraph } from './layoutGraph';
import { routeViolations } from './routeCheck';
import { BAND_MIN_WIDTH } from './sizes';
import type { Box, Layout } from './types';

const demo = demoTopology();
const large = syntheticEstate({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 });
const huge = syntheticEstate({ clusters: 8, services: 240, tasks: 2400, loadBalancers: 12, azs: 3, seed: 4 });

function checkInvariants(graph: Graph, layout: Layout) {
  expect(layoutViolations(graph, layout)).toEqual([]);
  // Every edge comes with its route, and no route enters the wrong box or crosses an unrelated one.
  expect(Object.keys(layout.routes ?? {}).sort()).toEqual(graph.edges.map((e) => e.id).sort());
  expect(routeViolations(graph.edges, layout, new Map(Object.entries(layout.routes ?? {})))).toEqual([]);
}

describe('buildGraph + layoutGraph', () => {
  it('puts every task inside its subnet, every subnet inside its AZ column, and no siblings overlap (network view)', () => {
    for (const topology of [demo, large]) {
      const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
      const layout = layoutGraph(graph);
      checkInvariants(graph, layout);
      const byId = new Map(graph.nodes.map((n) => [n.id, n]));
      for (const task of resourcesOf(topology, 'task')) {
        const node = byId.get(task.id);
        if (!node) continue; // folded into a group
        let p = node.parent ? byId.get(node.parent) : undefined;
        while (p && p.kind !== 'subnet') p = p.parent ? byId.get(p.parent) : undefined;
        expect(p?.id).toBe(task.subnetId);
        expect(p?.kind === 'subnet' && p.az).toBe(task.az);
      }
    }
  });

  it('keeps every task on the map: placed, or counted in a folded group', () => {
    const graph = buildGraph(large, { view: 'network', expanded: new Set() });
    const placed = graph.nodes.reduce((n, x) => n + (x.kind === 'task' ? 1 : x.kind === 'taskGroup' ? x.taskIds.length : 0), 0);
    expect(placed).toBe(resourcesOf(large, 'task').length);
    expect(graph.nodes.some((n) => n.kind === 'taskGroup')).toBe(true);
  });

  it('unfolds a group the user opened', () => {
    const folded = buildGraph(large, { view: 'network', expanded: new Set() });
    const group = folded.nodes.find((n) => n.kind === 'taskGroup');
    if (group?.kind !== 'taskGroup') throw new Error('expected a folded group');
    const open = buildGraph(large, { view: 'network', expanded: new Set([group.id]) });
    for (const id of group.taskIds) expect(open.nodes.find((n) => n.id === id)?.parent).toBe(group.parent);
  });

  it('lays out the service view without overlaps', () => {
    const graph = buildGraph(demo, { view: 'service', expanded: new Set() });
    checkInvariants(graph, layoutGraph(graph));
    expect(graph.nodes.filter((n) => n.kind === 'cluster' && n.engine === 'ecs')).toHaveLength(3);
    expect(graph.nodes.filter((n) => n.kind === 'cluster' && n.engine === 'eks')).toHaveLength(1);
  });

  it('is deterministic: the same topology gives the same layout', () => {
    const graph = buildGraph(demo, { view: 'network', expanded: new Set() });
    expect(layoutGraph(graph)).toEqual(layoutGraph(buildGraph(demo, { view: 'network', expanded: new Set() })));
  });

  it('marks the unhealthy target, the deployment and the AZ spread of the demo', () => {
    const graph = buildGraph(demo, { view: 'network', expanded: new Set() });
    const unhealthy = graph.nodes.filter((n) => n.kind === 'task' && n.health === 'unhealthy');
    expect(unhealthy).toHaveLength(1);
    expect(unhealthy[0]?.kind === 'task' && unhealthy[0].reason).toBe('Target.ResponseCodeMismatch');
    const crashing = graph.nodes.filter((n) => n.kind === 'pod' && n.health === 'unhealthy');
    expect(crashing.map((n) => n.kind === 'pod' && n.reason)).toEqual(['CrashLoopBackOff']);
    const api = graph.nodes.find((n) => n.kind === 'service' && n.label === 'api');
    expect(api?.kind === 'service' && api.deploying).toBe(true);
    const cart = graph.nodes.find((n) => n.kind === 'service' && n.label === 'cart');
    expect(cart?.kind === 'service' && Object.keys(cart.azCounts)).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.kind === 'task' && n.oldRevision)).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.kind === 'pod' && n.oldRevision)).toHaveLength(2);
  });

  it('wraps a large band into rows no wider than the map, each target group above the services it serves', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(huge, { view, expanded: new Set() });
      const layout = layoutGraph(graph);
      checkInvariants(graph, layout);
      const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
      const band = graph.nodes.filter((n) => !n.parent && (n.kind === 'targetGroup' || n.kind === 'service' || n.kind === 'loadBalancer'));
      const right = Math.max(...band.map((n) => (boxes.get(n.id)?.x ?? 0) + (boxes.get(n.id)?.width ?? 0)));
      expect(right).toBeLessThanOrEqual(Math.max(layout.width, BAND_MIN_WIDTH) + 0.5);
      // Far from one row: the band is several rows tall and the map is not a ribbon.
      expect(new Set(band.map((n) => boxes.get(n.id)?.y)).size).toBeGreaterThan(2);
      expect(layout.width / layout.height).toBeLessThan(4);
      for (const e of graph.edges.filter((x) => x.kind === 'serves')) {
        const tg = boxes.get(e.source);
        const svc = boxes.get(e.target);
        if (view === 'network' && tg && svc) expect(tg.y + tg.height, `${e.id}`).toBeLessThanOrEqual(svc.y);
      }
    }
  });

  it('groups never straddle two band rows', () => {
    const graph = buildGraph(huge, { view: 'network', expanded: new Set() });
    const bandNodes = graph.nodes.filter((n) => !n.parent && (n.kind === 'targetGroup' || n.kind === 'service'));
    const rows = bandRows(bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1), 3000);
    expect(rows.length).toBeGreaterThan(1);
    const rowOf = new Map(rows.flatMap((r, i) => r.nodes.map((n) => [n.id, i] as const)));
    expect(rowOf.size).toBe(bandNodes.length);
    for (const e of graph.edges) if (rowOf.has(e.source) && rowOf.has(e.target)) expect(rowOf.get(e.source)).toBe(rowOf.get(e.target));
  });
});

/** Generated estates small enough that each property runs in well under a second on two cores. */
const estateSize = fc.record({
  clusters: fc.integer({ min: 1, max: 5 }),
  services: fc.integer({ min: 1, max: 24 }),
  tasks: fc.integer({ min: 0, max: 160 }),
  loadBalancers: fc.integer({ min: 0, max: 2 }),
  azs: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});
const view = fc.constantFrom('network' as const, 'service' as const);

/** Part of the demo read, as a read cut short leaves it: tasks whose subnet, host or service is missing among them. */
const demoIds = Object.keys(demo.resources).filter((id) => id !== demo.source.region);
const demoPart = fc
  .subarray(demoIds)
  .map((ids): Topology => ({ ...demo, resources: indexResources([...ids, demo.source.region].flatMap((id) => demo.resources[id] ?? [])) }));

/** Folded groups the user opened: a sample of the groups the graph folds. */
function withOpened(topology: Topology, v: Graph['view'], pick: number[]): Graph {
  const folded = buildGraph(topology, { view: v, expanded: new Set() }).nodes.filter(isGroup);
  const opened = new Set(pick.flatMap((i) => (folded.length ? [folded[i % folded.length]?.id ?? ''] : [])));
  return buildGraph(topology, { view: v, expanded: opened });
}

/** The same topology rebuilt from its JSON with its resources in another order: what a reload or another machine gives. */
function reordered(topology: Topology, order: number[]): Topology {
  const copy = JSON.parse(JSON.stringify(topology)) as Topology;
  const list = Object.values(copy.resources);
  const shuffled = list.map((r, i) => ({ r, k: order[i % Math.max(1, order.length)] ?? 0, i })).sort((a, b) => a.k - b.k || b.i - a.i);
  return { ...copy, resources: indexResources(shuffled.map((x) => x.r)) };
}

describe('layout invariants over generated estates (fast-check)', () => {
  const picks = fc.array(fc.nat(), { maxLength: 3 });

  it('the checker itself notices a task or a pod outside its subnet, overlapping siblings and swapped AZ columns', () => {
    const graph = buildGraph(demo, { view: 'network', expanded: new Set() });
    const layout = layoutGraph(graph);
    expect(layoutViolations(graph, layout)).toEqual([]);
    const moved = (pred: (b: Box) => boolean, to: (b: Box) => Partial<Box>) => ({
      ...layout,
      boxes: layout.boxes.map((b) => (pred(b) ? { ...b, ...to(b) } : b)),
    });
    const task = graph.nodes.find((n) => n.kind === 'task');
    if (!task) throw new Error('the demo draws ECS tasks');
    const subnetOfTask = graph.nodes.find((n) => n.id === task.parent);
    const tooFar = moved(
      (b) => b.id === task.id,
      (b) => ({ x: b.x + 10_000 }),
    );
    expect(layoutViolations(graph, tooFar)).toContain(`task ${task.id} is not inside a subnet`);
    expect(layoutViolations(graph, tooFar)).toContain(`task ${task.id} sticks out of ${subnetOfTask?.id}`);
    const pod = graph.nodes.find((n) => n.kind === 'pod');
    if (!pod) throw new Error('the demo draws pods');
    const podAway = moved(
      (b) => b.id === pod.id,
      (b) => ({ y: b.y + 10_000 }),
    );
    expect(layoutViolations(graph, podAway)).toContain(`pod ${pod.id} is not inside a subnet`);
    const sibling = graph.nodes.find((n) => n.kind === 'task' && n.parent === task.parent && n.id !== task.id);
    const first = layout.boxes.find((b) => b.id === task.id);
    const stacked = moved(
      (b) => b.id === sibling?.id,
      () => ({ x: first?.x ?? 0, y: first?.y ?? 0 }),
    );
    expect(layoutViolations(graph, stacked).some((v) => v.includes('overlaps'))).toBe(true);
    const [a, b] = graph.nodes.filter((n) => n.kind === 'az');
    const ax = layout.boxes.find((x) => x.id === a?.id)?.x ?? 0;
    const bx = layout.boxes.find((x) => x.id === b?.id)?.x ?? 0;
    const swapped = moved(
      (x) => x.id === a?.id || x.id === b?.id,
      (x) => ({ x: x.id === a?.id ? bx : ax }),
    );
    expect(layoutViolations(graph, swapped).some((v) => v.includes('not in order from left to right'))).toBe(true);
  });

  it('every task inside its subnet, every subnet inside its AZ column, no overlapping siblings: generated estates', () => {
    fc.assert(
      fc.property(estateSize, view, picks, (size, v, pick) => {
        const graph = withOpened(syntheticEstate(size), v, pick);
        expect(layoutViolations(graph, layoutGraph(graph))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the same invariants hold for any part of the demo read', () => {
    fc.assert(
      fc.property(demoPart, view, picks, (topology, v, pick) => {
        const graph = withOpened(topology, v, pick);
        expect(layoutViolations(graph, layoutGraph(graph))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the same input gives the same positions, whatever order its resources were read in', () => {
    fc.assert(
      fc.property(fc.oneof(estateSize.map(syntheticEstate), demoPart), view, fc.array(fc.nat(), { minLength: 1 }), (topology, v, order) => {
        const once = layoutGraph(buildGraph(topology, { view: v, expanded: new Set() }));
        const again = layoutGraph(buildGraph(reordered(topology, order), { view: v, expanded: new Set() }));
        expect(again).toEqual(once);
      }),
      { numRuns: 50 },
    );
  });
});
