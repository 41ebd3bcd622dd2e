import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../graph/types';
import { emptyCounts } from '../graph/health';
import { bandOrder, bandRows, layoutBand, packBandRow, packLoadBalancers } from './band';
import { BAND_NODE_GAP, leafSize, SPACING } from './sizes';
import type { Graph } from '../graph/types';

const LB = leafSize('loadBalancer');
const lb = (id: string, azs: string[]): GraphNode => ({ kind: 'loadBalancer', id, label: id, lbType: 'application', scheme: 'internet-facing', azs });
const tg = (id: string): GraphNode => ({ kind: 'targetGroup', id, label: id, detail: '', counts: emptyCounts(), unreadable: false });
const svc = (id: string): GraphNode => ({ kind: 'service', id, label: id, color: 0, detail: '', azCounts: {}, deploying: false, unhealthy: 0, routes: [] });
const edge = (source: string, target: string, kind: GraphEdge['kind']): GraphEdge => ({ id: `${source}->${target}`, source, target, kind, unhealthy: false });

const columns = new Map([
  ['us-east-1a', { x: 0, width: 600 }],
  ['us-east-1b', { x: 608, width: 600 }],
  ['us-east-1c', { x: 1216, width: 600 }],
]);

describe('load balancers across the top', () => {
  it('spans each balancer over the AZ columns it serves', () => {
    const { boxes, height } = packLoadBalancers([lb('all', ['us-east-1a', 'us-east-1b', 'us-east-1c']), lb('two', ['us-east-1b', 'us-east-1c'])], columns, 0);
    const all = boxes.find((b) => b.id === 'all');
    const two = boxes.find((b) => b.id === 'two');
    expect(all).toMatchObject({ x: 0, width: 1816, height: LB.height });
    // Overlapping spans take separate lanes.
    expect(two).toMatchObject({ x: 608, width: 1208, y: LB.height + SPACING.laneGap });
    expect(height).toBe(2 * LB.height + SPACING.laneGap);
  });

  it('puts balancers of one span side by side, and balancers of spans apart in one lane', () => {
    const { boxes, height } = packLoadBalancers([lb('a1', ['us-east-1a']), lb('a2', ['us-east-1a']), lb('c', ['us-east-1c'])], columns, 0);
    expect(boxes.map((b) => [b.id, b.x, b.y, b.width])).toEqual([
      ['a1', 0, 0, (600 - SPACING.gap) / 2],
      ['a2', (600 - SPACING.gap) / 2 + SPACING.gap, 0, (600 - SPACING.gap) / 2],
      ['c', 1216, 0, 600],
    ]);
    expect(height).toBe(LB.height);
  });

  it('wraps a span too narrow for its balancers into rows, and gives one in no known AZ the whole width', () => {
    const many = ['x1', 'x2', 'x3'].map((id) => lb(id, ['us-east-1a']));
    const narrow = new Map([['us-east-1a', { x: 0, width: LB.width }]]);
    const { boxes, height } = packLoadBalancers(many, narrow, 0);
    expect(boxes.map((b) => b.y)).toEqual([0, LB.height + SPACING.laneGap, 2 * (LB.height + SPACING.laneGap)]);
    expect(height).toBe(3 * LB.height + 2 * SPACING.laneGap);
    expect(packLoadBalancers([lb('nowhere', ['eu-west-9z'])], columns, 1816).boxes[0]).toMatchObject({ x: 0, width: 1816 });
    expect(packLoadBalancers([lb('nowhere', [])], new Map(), 10).boxes[0]).toMatchObject({ width: LB.width });
  });
});

