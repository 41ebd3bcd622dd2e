import { describe, expect, it } from 'vitest';
import { buildGraph } from './buildGraph';
import { cluster, service, task, topologyOf } from './testTopology';

describe('the service node, one for both views', () => {
  it('leaves stopped tasks out of the AZ chips and the failing count, in the network band and the service view alike', () => {
    const topology = topologyOf([
      cluster('shop', { activeServices: 1, runningTasks: 1 }),
      service('shop', 'web'),
      task('shop', 'web', { az: 'us-east-1a' }),
      task('shop', 'web', { az: 'us-east-1b', lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }),
      task('shop', 'web', { az: 'us-east-1c', healthStatus: 'UNHEALTHY' }),
    ]);
    const cards = (['network', 'service'] as const).map((view) => {
      const n = buildGraph(topology, { view, expanded: new Set() }).nodes.find((x) => x.kind === 'service');
      return n?.kind === 'service' ? { ...n, parent: undefined } : undefined;
    });
    expect(cards[0]).toMatchObject({ azCounts: { 'us-east-1a': 1, 'us-east-1c': 1 }, unhealthy: 1 });
    expect(cards[1]).toEqual(cards[0]);
  });
});
