import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import { layoutGraph } from '../layout/layoutGraph';
import { ARROW, arrowHead, edgeEnds, edgeLabelAt, edgePath, edgePoints, LABEL_BOX, pathOf, routeLabelAt, routeLabels } from './edges';

const box = (x: number, y: number) => ({ id: `${x},${y}`, x, y, width: 100, height: 40 });

describe('an edge’s geometry', () => {
  it('runs from the source’s bottom centre to the target’s top centre', () => {
    expect(edgeEnds(box(0, 0), box(200, 100))).toEqual({ x1: 50, y1: 40, x2: 250, y2: 100 });
  });

  it('goes straight down when the ends line up, else down, across at mid-height and down', () => {
    expect(edgePoints(edgeEnds(box(0, 0), box(0, 100)))).toEqual([
      [50, 40],
      [50, 100],
    ]);
    expect(edgePath(edgeEnds(box(0, 0), box(200, 100)))).toBe('M50 40 L50 70 L250 70 L250 100');
    expect(edgeLabelAt(edgeEnds(box(0, 0), box(200, 100)))).toEqual({ x: 150, y: 70 });
  });
});

describe('a routed edge', () => {
  const route: [number, number][] = [
    [10, 0],
    [10, 20],
    [40, 20],
    [40, 60],
    [200, 60],
    [200, 80],
  ];
  it('draws its polyline as a path', () => {
    expect(pathOf(route)).toBe('M10 0 L10 20 L40 20 L40 60 L200 60 L200 80');
  });
  it('puts its label on its longest horizontal run', () => {
    expect(routeLabelAt(route)).toEqual({ x: 120, y: 60 });
  });
  it('puts the label of a straight drop halfway down', () => {
    expect(
      routeLabelAt([
        [5, 0],
        [5, 50],
      ]),
    ).toEqual({ x: 5, y: 25 });
  });
});

type P = [number, number];
type Routes = Record<string, P[]>;

/** What a label must not do, as a list (empty when it holds): sit off its route, on another route, or under one. */
function labelFaults(labels: Map<string, { x: number; y: number }>, texts: Record<string, string>, routes: Routes): string[] {
  const out: string[] = [];
  const on = (pts: P[], x: number, y: number) =>
    pts.some((a, i) => {
      const b = pts[i + 1];
      return !!b && Math.min(a[0], b[0]) <= x && x <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= y && y <= Math.max(a[1], b[1]);
    });
  for (const [id, at] of labels) {
    const w = (texts[id] ?? '').length * LABEL_BOX.perChar + LABEL_BOX.pad;
    const [x0, x1, y0, y1] = [at.x - w / 2, at.x + w / 2, at.y - LABEL_BOX.height / 2, at.y + LABEL_BOX.height / 2];
    if (!on(routes[id] ?? [], at.x, at.y)) out.push(`${id}: off its route`);
    for (const [other, pts] of Object.entries(routes)) {
      if (other === id) continue;
      if (on(pts, at.x, at.y)) out.push(`${id}: on ${other}'s route`);
      pts.forEach((a, i) => {
        const b = pts[i + 1];
        if (!b) return;
        const crosses = Math.min(a[0], b[0]) < x1 && Math.max(a[0], b[0]) > x0 && Math.min(a[1], b[1]) < y1 && Math.max(a[1], b[1]) > y0;
        if (crosses) out.push(`${id}: crossed by ${other}`);
      });
    }
  }
  return out;
}

describe('labels on routed edges', () => {
  // A load balancer's three rules share one drop from its port; the middle one goes straight on into its target group.
  const routes: Routes = {
    api: [
      [300, 0],
      [300, 60],
      [60, 60],
      [60, 120],
    ],
    cart: [
      [300, 0],
      [300, 120],
    ],
    web: [
      [300, 0],
      [300, 60],
      [540, 60],
      [540, 120],
    ],
  };
  const texts = { api: '/api/*', cart: '/cart/*', web: 'HTTPS:443' };
  const edges = Object.entries(texts).map(([id, label]) => ({ id, label }));

  it('sit past the fork, where no other edge runs or crosses: never on the shared trunk', () => {
    const alone = new Map(Object.entries(routes).map(([id, pts]) => [id, routeLabelAt(pts)]));
    expect(labelFaults(alone, texts, routes)).toContain("cart: on api's route");
    const labels = routeLabels(edges, routes);
    expect(labelFaults(labels, texts, routes)).toEqual([]);
    expect(labels.get('cart')).toEqual({ x: 300, y: 90 });
  });

  it('hold on the demo, both views, as the map lays it out', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(demoTopology(), { view, expanded: new Set() });
      const all = layoutGraph(graph).routes ?? {};
      const texts = Object.fromEntries(graph.edges.flatMap((e) => (e.label ? [[e.id, e.label]] : [])));
      const labels = routeLabels(graph.edges, all);
      // A label on the middle of its own longest run lands on storefront-alb's shared trunk, under its other rules.
      const alone = new Map(Object.keys(texts).map((id) => [id, routeLabelAt(all[id] ?? [])]));
      expect(labelFaults(alone, texts, all).length).toBeGreaterThan(0);
      expect(labels.size).toBe(Object.keys(texts).length);
      expect(labelFaults(labels, texts, all)).toEqual([]);
    }
  });
});

describe('an arrowhead', () => {
  it("points along the last segment, its tip on the route's end", () => {
    expect(
      arrowHead([
        [0, 0],
        [0, 20],
        [50, 20],
        [50, 40],
      ]),
    ).toBe(`M${50 - ARROW.half} ${40 - ARROW.length} L50 40 L${50 + ARROW.half} ${40 - ARROW.length}`);
    expect(
      arrowHead([
        [0, 0],
        [30, 0],
      ]),
    ).toBe(`M${30 - ARROW.length} ${ARROW.half} L30 0 L${30 - ARROW.length} ${-ARROW.half}`);
  });
});
