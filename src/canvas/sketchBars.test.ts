import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { buildGraph } from '../topology/graph/buildGraph';
import { ROLE } from '../topology/graph/kinds';
import type { HealthCounts } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { overview } from './sketch';
import { byProblems, layoutBars, rowAt, segmentsOf, serviceBars, sketchPlan, TEXT_PX, TEXT_STEPS, TILE_MIN_PX, zoomStep, type SketchBar } from './sketchBars';
import { fitTitle, textWidth, wrapTitle } from './sketchText';

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
      // The band sums load balancers and services, not tiles (see "the band at overview zoom").
      if (s.id === 'sketch:band') continue;
      const units = s.data.items.filter((i) => ROLE[i.kind] === 'unit' || ROLE[i.kind] === 'group');
      const want = units.reduce((n, i) => n + (i.counts ? Object.values(i.counts).reduce((a, b) => a + b, 0) : 1), 0);
      expect(
        s.data.bars.reduce((n, b) => n + b.total, 0),
        s.id,
      ).toBe(want);
      expect(new Set(s.data.bars.map((b) => b.id)).size).toBe(s.data.bars.length);
      expect([...s.data.bars].sort(byProblems)).toEqual(s.data.bars);
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

describe('legible bars at any column width', () => {
  const topology = syntheticEstate({ clusters: 20, services: 500, tasks: 20000, loadBalancers: 30, azs: 3, seed: 1 });
  const screens = [
    { width: 1600, height: 1000 },
    { width: 1920, height: 1080 },
  ];
  const fit = (layout: { width: number; height: number }, screen: { width: number; height: number }) =>
    Math.min(screen.width / layout.width, screen.height / layout.height) / 1.08;

  it('gives every shown name its whole width at the first fit, narrow cluster columns included', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(topology, { view, expanded: new Set() });
      const layout = layoutGraph(graph);
      for (const screen of screens) {
        const zoom = fit(layout, screen);
        for (const s of overview(graph, layout).sketches) {
          const plan = sketchPlan(s.data, zoomStep(zoom, TEXT_STEPS));
          if (plan.kind !== 'bars') throw new Error(`${view} ${s.id} drew tiles at ${zoom}`);
          expect(plan.layout.font * zoom, s.id).toBeGreaterThanOrEqual(TEXT_PX);
          // Text at most an eighth of an octave above TEXT_PX, so the layout's room is the room on screen.
          expect(plan.layout.font * zoom, s.id).toBeLessThan(TEXT_PX * 1.1);
          for (const r of plan.layout.rows) {
            if (r.more) continue;
            // Whole: wrapped onto its lines if need be, never cut.
            expect(r.nameLines.join(''), `${view} ${s.id}`).toBe(r.bar.label);
            for (const line of r.nameLines) expect(textWidth(line, plan.layout.font), `${view} ${s.id} ${line}`).toBeLessThanOrEqual(r.nameW + 1e-6);
            expect(r.nameX + r.nameW, s.id).toBeLessThanOrEqual(r.x + r.w + 1e-6);
            // The last line stays above the bar.
            expect(r.textY + (r.nameLines.length - 0.5) * plan.layout.lineH, s.id).toBeLessThanOrEqual(r.barY + 1e-6);
          }
        }
      }
    }
  });

  it('stacks the name above a bar with its count when a column is too narrow for both on one line', () => {
    const bars = Array.from({ length: 8 }, (_, i) => bar(`svc-010${i}`, { healthy: 40 + i }));
    const narrow = layoutBars(bars, { width: 75 / 0.1, height: 4000 }, 0.1);
    expect(narrow.rows.every((r) => r.stacked)).toBe(true);
    for (const r of narrow.rows) {
      expect(r.nameLines).toEqual([r.bar.label]);
      expect(textWidth(r.bar.label, narrow.font)).toBeLessThanOrEqual(r.nameW);
      expect(r.countY).toBeGreaterThan(r.textY);
    }
    const wide = layoutBars(bars, { width: 300 / 0.1, height: 4000 }, 0.1);
    expect(wide.rows.every((r) => !r.stacked && r.countY === r.textY)).toBe(true);
  });

  it('wraps a stacked name wider than its lone column, every row as tall as the most lines a name needs, the bar below', () => {
    const bars = [bar('k8s-orders-payments', { healthy: 9 }), bar('checkout', { healthy: 5 })];
    const zoom = 0.1;
    const layoutFont = TEXT_PX / zoom;
    // The column's padding is 0.35 font each side.
    const { rows, lineH } = layoutBars(bars, { width: textWidth('k8s-orders-pay', layoutFont) + 0.7 * layoutFont, height: 4000 }, zoom);
    expect(rows.map((r) => r.nameLines)).toEqual([['k8s-orders-', 'payments'], ['checkout']]);
    for (const r of rows) expect(r.barY).toBeGreaterThan(r.textY + 1.5 * lineH - 1e-6);
    expect((rows[1]?.y ?? 0) - (rows[0]?.y ?? 0)).toBeCloseTo((rows[0]?.h ?? 0) + 0.55 * layoutFont, 6);
  });

  it('pins the selected service above "+N more", leaving the others where they were', () => {
    const bars = Array.from({ length: 60 }, (_, i) => bar(`svc-${String(i).padStart(2, '0')}`, { healthy: 60 - i }));
    const size = { width: 1000, height: 1000 };
    const plain = layoutBars(bars, size, 0.25);
    const pinned = layoutBars(bars, size, 0.25, { pinned: 'svc-59' });
    expect(plain.rows.some((r) => r.bar.id === 'svc-59')).toBe(false);
    const ids = pinned.rows.map((r) => r.bar.id);
    expect(ids.at(-2)).toBe('svc-59');
    expect(ids.slice(0, -2)).toEqual(plain.rows.slice(0, -2).map((r) => r.bar.id));
    const more = pinned.rows.at(-1);
    const shown = pinned.rows.slice(0, -1).reduce((n, r) => n + r.bar.total, 0);
    expect(shown + (more?.bar.total ?? 0)).toBe(bars.reduce((n, b) => n + b.total, 0));
    expect(more?.more).toBe(60 - (pinned.rows.length - 1));
    // Already shown: nothing moves.
    expect(layoutBars(bars, size, 0.25, { pinned: 'svc-01' }).rows).toEqual(plain.rows);
  });

  it('heads each subnet with its AZ, name and CIDR (and VPC when there is room), each cluster with its name', () => {
    const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
    const layout = layoutGraph(graph);
    const zoom = fit(layout, { width: 1600, height: 1000 });
    const subnets = new Map(graph.nodes.flatMap((n) => (n.kind === 'subnet' ? [[n.id, n]] : [])));
    for (const s of overview(graph, layout).sketches) {
      if (s.id === 'sketch:band') continue;
      const subnet = subnets.get(s.parentId ?? '');
      if (!subnet) throw new Error(`${s.id} is not in a subnet`);
      const plan = sketchPlan(s.data, zoomStep(zoom, TEXT_STEPS));
      if (plan.kind !== 'bars') throw new Error('tiles');
      const title = plan.layout.title;
      expect(title?.lines).toHaveLength(1);
      const text = title?.lines.join('') ?? '';
      expect(text).toContain(subnet.az);
      expect(text).toContain(subnet.cidr);
      expect(text).toContain(subnet.label);
      expect(textWidth(text, plan.layout.font)).toBeLessThanOrEqual(title?.w ?? 0);
      expect(plan.layout.rows[0]?.y ?? 0).toBeGreaterThanOrEqual((title?.y ?? 0) + plan.layout.font / 2);
    }
    const parts = [
      { text: 'vpc-main', rank: 2 },
      { text: 'us-east-1a', rank: 0 },
      { text: 'private-a 10.0.1.0/24', rank: 1 },
    ];
    expect(fitTitle(parts, 1000, 10)).toBe('vpc-main · us-east-1a · private-a 10.0.1.0/24');
    expect(fitTitle(parts, textWidth('us-east-1a · private-a 10.0.1.0/24', 10), 10)).toBe('us-east-1a · private-a 10.0.1.0/24');
    expect(fitTitle(parts, 5, 10)).toBe('us-east-1a');
  });

  it('wraps a cluster heading wider than its narrow column after a hyphen, and leaves room for "+N more" and its count', () => {
    const graph = buildGraph(topology, { view: 'service', expanded: new Set() });
    const layout = layoutGraph(graph);
    const zoom = fit(layout, { width: 1600, height: 1000 });
    for (const s of overview(graph, layout).sketches) {
      if (s.id === 'sketch:band') continue;
      const plan = sketchPlan(s.data, zoomStep(zoom, TEXT_STEPS));
      if (plan.kind !== 'bars') throw new Error('tiles');
      const { title, rows, font } = plan.layout;
      expect(title?.lines.join('')).toMatch(/^cluster-\d+/);
      for (const line of title?.lines ?? []) expect(textWidth(line, font), line).toBeLessThanOrEqual(title?.w ?? 0);
      for (const r of rows) {
        if (!r.more) expect(r.nameLines.join('')).toBe(r.bar.label);
        for (const line of r.nameLines) expect(textWidth(line, font), r.bar.label).toBeLessThanOrEqual(r.nameW + 1e-6);
        const barEnd = r.barX + r.segments.reduce((n, g) => Math.max(n, g.x + g.w), 0);
        expect(barEnd + textWidth(String(r.bar.total), font), r.bar.label).toBeLessThanOrEqual(r.countX + 1e-6);
      }
    }
    expect(wrapTitle('cluster-01', 60, 10)).toEqual(['cluster-', '01']);
    expect(wrapTitle('cluster-01', 1000, 10)).toEqual(['cluster-01']);
    expect(wrapTitle('a-b-c-d', 8, 10)).toEqual(['a-', 'b-c-d']);
  });
});

