import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../../fake-aws/demo';
import { readThroughFake } from '../../../fake-aws/readWorld';
import { resourcesOf } from '../../../../src/topology/model';

describe('the Kubernetes API endpoint DescribeCluster gives', () => {
  it('may end in "/": requests still go to /api/v1/nodes, never //api/v1/nodes', async () => {
    const world = demoWorld();
    const { topology, fake } = await readThroughFake({ world, kube: { trailingSlash: true } });
    expect(topology.errors).toEqual([]);
    expect(resourcesOf(topology, 'pod')).toHaveLength(world.kube?.['orders-eks']?.pods.length ?? -1);
    expect(fake.kubeCalls().map((c) => c.operation)).toContain('list nodes');
    expect(fake.kubeCalls().every((c) => c.status === 200)).toBe(true);
  });
});
