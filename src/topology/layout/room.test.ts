import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import { absoluteBoxes } from './absolute';
import { layoutGraph } from './layoutGraph';
import { peakLanes, roomNeeded } from './room';
import { laneRoom } from './routeCheck';

describe('room for the lanes', () => {
  it('counts the lanes of one channel (runs that overlap one after another), one per coordinate', () => {
    expect(peakLanes([])).toBe(0);
    expect(
      peakLanes([
        { at: 1, lo: 0, hi: 10 },
        { at: 2, lo: 5, hi: 20 },
        { at: 2, lo: 15, hi: 30 },
        { at: 3, lo: 25, hi: 40 },
        { at: 4, lo: 50, hi: 60 },
      ]),
    ).toBe(3);
  });

  it('widens the services view of the demo where its routes run down a cluster and between namespaces, and leaves it settled', () => {
    const graph = buildGraph(demoTopology(), { view: 'service', expanded: new Set() });
    const layout = layoutGraph(graph);
    const routes = new Map(Object.entries(layout.routes ?? {}));
    expect(roomNeeded(graph, layout, routes)).toEqual(new Map());
    const abs = absoluteBoxes(layout);
    const box = (suffix: string) => [...abs.values()].find((b) => b.id.endsWith(suffix));
    const [storefront, api, batch, orders] = [box('cluster/storefront'), box('service/storefront/api'), box('namespace/batch'), box('namespace/orders')];
    if (!storefront || !api || !batch || !orders) throw new Error('demo boxes missing');
    // Two lanes or more run down storefront's side and between the batch and orders namespaces.
    expect(api.x - storefront.x).toBeGreaterThanOrEqual(laneRoom(2));
    expect(orders.y - batch.y - batch.height).toBeGreaterThanOrEqual(laneRoom(2));
  });

  it('keeps a map with few edges compact: the network view of the demo needs no room', () => {
    const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
    const layout = layoutGraph(graph);
    expect(roomNeeded(graph, layout, new Map(Object.entries(layout.routes ?? {})))).toEqual(new Map());
  });
});
