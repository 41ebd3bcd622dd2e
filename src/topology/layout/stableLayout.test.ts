import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { layoutViolations } from '../__fixtures__/geometry';
import { buildGraph } from '../graph/buildGraph';
import type { Graph } from '../graph/types';
import type { Topology } from '../model';
import { absoluteBoxes } from './absolute';
import { layoutGraph } from './layoutGraph';
import { routeEdges } from './route';
import { routeViolations } from './routeCheck';
import { changed, sibling, stoppedTask, tasksOf } from './stableChurn.fixture';
import { relayout, relayoutInPlace, type Relayout } from './stableLayout';
import { keptNodes, movedNodes } from './stableMoves';

const demo = demoTopology();
const graphOf = (t: Topology, view: Graph['view'] = 'network') => buildGraph(t, { view, expanded: new Set() });

/** Lays `next` out after `prev` was drawn, checks what every layout must hold, and lists the kept nodes that moved. */
function step(prev: Topology, next: Topology, view: Graph['view'] = 'network') {
  const g0 = graphOf(prev, view);
  const l0 = layoutGraph(g0);
  const g1 = graphOf(next, view);
  const out: Relayout = relayout(g1, { graph: g0, layout: l0 });
  expect(layoutViolations(g1, out.layout)).toEqual([]);
  expect(Object.keys(out.layout.routes ?? {}).sort()).toEqual(g1.edges.map((e) => e.id).sort());
  expect(routeViolations(g1.edges, out.layout, new Map(Object.entries(out.layout.routes ?? {})))).toEqual([]);
  expect(out.layout.routes).toEqual(Object.fromEntries(routeEdges(g1, out.layout)));
  return { g0, l0, g1, ...out, moved: movedNodes(l0, out.layout, keptNodes(g0, g1)) };
}

/** A Fargate task of the demo in a subnet of its own (not on a host) */
const looseTask = () => {
  const g = graphOf(demo);
  const parents = new Map(g.nodes.map((n) => [n.id, n]));
  const t = tasksOf(demo).find((x) => parents.get(g.nodes.find((n) => n.id === x.id)?.parent ?? '')?.kind === 'subnet');
  if (!t) throw new Error('the demo has Fargate tasks');
  return t;
};

