import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph, type GraphOptions } from '../graph/buildGraph';
import type { View } from '../graph/types';
import type { Topology } from '../model';
import { layoutGraph } from './layoutGraph';
import { routeEdges } from './route';
import { laneFaults, routeViolations } from './routeCheck';
import { midHeight } from './routeMidHeight.fixture';

/*
 * Every edge of the demo and of generated worlds, in both views, as the map lays them out, has a route: each starts on its
 * source, enters its own target, crosses no box that is not an endpoint or an ancestor of one, and never runs on
 * top of an edge it shares no end with.
 */

const worlds: [string, () => Topology][] = [
  ['demo', demoTopology],
  ['estate of 40 services', () => syntheticEstate({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 })],
  ['estate of 240 services and 120 target groups', () => syntheticEstate({ clusters: 8, services: 240, tasks: 2400, loadBalancers: 12, azs: 3, seed: 4 })],
];

describe('routed edges on laid-out worlds', () => {
  for (const [name, make] of worlds) {
    const topology = make();
    for (const view of ['network', 'service'] as const) {
      it(`${name}, ${view} view: every edge holds`, () => {
        const graph = buildGraph(topology, { view, expanded: new Set() });
        const layout = layoutGraph(graph);
        const routes = routeEdges(graph, layout);
        // Every node of these worlds has a box, so every edge has a route.
        expect([...routes.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
        expect(routeViolations(graph.edges, layout, routes)).toEqual([]);
      });
      // Still crowded: lanes between the rows and cards of a wrapped band, which its packing does not widen yet.
      const lanesTest = name === 'demo' || (name === 'estate of 40 services' && view === 'network') ? it : it.fails;
      lanesTest(`${name}, ${view} view: lanes of unrelated edges keep apart`, () => {
        const graph = buildGraph(topology, { view, expanded: new Set() });
        // The map's own routes, laid out with room for them: every gap as wide as the lanes it carries need.
        expect(laneFaults(graph.edges, new Map(Object.entries(layoutGraph(graph).routes ?? {})))).toEqual([]);
      });
    }
  }

  // The screen and its exports lay out more than the first view: groups opened, namespaces hidden.
  const variants: [string, (view: View) => GraphOptions][] = [
    [
      'every folded group opened',
      (view) => ({
        view,
        expanded: new Set(
          buildGraph(demoTopology(), { view, expanded: new Set() })
            .nodes.filter((n) => n.kind === 'taskGroup' || n.kind === 'podGroup')
            .map((n) => n.id),
        ),
      }),
    ],
    ['the batch namespace hidden', (view) => ({ view, expanded: new Set(), hiddenNamespaces: new Set(['batch']) })],
    ['every namespace but orders hidden', (view) => ({ view, expanded: new Set(), hiddenNamespaces: new Set(['batch', 'kube-system']) })],
  ];
  for (const [name, options] of variants)
    for (const view of ['network', 'service'] as const)
      it(`demo with ${name}, ${view} view: every edge holds`, () => {
        const graph = buildGraph(demoTopology(), options(view));
        const layout = layoutGraph(graph);
        const routes = routeEdges(graph, layout);
        expect([...routes.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
        expect(routeViolations(graph.edges, layout, routes)).toEqual([]);
      });

  // The demo's network view happens to draw clean with the old geometry (each target group sits over its services);
  // every other case shows the faults the issue reports: lines through clusters and services, shared trunks.
  it.each([
    [0, 'service'],
    [1, 'network'],
    [1, 'service'],
    [2, 'network'],
    [2, 'service'],
  ] as const)('the checks catch the mid-height geometry (world %i, %s view)', (index, view) => {
    const make = worlds[index]?.[1];
    if (!make) throw new Error(`no world ${index}`);
    const graph = buildGraph(make(), { view, expanded: new Set() });
    const layout = layoutGraph(graph);
    expect(routeViolations(graph.edges, layout, midHeight(graph.edges, layout)).length).toBeGreaterThan(0);
  });
});
