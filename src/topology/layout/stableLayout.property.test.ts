import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { layoutViolations } from '../__fixtures__/geometry';
import { buildGraph } from '../graph/buildGraph';
import type { Graph } from '../graph/types';
import type { Resource, Topology } from '../model';
import { layoutGraph } from './layoutGraph';
import { changed, sibling, stoppedTask, tasksOf } from './stableChurn.fixture';
import { routeEdges } from './route';
import { relayout } from './stableLayout';
import { keptNodes, movedNodes } from './stableMoves';

/** Estates small enough that each run takes milliseconds, busy enough that subnets fold and hosts fill. */
const estateSize = fc.record({
  clusters: fc.integer({ min: 1, max: 5 }),
  services: fc.integer({ min: 1, max: 16 }),
  tasks: fc.integer({ min: 1, max: 140 }),
  loadBalancers: fc.integer({ min: 0, max: 2 }),
  azs: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});
const view = fc.constantFrom('network' as const, 'service' as const);

/** Indices into the estate's tasks (taken modulo their number): which ones a change touches. */
const picks = (max: number) => fc.array(fc.nat(), { maxLength: max });

type Churn = { gone: number[]; stopped: number[]; scaled: { like: number; count: number }[] };

/** One refresh's worth of change: tasks that went, tasks stopped, services scaled out by a few tasks or by many. */
const churn: fc.Arbitrary<Churn> = fc.record({
  gone: picks(12),
  stopped: picks(6),
  scaled: fc.array(fc.record({ like: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
});

const graphOf = (t: Topology, v: Graph['view']) => buildGraph(t, { view: v, expanded: new Set() });

function apply(estate: Topology, change: Churn): Topology {
  const tasks = tasksOf(estate);
  const at = (i: number) => tasks[i % Math.max(1, tasks.length)];
  const gone = new Set(change.gone.flatMap((i) => at(i)?.id ?? []));
  const add: Resource[] = change.stopped.flatMap((i) => {
    const t = at(i);
    return t && !gone.has(t.id) ? [stoppedTask(t)] : [];
  });
  change.scaled.forEach(({ like, count }, k) => {
    const t = at(like);
    if (t) for (let n = 0; n < count; n++) add.push(sibling(t, k * 100 + n));
  });
  return changed(estate, add, gone);
}

/** Draws `prev`, then `next` after it: what the live map does on every patch. */
function redraw(prev: Topology, next: Topology, v: Graph['view']) {
  const g0 = graphOf(prev, v);
  const l0 = layoutGraph(g0);
  const g1 = graphOf(next, v);
  const out = relayout(g1, { graph: g0, layout: l0 });
  return { g1, out, again: relayout(g1, { graph: g0, layout: l0 }), moved: movedNodes(l0, out.layout, keptNodes(g0, g1)) };
}

describe('relayout over churning generated estates (fast-check)', () => {
  it('any churn: every invariant holds, every edge is routed, the same input gives the same layout, and without a repack no kept node moves', () => {
    fc.assert(
      fc.property(estateSize, view, churn, (size, v, change) => {
        const estate = syntheticEstate(size);
        const { g1, out, again, moved } = redraw(estate, apply(estate, change), v);
        expect(layoutViolations(g1, out.layout)).toEqual([]);
        expect(Object.keys(out.layout.routes ?? {}).sort()).toEqual(g1.edges.map((e) => e.id).sort());
        expect(again).toEqual(out);
        if (out.repacked.length === 0) expect(moved).toEqual([]);
        // Routes kept from the last layout are exactly what routing this one afresh gives.
        expect(out.layout.routes).toEqual(Object.fromEntries(routeEdges(g1, out.layout)));
      }),
      { numRuns: 80 },
    );
  });

  it('within the room: tasks replaced one for one, and stopped, move no kept node and repack nothing', () => {
    fc.assert(
      fc.property(estateSize, view, picks(12), picks(6), (size, v, replaced, stopped) => {
        const estate = syntheticEstate(size);
        const tasks = tasksOf(estate);
        const olds = [...new Set(replaced.flatMap((i) => tasks[i % Math.max(1, tasks.length)] ?? []))];
        const stops = stopped.flatMap((i) => tasks[i % Math.max(1, tasks.length)] ?? []).filter((t) => !olds.includes(t));
        const next = changed(estate, [...olds.map((t, n) => sibling(t, n)), ...stops.map(stoppedTask)], new Set(olds.map((t) => t.id)));
        const { g1, out, moved } = redraw(estate, next, v);
        expect(layoutViolations(g1, out.layout)).toEqual([]);
        expect(out.repacked).toEqual([]);
        expect(moved).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('within the spare room: one task started on a fresh map takes a free slot; nothing moves, nothing is repacked', () => {
    fc.assert(
      fc.property(estateSize, view, fc.nat(), (size, v, like) => {
        const estate = syntheticEstate(size);
        const tasks = tasksOf(estate);
        const t = tasks[like % Math.max(1, tasks.length)];
        if (!t) return;
        const { g1, out, moved } = redraw(estate, changed(estate, [sibling(t, 1)]), v);
        expect(layoutViolations(g1, out.layout)).toEqual([]);
        expect(out.repacked).toEqual([]);
        expect(moved).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
