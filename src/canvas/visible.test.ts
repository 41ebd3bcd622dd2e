import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { buildGraph } from '../topology/graph/buildGraph';
import { absoluteBoxes } from '../topology/layout/absolute';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Layout } from '../topology/layout/types';
import { toFlowEdges, toFlowNodes } from './toFlow';
import { cullIndex, held, picker, stillHolds, viewCell } from './visible';
import type { Camera, Screen } from './viewport';

/**
 * A VPC of two AZ columns, a task in each, and a band above: a load balancer routed to a target group along an L
 * (down, then right), and a target group drawn straight to its service (no route).
 */
const layout: Layout = {
  width: 2000,
  height: 2000,
  boxes: [
    { id: 'lb', x: 0, y: -400, width: 100, height: 40 },
    { id: 'tg', x: 1500, y: -200, width: 100, height: 40 },
    { id: 'svc', x: 1500, y: -100, width: 100, height: 40 },
    { id: 'vpc', x: 0, y: 0, width: 2000, height: 2000 },
    { id: 'az1', parent: 'vpc', x: 0, y: 0, width: 1000, height: 2000 },
    { id: 'az2', parent: 'vpc', x: 1000, y: 0, width: 1000, height: 2000 },
    { id: 't1', parent: 'az1', x: 10, y: 10, width: 50, height: 20 },
    { id: 't2', parent: 'az2', x: 900, y: 1900, width: 50, height: 20 },
  ],
  routes: {
    'lb->tg': [
      [50, -360],
      [50, -180],
      [1500, -180],
    ],
  },
};
const edges = [
  { id: 'lb->tg', source: 'lb', target: 'tg' },
  { id: 'tg->svc', source: 'tg', target: 'svc' },
];
const index = cullIndex(layout, edges);
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('what the map hands React Flow', () => {
  it('holds the boxes meeting the area and their ancestors, not the far column', () => {
    const h = held(index, { x: 0, y: 0, width: 100, height: 100 }, []);
    expect(sorted(h.nodes)).toEqual(['az1', 't1', 'vpc']);
    expect(h.edges.size).toBe(0);
  });

  it('holds the selection and its ancestors wherever they are', () => {
    const h = held(index, { x: 0, y: 0, width: 100, height: 100 }, ['t2', undefined, 'gone']);
    expect(sorted(h.nodes)).toEqual(['az1', 'az2', 't1', 't2', 'vpc']);
  });

  it('holds an edge whose route crosses the area, with both its ends, but not one whose route only boxes it', () => {
    // The L's horizontal leg crosses here; neither end is near.
    const crossed = held(index, { x: 700, y: -190, width: 20, height: 20 }, []);
    expect(sorted(crossed.edges)).toEqual(['lb->tg']);
    expect(sorted(crossed.nodes)).toEqual(['lb', 'tg']);
    // Inside the L's bounding box, away from both legs.
    const beside = held(index, { x: 700, y: -340, width: 20, height: 20 }, []);
    expect(beside.edges.size).toBe(0);
    expect(beside.nodes.size).toBe(0);
  });

  it('draws an edge without a route between its ends', () => {
    const h = held(index, { x: 1540, y: -150, width: 20, height: 20 }, []);
    expect(sorted(h.edges)).toEqual(['tg->svc']);
    expect(sorted(h.nodes)).toEqual(['svc', 'tg']);
  });
});