describe('the band’s order', () => {
  it('puts target groups under their balancers left to right, and services under their groups', () => {
    const nodes = [svc('s-z'), svc('s-b'), svc('s-alone'), tg('tg-right'), tg('tg-left'), tg('tg-free')];
    const edges = [
      edge('lb-left', 'tg-left', 'route'),
      edge('lb-right', 'tg-right', 'route'),
      edge('tg-right', 's-b', 'serves'),
      edge('tg-left', 's-z', 'serves'),
    ];
    const order = bandOrder(
      nodes,
      edges,
      new Map([
        ['lb-left', 100],
        ['lb-right', 900],
      ]),
    );
    expect(order.map((n) => n.id)).toEqual(['tg-left', 'tg-right', 'tg-free', 's-z', 's-b', 's-alone']);
  });

  it('falls back to names when nothing places them', () => {
    expect(bandOrder([tg('b'), tg('a'), svc('y'), svc('x')], [], new Map()).map((n) => n.id)).toEqual(['a', 'b', 'x', 'y']);
  });
});

describe('the band of target groups and services', () => {
  const TG = leafSize('targetGroup');
  const SVC = leafSize('service');
  const layer = (n: GraphNode) => (n.kind === 'targetGroup' ? 0 : 1);
  // tg-a serves two services, tg-b one; s-free is served by none.
  const nodes = [tg('tg-a'), tg('tg-b'), svc('s-a1'), svc('s-a2'), svc('s-b'), svc('s-free')];
  const graph: Graph = {
    view: 'network',
    nodes,
    edges: [edge('tg-a', 's-a1', 'serves'), edge('tg-a', 's-a2', 'serves'), edge('tg-b', 's-b', 'serves')],
    azs: [],
  };

  it('keeps each connected group whole, in order, and wraps groups that do not fit the width into the next row', () => {
    const wide = bandRows(nodes, graph, layer, 10_000);
    expect(wide).toHaveLength(1);
    expect(wide[0]?.groups.map((g) => g.map((n) => n.id))).toEqual([['tg-a', 's-a1', 's-a2'], ['tg-b', 's-b'], ['s-free']]);
    const groupA = 2 * (SVC.width + BAND_NODE_GAP);
    const narrow = bandRows(nodes, graph, layer, groupA);
    expect(narrow.map((r) => r.nodes.map((n) => n.id))).toEqual([
      ['tg-a', 's-a1', 's-a2'],
      ['tg-b', 's-b', 's-free'],
    ]);
  });

  it('packs a row layer by layer, each target group centred over its services', () => {
    const row = bandRows(nodes, graph, layer, 10_000)[0]?.groups ?? [];
    const { boxes, width, height } = packBandRow(row, layer);
    const at = (id: string) => boxes.find((b) => b.id === id);
    const centre = (id: string) => (at(id)?.x ?? 0) + (at(id)?.width ?? 0) / 2;
    expect(at('tg-a')?.y).toBe(0);
    expect(at('s-a1')?.y).toBe(TG.height + SPACING.bandLayerGap);
    expect(centre('tg-a')).toBe((centre('s-a1') + centre('s-a2')) / 2);
    expect(centre('tg-b')).toBe(centre('s-b'));
    expect(height).toBe(TG.height + SPACING.bandLayerGap + SVC.height);
    expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeLessThanOrEqual(width);
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y === b.y, `${a.id}/${b.id}`).toBe(false);
  });

  it('stacks wrapped rows and gives the band the full width, or the width of its one row', () => {
    const one = layoutBand(nodes, graph, layer, 10_000);
    const rowWidth = packBandRow(bandRows(nodes, graph, layer, 10_000)[0]?.groups ?? [], layer).width;
    expect(one.width).toBe(rowWidth);
    const wrapped = layoutBand(nodes, graph, layer, 2 * (SVC.width + BAND_NODE_GAP));
    expect(wrapped.width).toBe(2 * (SVC.width + BAND_NODE_GAP));
    expect(wrapped.height).toBe(2 * one.height + SPACING.bandRowGap);
    expect(layoutBand([], graph, layer, 100)).toEqual({ boxes: [], width: 0, height: 0 });
  });
});
