import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { buildGraph } from '../graph/buildGraph';
import { layoutGraph } from './layoutGraph';
import { routeEdges } from './route';
import { routeViolations } from './routeCheck';

/*
 * Generated estates of every small shape, in both views: every edge gets a route, no route breaks the rules the
 * checks know, and the same estate always routes the same way.
 */

const estates = fc.record({
  clusters: fc.integer({ min: 1, max: 4 }),
  services: fc.integer({ min: 1, max: 24 }),
  tasks: fc.integer({ min: 1, max: 120 }),
  loadBalancers: fc.integer({ min: 0, max: 3 }),
  azs: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});
const views = fc.constantFrom('network' as const, 'service' as const);

describe('routed edges on generated estates', () => {
  it('route every edge and break no rule', () => {
    fc.assert(
      fc.property(estates, views, (size, view) => {
        const graph = buildGraph(syntheticEstate(size), { view, expanded: new Set() });
        const layout = layoutGraph(graph);
        const routes = routeEdges(graph, layout);
        expect([...routes.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
        expect(routeViolations(graph.edges, layout, routes)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('route the same estate the same way every time', () => {
    fc.assert(
      fc.property(estates, views, (size, view) => {
        const route = () => {
          const graph = buildGraph(syntheticEstate(size), { view, expanded: new Set() });
          return [...routeEdges(graph, layoutGraph(graph))];
        };
        expect(route()).toEqual(route());
      }),
      { numRuns: 20 },
    );
  });
});
