import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { syntheticEstate } from '../__fixtures__/estate';
import { buildGraph } from '../graph/buildGraph';
import { childrenIndex, columnsFor, hostColumns, packNetwork } from './packNetwork';

describe('grid columns', () => {
  it('gives a subnet four columns, more as its busiest subnet grows, never more than forty', () => {
    expect(columnsFor(0)).toBe(4);
    expect(columnsFor(32)).toBe(4);
    expect(columnsFor(50)).toBe(5);
    expect(columnsFor(800)).toBe(20);
    expect(columnsFor(1_000_000)).toBe(40);
  });

  it('gives a host a squarish block, at least two columns and never wider than its subnet', () => {
    expect(hostColumns(0, 4)).toBe(2);
    expect(hostColumns(6, 8)).toBe(3);
    expect(hostColumns(100, 8)).toBe(8);
  });
});

describe('packing the network view', () => {
  const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
  const packed = packNetwork(graph);
  const box = (id: string) => packed.boxes.get(id);

  it('indexes children under their parent, top-level nodes under ""', () => {
    const index = childrenIndex(graph);
    expect(index.get('')?.every((n) => n.parent === undefined)).toBe(true);
    const vpc = graph.nodes.find((n) => n.kind === 'vpc');
    expect(index.get(vpc?.id ?? '')?.map((n) => n.kind)).toEqual(['az', 'az', 'az']);
  });

  it('lines up the i-th public subnet of every AZ in one row above the private ones, all of a row one height', () => {
    const subnets = graph.nodes.filter((n) => n.kind === 'subnet');
    const rows = new Map<string, { y: number; height: number }[]>();
    for (const s of subnets)
      if (s.kind === 'subnet') rows.set(s.exposure, [...(rows.get(s.exposure) ?? []), { y: box(s.id)?.y ?? NaN, height: box(s.id)?.height ?? NaN }]);
    const pub = rows.get('public') ?? [];
    const priv = rows.get('private') ?? [];
    expect(pub).toHaveLength(3);
    expect(priv).toHaveLength(3);
    expect(new Set(pub.map((r) => `${r.y}/${r.height}`)).size).toBe(1);
    expect(new Set(priv.map((r) => `${r.y}/${r.height}`)).size).toBe(1);
    expect((pub[0]?.y ?? 0) + (pub[0]?.height ?? 0)).toBeLessThan(priv[0]?.y ?? 0);
  });

  it('reports each AZ column’s absolute span, for the load balancers above it', () => {
    const vpc = graph.nodes.find((n) => n.kind === 'vpc');
    for (const az of graph.nodes.filter((n) => n.kind === 'az')) {
      const b = box(az.id);
      expect(packed.columns.get(az.kind === 'az' ? az.label : '')).toEqual({ x: (box(vpc?.id ?? '')?.x ?? 0) + (b?.x ?? 0), width: b?.width });
    }
    expect(packed.width).toBe(box(vpc?.id ?? '')?.width);
  });

  it('sets host boxes side by side in shelves inside their subnet', () => {
    const hosts = graph.nodes.filter((n) => n.kind === 'instance' || n.kind === 'node');
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) {
      const b = box(h.id);
      const s = box(h.parent ?? '');
      expect(b && s && b.x + b.width <= s.width && b.y + b.height <= s.height).toBe(true);
    }
  });

  it('grows the grid for a busy estate so it stays about as wide as tall', () => {
    const big = buildGraph(syntheticEstate({ clusters: 2, services: 6, tasks: 1200, loadBalancers: 0, azs: 2, seed: 3 }), {
      view: 'network',
      expanded: new Set(),
    });
    const { width, height } = packNetwork(big);
    expect(width / height).toBeGreaterThan(0.25);
    expect(width / height).toBeLessThan(4);
  });
});
