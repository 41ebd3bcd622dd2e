import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { resourcesOf } from '../topology/model';
import { routeThrough } from '../topology/graph/edges';
import { highlightEdges, routeFocus, toFlowEdges, toFlowNodes } from './toFlow';

const demo = demoTopology();
const network = buildGraph(demo, { view: 'network', expanded: new Set() });
const serviceView = buildGraph(demo, { view: 'service', expanded: new Set() });

describe('the node list', () => {
  it('is built from the graph and layout alone: no field of it follows the selection', () => {
    for (const graph of [network, serviceView]) {
      const nodes = toFlowNodes(graph, layoutGraph(graph));
      expect(nodes.length).toBe(graph.nodes.length);
      for (const n of nodes) {
        // Each React Flow node is typed by its graph node's kind and carries that node, and for a service or
        // workload whether it is the box holding its tasks or pods; dimming and selection are read inside the node.
        expect(n.type).toBe(n.data.node.kind);
        expect(Object.keys(n.data).sort()).toEqual(n.type === 'service' || n.type === 'workload' ? ['container', 'node'] : ['node']);
      }
    }
  });

  it('types pods, folded pods and workloads as their own kinds, a workload box of the service view taking edges only at the top', () => {
    const pods = new Set(resourcesOf(demo, 'pod').map((p) => p.id));
    const workloads = new Set(resourcesOf(demo, 'workload').map((w) => w.id));
    const band = toFlowNodes(network, layoutGraph(network));
    expect(new Set(band.filter((n) => pods.has(n.id)).map((n) => n.type))).toEqual(new Set(['pod']));
    expect(band.some((n) => n.type === 'podGroup')).toBe(true);
    const card = band.find((n) => workloads.has(n.id));
    expect(card).toMatchObject({ type: 'workload', data: { container: false } });
    expect(card?.handles?.map((h) => h.type)).toEqual(['target', 'source']);
    const box = toFlowNodes(serviceView, layoutGraph(serviceView)).find((n) => workloads.has(n.id));
    expect(box).toMatchObject({ type: 'workload', data: { container: true } });
    expect(box?.handles?.map((h) => h.type)).toEqual(['target']);
  });

  it('is the same for the same graph and layout', () => {
    const layout = layoutGraph(network);
    expect(toFlowNodes(network, layout)).toEqual(toFlowNodes(network, layout));
  });
});

describe('the edge list', () => {
  it('is built from the graph and layout alone, every edge along its route: the same data for any selection, nothing highlighted', () => {
    for (const graph of [network, serviceView]) {
      const layout = layoutGraph(graph);
      const edges = toFlowEdges(graph, layout);
      expect(edges.length).toBe(graph.edges.length);
      expect(edges.some((e) => e.className?.includes('edge-active'))).toBe(false);
      for (const e of edges) expect(e.data?.points).toEqual(layout.routes?.[e.id]);
      expect(edges.every((e) => (e.data?.points?.length ?? 0) > 1)).toBe(true);
      expect(toFlowEdges(graph, layout)).toEqual(edges);
    }
  });

  it('places the labels once per set of routes: a live update that kept every route reuses the placements', () => {
    const layout = layoutGraph(network);
    const first = toFlowEdges(network, layout);
    const again = toFlowEdges(buildGraph(demo, { view: 'network', expanded: new Set() }), layout);
    const labelled = first.filter((e) => e.data?.labelAt);
    expect(labelled.length).toBeGreaterThan(0);
    for (const e of labelled) expect(again.find((a) => a.id === e.id)?.data?.labelAt).toBe(e.data?.labelAt);
    // Routes found afresh are placed afresh.
    const fresh = toFlowEdges(network, { ...layout, routes: { ...layout.routes } });
    expect(fresh.find((a) => a.id === labelled[0]?.id)?.data?.labelAt).not.toBe(labelled[0]?.data?.labelAt);
  });

  it('lights the whole route through a focused node by replacing only its edges; every other edge object stays the same', () => {
    for (const graph of [network, serviceView]) {
      const base = toFlowEdges(graph, layoutGraph(graph));
      expect(highlightEdges(base, undefined)).toBe(base);
      for (const node of graph.nodes) {
        const lit = highlightEdges(base, node.id);
        const route = routeThrough(graph.edges, node.id);
        const changed = lit.filter((e, i) => e !== base[i]);
        expect(changed.map((e) => e.id).sort()).toEqual([...route].sort());
        for (const e of changed) expect(e.className).toContain('edge-active');
        expect(routeFocus(base, node.id)).toBe(route.size > 0);
        if (!route.size) expect(lit).toBe(base);
      }
    }
  });

  it('lights a service in the network view together with its target groups and their load balancers', () => {
    const served = network.edges.find((e) => e.kind === 'serves');
    if (!served) throw new Error('expected a serves edge');
    const lit = highlightEdges(toFlowEdges(network, layoutGraph(network)), served.target).filter((e) => e.className?.includes('edge-active'));
    expect(lit.some((e) => e.target === served.source && network.edges.find((g) => g.id === e.id)?.kind === 'route')).toBe(true);
  });

  it("draws every edge above every box but its ends, at rest: a route keeps clear of unrelated boxes, so only its ends' ancestors lie under it", () => {
    for (const graph of [network, serviceView]) {
      const layout = layoutGraph(graph);
      const nodes = toFlowNodes(graph, layout);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      // React Flow's stacking: a child sits at least one above its parent; an edge adds the z of an end that has a parent.
      const z = (id: string): number => {
        const n = byId.get(id);
        if (!n) return 0;
        return n.parentId ? Math.max(z(n.parentId) + 1, n.zIndex ?? 0) : (n.zIndex ?? 0);
      };
      const zOfEnd = (id: string) => (byId.get(id)?.parentId ? z(id) : 0);
      const top = Math.max(...nodes.map((n) => z(n.id)));
      for (const e of toFlowEdges(graph, layout)) expect((e.zIndex ?? 0) + Math.max(zOfEnd(e.source), zOfEnd(e.target))).toBeGreaterThan(top);
    }
  });

  it("lifts a selected service's edges above the cluster boxes in the service view", () => {
    const base = toFlowEdges(serviceView, layoutGraph(serviceView));
    const serves = serviceView.edges.find((e) => e.kind === 'serves');
    if (!serves) throw new Error('expected a serves edge in the service view');
    const lit = highlightEdges(base, serves.target);
    const before = base.find((e) => e.id === serves.id);
    const after = lit.find((e) => e.id === serves.id);
    expect(after?.zIndex ?? 0).toBeGreaterThan(before?.zIndex ?? 0);
  });
});