describe('relayout: the layout stays put while the estate changes', () => {
  it('a new task takes a free slot in its subnet: nothing else moves, nothing is repacked', () => {
    const t = looseTask();
    const r = step(demo, changed(demo, [sibling(t, 1)]));
    expect(r.repacked).toEqual([]);
    expect(r.moved).toEqual([]);
    const box = r.layout.boxes.find((b) => b.id === sibling(t, 1).id);
    expect(box?.parent).toBe(r.layout.boxes.find((b) => b.id === t.id)?.parent);
    // No box a route passes or avoids moved: the routes are the last layout's, not routed again.
    expect(r.layout.routes).toBe(r.l0.routes);
  });

  it('routes are found again when a box they pass moves: a repacked subnet', () => {
    const t = looseTask();
    const many = Array.from({ length: 8 }, (_, i) => sibling(t, 100 + i));
    const r = step(demo, changed(demo, many));
    expect(r.repacked.length).toBeGreaterThan(0);
    expect(r.layout.routes).not.toBe(r.l0.routes);
  });

  it('a task that goes leaves its slot empty, and the next one to start takes that slot', () => {
    const t = looseTask();
    const gone = step(demo, changed(demo, [], new Set([t.id])));
    expect(gone.repacked).toEqual([]);
    expect(gone.moved).toEqual([]);
    const slot = gone.l0.boxes.find((b) => b.id === t.id);
    const back = relayout(graphOf(changed(demo, [sibling(t, 2)], new Set([t.id]))), { graph: gone.g1, layout: gone.layout });
    expect(back.repacked).toEqual([]);
    expect(back.layout.boxes.find((b) => b.id === sibling(t, 2).id)).toEqual({ ...slot, id: sibling(t, 2).id });
  });

  it('a stopped task stays in its slot with its new health', () => {
    const t = looseTask();
    const r = step(demo, changed(demo, [stoppedTask(t)]));
    expect(r.repacked).toEqual([]);
    expect(r.moved).toEqual([]);
    expect(r.g1.nodes.find((n) => n.id === t.id)).toMatchObject({ health: 'stopped' });
  });

  it('a folded group counts a new task in place', () => {
    const estate = syntheticEstate({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 });
    const group = graphOf(estate).nodes.find((n) => n.kind === 'taskGroup');
    if (group?.kind !== 'taskGroup') throw new Error('a busy subnet folds');
    const like = tasksOf(estate).find((t) => t.id === group.taskIds[0]);
    if (!like) throw new Error('the group stands for tasks');
    const r = step(estate, changed(estate, [sibling(like, 1)]));
    expect(r.repacked).toEqual([]);
    expect(r.moved).toEqual([]);
    const after = r.g1.nodes.find((n) => n.id === group.id);
    expect(after?.kind === 'taskGroup' && after.taskIds.length).toBe(group.taskIds.length + 1);
  });

  it('more new tasks than free slots repack only their subnet: the other AZ columns do not move', () => {
    const t = looseTask();
    const r = step(
      demo,
      changed(
        demo,
        Array.from({ length: 8 }, (_, i) => sibling(t, i)),
      ),
    );
    const subnet = r.g1.nodes.find((n) => n.id === t.subnetId);
    expect(r.repacked).toEqual([t.subnetId]);
    const az = subnet?.parent;
    const byId = new Map(r.g1.nodes.map((n) => [n.id, n]));
    const inAz = (id: string): boolean => id === az || (byId.get(id)?.parent !== undefined && inAz(byId.get(id)?.parent ?? ''));
    const elsewhere = keptNodes(r.g0, r.g1).filter((id) => !inAz(id) && byId.get(id)?.kind !== 'vpc');
    expect(elsewhere.length).toBeGreaterThan(20);
    expect(movedNodes(r.l0, r.layout, elsewhere)).toEqual([]);
    // The subnet grew; its neighbours above it stayed, those below it moved down.
    const was = absoluteBoxes(r.l0).get(t.subnetId ?? '');
    const now = absoluteBoxes(r.layout).get(t.subnetId ?? '');
    expect(now?.y).toBe(was?.y);
    expect(now?.height).toBeGreaterThan(was?.height ?? Infinity);
  });

  it('service view: a new task takes a slot in its service; too many repack just that service and grow its cluster', () => {
    const t = looseTask();
    const one = step(demo, changed(demo, [sibling(t, 1)]), 'service');
    expect(one.repacked).toEqual([]);
    expect(one.moved).toEqual([]);
    const many = step(
      demo,
      changed(
        demo,
        Array.from({ length: 8 }, (_, i) => sibling(t, i)),
      ),
      'service',
    );
    expect(many.repacked).toEqual([t.serviceArn]);
    const cluster = many.g1.nodes.find((n) => n.id === t.clusterArn);
    const others = many.g1.nodes.filter((n) => n.parent === undefined && n.id !== cluster?.id).map((n) => n.id);
    expect(others.length).toBeGreaterThan(3);
    expect(movedNodes(many.l0, many.layout, others)).toEqual([]);
  });

  it('a new subnet packs the whole map afresh and says so', () => {
    const subnet = Object.values(demo.resources).find((r) => r.kind === 'subnet');
    if (subnet?.kind !== 'subnet') throw new Error('the demo has subnets');
    const t = looseTask();
    const added = { ...subnet, id: 'subnet-0fresh000000000001', cidr: '10.0.250.0/24' };
    const r = step(demo, changed(demo, [added, { ...sibling(t, 1), subnetId: added.id }]));
    expect(r.repacked).toEqual(r.g1.nodes.filter((n) => n.kind === 'vpc').map((n) => n.id));
    expect(r.layout).toEqual(layoutGraph(r.g1));
  });

  it('without a previous layout, or after a switch of view, it is the fresh layout', () => {
    const g = graphOf(demo);
    expect(relayout(g)).toEqual({ layout: layoutGraph(g), repacked: [] });
    const s = graphOf(demo, 'service');
    expect(relayout(g, { graph: s, layout: layoutGraph(s) })).toEqual({ layout: layoutGraph(g), repacked: [] });
  });
});

describe('movedNodes', () => {
  it('names the unchanged nodes whose absolute position or size differs, or that are gone', () => {
    const l0 = {
      boxes: [
        { id: 'a', x: 0, y: 0, width: 100, height: 100 },
        { id: 'b', parent: 'a', x: 10, y: 10, width: 10, height: 10 },
        { id: 'c', x: 200, y: 0, width: 10, height: 10 },
        { id: 'd', x: 300, y: 0, width: 10, height: 10 },
      ],
      width: 310,
      height: 100,
    };
    const l1 = {
      ...l0,
      boxes: [
        { id: 'a', x: 5, y: 0, width: 100, height: 100 },
        { id: 'b', parent: 'a', x: 5, y: 10, width: 10, height: 10 },
        { id: 'c', x: 200, y: 0, width: 10, height: 12 },
      ],
    };
    // b kept its absolute place although its parent moved; a moved, c grew, d is gone.
    expect(movedNodes(l0, l1, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
    expect(movedNodes(l0, l0, ['a', 'b', 'c', 'd'])).toEqual([]);
  });
});

describe('relayoutInPlace: the page’s own quick step', () => {
  it('is relayout when what changed fits where it is, and nothing where relayout would pack or route afresh', () => {
    const t = looseTask();
    const g0 = graphOf(demo);
    const l0 = layoutGraph(g0);
    const fits = graphOf(changed(demo, [sibling(t, 1)]));
    expect(relayoutInPlace(fits, { graph: g0, layout: l0 })).toEqual(relayout(fits, { graph: g0, layout: l0 }));
    const crowded = graphOf(
      changed(
        demo,
        Array.from({ length: 8 }, (_, i) => sibling(t, 200 + i)),
      ),
    );
    expect(relayout(crowded, { graph: g0, layout: l0 }).repacked.length).toBeGreaterThan(0);
    expect(relayoutInPlace(crowded, { graph: g0, layout: l0 })).toBeUndefined();
    expect(relayoutInPlace(graphOf(demo, 'service'), { graph: g0, layout: l0 })).toBeUndefined();
  });
});
