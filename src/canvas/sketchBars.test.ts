import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { buildGraph } from '../topology/graph/buildGraph';
import { ROLE } from '../topology/graph/kinds';
import type { HealthCounts } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { overview } from './sketch';
import { byProblems, layoutBars, rowAt, segmentsOf, serviceBars, sketchPlan, TEXT_PX, TILE_MIN_PX, zoomStep, type SketchBar } from './sketchBars';

const counts = (c: Partial<HealthCounts>): HealthCounts => ({ healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0, ...c });
const bar = (label: string, c: Partial<HealthCounts>): SketchBar => {
  const all = counts(c);
  return { id: label, ownerId: label, label, color: 0, counts: all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};

/** The zoom the map first opens at on a 1600×1000 screen (the whole layout, 4 % padding each side). */
const firstFit = (layout: { width: number; height: number }) => Math.min(1600 / layout.width, 1000 / layout.height) / 1.08;

describe('service bars of a sketch', () => {
  const topology = syntheticEstate({ clusters: 20, services: 500, tasks: 20000, loadBalancers: 30, azs: 3, seed: 1 });

  it('at 20,000 tasks, opens on bars with legible names in every subnet and cluster, and tiles once zoomed in', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(topology, { view, expanded: new Set() });
      const layout = layoutGraph(graph);
      const zoom = firstFit(layout);
      const hosts = overview(graph, layout).sketches.filter((s) => s.id !== 'sketch:band');
      expect(hosts.length).toBeGreaterThan(0);
      for (const s of hosts) {
        const plan = sketchPlan(s.data, zoomStep(zoom));
        if (plan.kind !== 'bars') throw new Error(`${view} ${s.id} drew tiles at ${zoom}`);
        expect(plan.layout.font * zoom, s.id).toBeGreaterThanOrEqual(TEXT_PX);
        expect(plan.layout.rows.length).toBeGreaterThan(2);
        for (const r of plan.layout.rows) {
          expect(r.x + r.w, s.id).toBeLessThanOrEqual(s.data.width + 1e-6);
          expect(r.y + r.h, s.id).toBeLessThanOrEqual(s.data.height + 1e-6);
        }
        expect(sketchPlan(s.data, 0.6).kind, `${view} ${s.id} at 0.6`).toBe('tiles');
      }
    }
  });

  it('sums every task and pod, one by one or folded, into one bar per owner, problems first', () => {
    const graph = buildGraph(syntheticEstate({ clusters: 6, services: 120, tasks: 1500, loadBalancers: 6, azs: 3, seed: 3 }), {
      view: 'network',
      expanded: new Set(),
    });
    for (const s of overview(graph, layoutGraph(graph)).sketches) {
      const units = s.data.items.filter((i) => ROLE[i.kind] === 'unit' || ROLE[i.kind] === 'group');
      const want = units.reduce((n, i) => n + (i.counts ? Object.values(i.counts).reduce((a, b) => a + b, 0) : 1), 0);
      expect(
        s.data.bars.reduce((n, b) => n + b.total, 0),
        s.id,
      ).toBe(want);
      expect(new Set(s.data.bars.map((b) => b.id)).size).toBe(s.data.bars.length);
      expect([...s.data.bars].sort(byProblems)).toEqual(s.data.bars);
      if (s.id === 'sketch:band') expect(s.data.bars).toEqual([]);
    }
    const tiles = [
      { id: 't1', kind: 'task' as const, x: 0, y: 0, w: 10, h: 10, label: 'api', color: 2, ownerId: 'svc/api', health: 'unhealthy' as const },
      { id: 't2', kind: 'task' as const, x: 0, y: 0, w: 10, h: 10, label: 'api', color: 2, ownerId: 'svc/api', health: 'healthy' as const },
      { id: 'g1', kind: 'taskGroup' as const, x: 0, y: 0, w: 10, h: 10, label: 'web', color: 3, ownerId: 'svc/web', counts: counts({ healthy: 40 }) },
      { id: 'i1', kind: 'instance' as const, x: 0, y: 0, w: 90, h: 90, label: 'i-1', color: -1 },
      { id: 't3', kind: 'task' as const, x: 0, y: 0, w: 10, h: 10, label: 'batch', color: -1 },
    ];
    expect(serviceBars(tiles).map((b) => [b.id, b.total, b.counts.unhealthy])).toEqual([
      ['svc/api', 2, 1],
      ['svc/web', 40, 0],
      ['unowned:batch', 1, 0],
    ]);
  });

  it('orders unhealthy, then pending, then the biggest, then by name', () => {
    const bars = [
      bar('big', { healthy: 900 }),
      bar('b', { healthy: 5 }),
      bar('a', { healthy: 5 }),
      bar('slow', { pending: 1 }),
      bar('sick', { unhealthy: 2, healthy: 1 }),
      bar('sicker', { unhealthy: 3 }),
    ];
    expect(bars.sort(byProblems).map((b) => b.label)).toEqual(['sicker', 'sick', 'slow', 'big', 'a', 'b']);
  });

  it('splits a bar in the health bar’s order, a lone failing task still visible', () => {
    const segs = segmentsOf(counts({ healthy: 499, unhealthy: 1 }), 100, 5);
    expect(segs.map((s) => s.health)).toEqual(['healthy', 'unhealthy']);
    expect(segs[1]?.w).toBe(5);
    expect((segs[1]?.x ?? 0) + (segs[1]?.w ?? 0)).toBeCloseTo(100, 6);
    expect(segmentsOf(counts({ healthy: 1, pending: 1, stopped: 2 }), 40, 1).map((s) => [s.health, s.w])).toEqual([
      ['healthy', 10],
      ['pending', 10],
      ['stopped', 20],
    ]);
    expect(segmentsOf(counts({}), 40, 1)).toEqual([]);
  });

  it('lays bars out at TEXT_PX on screen, lengths in proportion, and the rest in one last row', () => {
    const bars = Array.from({ length: 60 }, (_, i) => bar(`svc-${i}`, { healthy: 60 - i }));
    const { font, rows } = layoutBars(bars, { width: 1000, height: 1000 }, 0.25);
    expect(font * 0.25).toBe(TEXT_PX);
    const last = rows.at(-1);
    expect(last?.more).toBe(60 - rows.length + 1);
    expect(last?.bar.total).toBe(bars.slice(rows.length - 1).reduce((n, b) => n + b.total, 0));
    const [a, b] = [rows[0], rows[1]];
    const len = (r: typeof a) => r?.segments.reduce((n, s) => n + s.w, 0) ?? 0;
    expect(len(b) / len(a)).toBeCloseTo(59 / 60, 6);
    expect(rowAt(rows, (a?.x ?? 0) + 1, (a?.y ?? 0) + 1)).toBe(a);
    expect(rowAt(rows, -5, -5)).toBeUndefined();
    // Every bar fits when there is room, and nothing is drawn where not one row is legible.
    expect(layoutBars(bars.slice(0, 5), { width: 1000, height: 1000 }, 0.25).rows.map((r) => r.more)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(layoutBars(bars, { width: 1000, height: 40 }, 0.25).rows).toEqual([]);
  });

  it('switches to bars when tiles shrink below TILE_MIN_PX on screen', () => {
    const items = [{ id: 't', kind: 'task' as const, x: 0, y: 0, w: 128, h: 44, label: 'api', color: 1, ownerId: 'api', health: 'healthy' as const }];
    const data = { width: 4000, height: 4000, items, bars: serviceBars(items) };
    expect(sketchPlan(data, TILE_MIN_PX / 44).kind).toBe('tiles');
    expect(sketchPlan(data, (TILE_MIN_PX / 44) * 0.9).kind).toBe('bars');
    expect(sketchPlan({ ...data, bars: [] }, 0.01).kind).toBe('tiles');
  });

  it('rounds the zoom down to a half octave, so text is never below TEXT_PX on screen', () => {
    for (const z of [0.013, 0.05, 0.1674, 0.3, 0.59]) {
      expect(zoomStep(z)).toBeLessThanOrEqual(z);
      expect(zoomStep(z)).toBeGreaterThan(z / Math.SQRT2);
    }
    expect(zoomStep(0.2)).toBe(zoomStep(0.21));
  });
});
