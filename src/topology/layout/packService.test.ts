import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import { gridWidth } from './grid';
import { packService } from './packService';
import { leafSize, SPACING } from './sizes';

describe('packing the service view', () => {
  const graph = buildGraph(demoTopology(), { view: 'service', expanded: new Set() });
  const packed = packService(graph);
  const box = (id: string) => packed.boxes.get(id);
  const clusters = graph.nodes.filter((n) => n.kind === 'cluster');

  it('sets clusters side by side at the top, in graph order, with room between them', () => {
    expect(clusters.map((c) => box(c.id)?.y)).toEqual(clusters.map(() => 0));
    const xs = clusters.map((c) => box(c.id)?.x ?? NaN);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    clusters.slice(1).forEach((c, i) => {
      const prev = box(clusters[i]?.id ?? '');
      expect(box(c.id)?.x).toBe((prev?.x ?? 0) + (prev?.width ?? 0) + 4 * SPACING.gap);
    });
    const last = box(clusters.at(-1)?.id ?? '');
    expect(packed.width).toBe((last?.x ?? 0) + (last?.width ?? 0));
    expect(packed.height).toBe(Math.max(...clusters.map((c) => box(c.id)?.height ?? 0)));
    expect(packed.columns.size).toBe(0);
  });

  it('stacks a cluster’s services one under another, each holding its tasks four to a row', () => {
    const storefront = clusters.find((c) => c.label === 'storefront');
    const services = graph.nodes.filter((n) => n.kind === 'service' && n.parent === storefront?.id);
    const ys = services.map((s) => box(s.id)?.y ?? NaN);
    ys.slice(1).forEach((y, i) => expect(y).toBe((ys[i] ?? 0) + (box(services[i]?.id ?? '')?.height ?? 0) + SPACING.gap));
    const web = services.find((s) => s.label === 'web');
    const tasks = graph.nodes.filter((n) => n.parent === web?.id).map((t) => box(t.id));
    expect(tasks).toHaveLength(6);
    expect(new Set(tasks.map((t) => t?.y)).size).toBe(2);
    expect(box(web?.id ?? '')?.width).toBe(gridWidth(4, leafSize('task').width) + 2 * SPACING.pad);
  });

  it('stacks an EKS cluster’s namespaces, each stacking its workloads', () => {
    const eks = clusters.find((c) => c.kind === 'cluster' && c.engine === 'eks');
    const namespaces = graph.nodes.filter((n) => n.kind === 'namespace' && n.parent === eks?.id);
    expect(namespaces.map((n) => n.label)).toEqual(['batch', 'orders', 'kube-system']);
    const ys = namespaces.map((n) => box(n.id)?.y ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    for (const ns of namespaces) expect(box(ns.id)?.width).toBeLessThanOrEqual((box(eks?.id ?? '')?.width ?? 0) - SPACING.pad);
  });
});
