import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '../graph/types';
import { routeEdges } from './route';
import { LANE_MIN, laneFaults, laneRoom, routeViolations } from './routeCheck';
import { midHeight } from './routeMidHeight.fixture';
import type { Box, Layout } from './types';

const box = (id: string, x: number, y: number, width: number, height: number, parent?: string): Box => ({
  id,
  x,
  y,
  width,
  height,
  ...(parent ? { parent } : {}),
});
const edge = (source: string, target: string): GraphEdge => ({ id: `${source}->${target}`, source, target, kind: 'serves', unhealthy: false });
const layoutOf = (boxes: Box[]): Layout => ({
  boxes,
  width: Math.max(...boxes.filter((b) => !b.parent).map((b) => b.x + b.width)),
  height: Math.max(...boxes.filter((b) => !b.parent).map((b) => b.y + b.height)),
});

/** Both geometries against the rules: the old one must break them (or the case proves nothing), the routed one not. */
function compare(edges: GraphEdge[], layout: Layout) {
  return { before: routeViolations(edges, layout, midHeight(edges, layout)), after: routeViolations(edges, layout, routeEdges({ edges }, layout)) };
}

describe('routeEdges', () => {
  it('goes round a box that sits under the mid-height run', () => {
    const layout = layoutOf([box('tg', 0, 0, 100, 40), box('other', 150, 80, 100, 80), box('svc', 300, 200, 100, 40)]);
    const { before, after } = compare([edge('tg', 'svc')], layout);
    expect(before).toContain('tg->svc: crosses other');
    expect(after).toEqual([]);
  });

  it('keeps two target groups apart where they would share one trunk', () => {
    // cart-tg → cart and ledger-tg → ledger, side by side: the mid-height runs overlap and cart seems to feed ledger.
    const layout = layoutOf([
      box('cart-tg', 0, 0, 190, 50),
      box('ledger-tg', 214, 0, 190, 50),
      box('cart', 428, 106, 200, 62),
      box('ledger', 652, 106, 200, 62),
    ]);
    const edges = [edge('cart-tg', 'cart'), edge('ledger-tg', 'ledger')];
    const { before, after } = compare(edges, layout);
    expect(before).toContain('cart-tg->cart and ledger-tg->ledger run on top of each other');
    expect(after).toEqual([]);
  });

  it('descends into a cluster through its margin to a service below another, never through it', () => {
    const layout = layoutOf([
      box('tg', 200, 0, 190, 50),
      box('cluster', 0, 106, 584, 400),
      box('first', 12, 58, 560, 136, 'cluster'),
      box('second', 12, 202, 560, 136, 'cluster'),
    ]);
    const { before, after } = compare([edge('tg', 'second')], layout);
    expect(before).toContain('tg->second: crosses first');
    expect(after).toEqual([]);
  });

  it('ends on its own target, entering the top at right angles, and starts on the source', () => {
    const layout = layoutOf([box('lb', 0, 0, 600, 54), box('a', 20, 110, 190, 50), box('b', 390, 110, 190, 50)]);
    const routes = routeEdges({ edges: [edge('lb', 'a'), edge('lb', 'b')] }, layout);
    for (const [id, target] of [
      ['lb->a', box('a', 20, 110, 190, 50)],
      ['lb->b', box('b', 390, 110, 190, 50)],
    ] as const) {
      const pts = routes.get(id) ?? [];
      const [last, before] = [pts[pts.length - 1], pts[pts.length - 2]];
      expect(last?.[1]).toBe(target.y);
      expect(last?.[0]).toBeGreaterThan(target.x);
      expect(last?.[0]).toBeLessThan(target.x + target.width);
      expect(before?.[0]).toBe(last?.[0]);
      expect(pts[0]?.[1]).toBe(54);
    }
    // One source, one port: the two edges share their first segment (the trunk) before they fork.
    expect(routes.get('lb->a')?.slice(0, 2)).toEqual(routes.get('lb->b')?.slice(0, 2));
  });

  it('spreads the arrivals of different sources along the target top', () => {
    const layout = layoutOf([box('tg1', 0, 0, 190, 50), box('tg2', 300, 0, 190, 50), box('svc', 150, 150, 200, 62)]);
    const routes = routeEdges({ edges: [edge('tg1', 'svc'), edge('tg2', 'svc')] }, layout);
    const ends = ['tg1->svc', 'tg2->svc'].map((id) => routes.get(id)?.at(-1)?.[0] ?? NaN);
    expect(ends[0]).toBeLessThan(ends[1] ?? NaN);
    expect(routeViolations([edge('tg1', 'svc'), edge('tg2', 'svc')], layout, routes)).toEqual([]);
  });

  it('is deterministic, orthogonal and skips edges whose ends have no box', () => {
    const layout = layoutOf([box('tg', 0, 0, 100, 40), box('other', 150, 80, 100, 80), box('svc', 300, 200, 100, 40)]);
    const edges = [edge('tg', 'svc'), edge('tg', 'missing')];
    const a = routeEdges({ edges }, layout);
    expect(routeEdges({ edges }, layout)).toEqual(a);
    expect([...a.keys()]).toEqual(['tg->svc']);
    const pts = a.get('tg->svc') ?? [];
    for (let i = 1; i < pts.length; i++) expect(pts[i]?.[0] === pts[i - 1]?.[0] || pts[i]?.[1] === pts[i - 1]?.[1]).toBe(true);
  });
});

describe('lanes of unrelated edges', () => {
  it('are caught when they run closer than LANE_MIN, as a target group’s drop onto another load balancer’s trunk', () => {
    // lb-10's target group runs across 1 px under lb-17's listener trunk: it seems to feed lb-17's target groups.
    const edges = [edge('lb10-tg8', 'svc-a'), edge('lb-17', 'lb17-tg7')];
    const routes = new Map<string, [number, number][]>([
      [
        'lb10-tg8->svc-a',
        [
          [600, 0],
          [600, 431],
          [900, 431],
          [900, 500],
        ],
      ],
      [
        'lb-17->lb17-tg7',
        [
          [100, 400],
          [100, 430],
          [1000, 430],
          [1000, 500],
        ],
      ],
    ]);
    expect(laneFaults(edges, routes)).toEqual(['lb-17->lb17-tg7 and lb10-tg8->svc-a run 1 px apart']);
    const apart = new Map(
      [...routes].map(([id, pts]) => [id, id.startsWith('lb10') ? pts.map(([x, y]): [number, number] => [x, y === 431 ? 430 + LANE_MIN : y]) : pts]),
    );
    expect(laneFaults(edges, apart)).toEqual([]);
  });

  it('need a gap of LANE_MIN per lane and one more', () => {
    expect(laneRoom(1)).toBe(2 * LANE_MIN);
    expect(laneRoom(8)).toBe(9 * LANE_MIN);
  });
});