describe('the viewport in cells', () => {
  const screen: Screen = { width: 1600, height: 1000 };
  const view = (c: Camera) => ({ x: -c.x / c.zoom, y: -c.y / c.zoom, width: screen.width / c.zoom, height: screen.height / c.zoom });

  it('holds the screen and at least half a screen more on every side, at any zoom and place', () => {
    for (let i = 0; i < 500; i++) {
      const zoom = 0.05 * 1.013 ** i;
      const camera = { x: ((i * 7919) % 20000) - 10000, y: ((i * 104729) % 13000) - 6500, zoom };
      const v = view(camera);
      const r = viewCell(camera, screen).rect;
      const marginX = v.width / 2;
      const marginY = v.height / 2;
      expect(r.x).toBeLessThanOrEqual(v.x - marginX + 1e-6);
      expect(r.y).toBeLessThanOrEqual(v.y - marginY + 1e-6);
      expect(r.x + r.width).toBeGreaterThanOrEqual(v.x + v.width + marginX - 1e-6);
      expect(r.y + r.height).toBeGreaterThanOrEqual(v.y + v.height + marginY - 1e-6);
      // ...and no more than a few screens: what is held stays the size of a screen's neighbourhood.
      expect(r.width * r.height).toBeLessThan(v.width * v.height * 9);
    }
  });

  it('still holds while the view pans inside the held area, not once it leaves it or changes zoom bucket', () => {
    const at = { x: -100, y: -100, zoom: 1 };
    const cell = viewCell(at, screen);
    // The bench's circling pan: 250 px either way.
    for (let a = 0; a < 7; a += 0.5) expect(stillHolds(cell, viewCell({ ...at, x: at.x + Math.cos(a) * 250, y: at.y + Math.sin(a) * 150 }, screen))).toBe(true);
    expect(stillHolds(cell, viewCell({ ...at, x: at.x - 1300 }, screen))).toBe(false);
    expect(stillHolds(cell, viewCell({ ...at, y: at.y + 800 }, screen))).toBe(false);
    expect(stillHolds(viewCell({ ...at, zoom: 1.3 }, screen), viewCell({ ...at, zoom: 1.6 }, screen))).toBe(false);
    // Nearby views take the very same area.
    expect(viewCell({ ...at, x: -105, y: -98 }, screen).key).toBe(cell.key);
  });
});

describe('picking the held objects', () => {
  const all = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

  it('returns the very objects of the full list, in its order', () => {
    const pick = picker<{ id: string }>();
    const out = pick(all, new Set(['d', 'b', 'missing']));
    expect(out).toEqual([{ id: 'b' }, { id: 'd' }]);
    expect(out[0]).toBe(all[1]);
    expect(out[1]).toBe(all[3]);
  });

  it('reuses its last array while the set holds the same objects, and not once an object changed', () => {
    const pick = picker<{ id: string }>();
    const first = pick(all, new Set(['a', 'c']));
    expect(pick(all, new Set(['c', 'a']))).toBe(first);
    const changed = [...all.slice(0, 2), { id: 'c' }, ...all.slice(3)];
    expect(pick(changed, new Set(['a', 'c']))).not.toBe(first);
  });
});

describe('on a laid-out estate', () => {
  const topology = syntheticEstate({ clusters: 6, services: 120, tasks: 1500, loadBalancers: 6, azs: 3, seed: 3 });
  const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
  const laid = layoutGraph(graph);
  const nodes = toFlowNodes(graph, laid);
  const flowEdges = toFlowEdges(graph, laid);
  const estate = cullIndex(laid, flowEdges);
  const absolute = absoluteBoxes(laid);
  const screen: Screen = { width: 1600, height: 1000 };

  it('holds a screen’s neighbourhood close up, every held node’s parent before it, every held edge’s ends', () => {
    const task = nodes.find((n) => n.type === 'task' || n.type === 'taskGroup');
    const box = task ? absolute.get(task.id) : undefined;
    if (!task || !box) throw new Error('no task on the map');
    const camera = { x: screen.width / 2 - 2 * box.x, y: screen.height / 2 - 2 * box.y, zoom: 2 };
    const h = held(estate, viewCell(camera, screen).rect, []);
    const pickNodes = picker<(typeof nodes)[number]>();
    const out = pickNodes(nodes, h.nodes);
    expect(out.map((n) => n.id)).toContain(task.id);
    expect(out.length).toBeLessThan(nodes.length / 2);
    const seen = new Set<string>();
    for (const n of out) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
    for (const e of flowEdges) if (h.edges.has(e.id)) expect([seen.has(e.source), seen.has(e.target)]).toEqual([true, true]);
    // The task or group farthest across the map (another AZ column) is not held.
    const distance = (id: string) => Math.abs((absolute.get(id)?.x ?? box.x) - box.x);
    const far = nodes.filter((n) => n.type === 'task' || n.type === 'taskGroup').reduce((a, b) => (distance(b.id) > distance(a.id) ? b : a));
    expect(distance(far.id)).toBeGreaterThan(screen.width);
    expect(h.nodes.has(far.id)).toBe(false);
  });
});