describe('the band at overview zoom', () => {
  const topology = syntheticEstate({ clusters: 20, services: 500, tasks: 20000, loadBalancers: 30, azs: 3, seed: 1 });

  it('summarises load balancers (target groups, services, target health) and services with counts, legibly', () => {
    const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
    const layout = layoutGraph(graph);
    const band = overview(graph, layout).sketches.find((s) => s.id === 'sketch:band');
    if (!band) throw new Error('no band');
    const lbs = graph.nodes.filter((n) => n.kind === 'loadBalancer');
    const lbBars = band.data.bars.filter((b) => b.kind === 'loadBalancer');
    expect(lbBars.map((b) => b.id).sort()).toEqual(lbs.map((n) => n.id).sort());
    // Load balancers come first; each names its target groups' and services' counts and sums its targets' health.
    expect(band.data.bars.slice(0, lbs.length).every((b) => b.kind === 'loadBalancer')).toBe(true);
    for (const b of lbBars) {
      const tgs = graph.edges.filter((e) => e.source === b.id && e.kind === 'route').map((e) => e.target);
      const targets = graph.nodes.flatMap((n) => (n.kind === 'targetGroup' && tgs.includes(n.id) ? [n.counts] : []));
      expect(b.total).toBe(targets.reduce((n, c) => n + c.healthy + c.unhealthy + c.pending + c.stopped + c.unknown, 0));
      expect(b.label).toMatch(new RegExp(`→ ${new Set(tgs).size} TGs? → \\d+ services?$`));
    }
    const svc = graph.nodes.find((n) => n.kind === 'service' && n.label === 'svc-0100');
    if (svc?.kind !== 'service') throw new Error('no svc-0100');
    const svcBar = band.data.bars.find((b) => b.id === svc.id);
    expect(svcBar?.total).toBe(Object.values(svc.azCounts).reduce((a, b) => a + b, 0));
    const zoom = Math.min(1600 / layout.width, 1000 / layout.height) / 1.08;
    const plan = sketchPlan(band.data, zoomStep(zoom, TEXT_STEPS), svc.id);
    if (plan.kind !== 'bars') throw new Error('band drew tiles');
    expect(plan.layout.font * zoom).toBeGreaterThanOrEqual(TEXT_PX);
    expect(plan.layout.rows.some((r) => r.bar.id === svc.id)).toBe(true);
  });
});
