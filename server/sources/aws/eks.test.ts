import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { readThroughFake } from '../../fake-aws/readWorld';
import { resourcesOf } from '../../../src/topology/model';

/** The EKS part of a read, through the real SDK client against the fake's restJson1 EKS API. */
describe('EKS read', () => {
  it('reads clusters, node groups, Fargate profiles and the node groups’ instances over several pages each', async () => {
    const { topology, fake } = await readThroughFake({ world: demoWorld(), pageCap: 1 });
    expect(topology.errors).toEqual([]);
    const [cluster] = resourcesOf(topology, 'eksCluster');
    expect(cluster).toMatchObject({
      name: 'orders-eks',
      version: '1.31',
      status: 'ACTIVE',
      endpointPrivateAccess: true,
      authenticationMode: 'API_AND_CONFIG_MAP',
    });
    const groups = resourcesOf(topology, 'nodeGroup');
    expect(groups.map((g) => g.name).sort()).toEqual(['general', 'spot-workers']);
    expect(groups.find((g) => g.name === 'spot-workers')).toMatchObject({
      capacityType: 'SPOT',
      healthIssues: [expect.stringContaining('AsgInstanceLaunchFailures')],
    });
    expect(resourcesOf(topology, 'fargateProfile')).toMatchObject([{ name: 'batch', selectors: ['batch'] }]);
    const nodes = resourcesOf(topology, 'eksNode');
    expect(nodes).toHaveLength(5);
    // Every node sits in a subnet that was read, in the AZ of that subnet, as ECS tasks do.
    const subnets = new Map(resourcesOf(topology, 'subnet').map((s) => [s.id, s]));
    for (const n of nodes) expect(subnets.get(n.subnetId ?? '')?.az).toBe(n.az);
    expect(nodes.filter((n) => n.lifecycle === 'spot')).toHaveLength(2);
    // Paged at one item per page: ListNodegroups took two pages; instances were found by their Auto Scaling groups.
    expect(fake.calls.filter((c) => c.action === 'eks:ListNodegroups')).toHaveLength(2);
    expect(fake.calls.some((c) => c.action === 'ec2:DescribeInstances' && c.params.includes('tag%3Aaws%3Aautoscaling%3AgroupName'))).toBe(true);
  });

  it('a denied EKS API is one precise error, and the ECS map is still whole', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['eks:ListClusters'] });
    expect(topology.errors).toMatchObject([
      { api: 'eks:ListClusters', code: 'AccessDeniedException', hint: expect.stringContaining('Grant eks:ListClusters') },
    ]);
    expect(resourcesOf(topology, 'task').length).toBeGreaterThan(30);
    expect(resourcesOf(topology, 'eksNode')).toHaveLength(0);
  });
});
