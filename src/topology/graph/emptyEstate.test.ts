import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../../server/fake-aws/demo';
import { readThroughFake } from '../../../server/fake-aws/readWorld';
import type { World } from '../../../server/fake-aws/world';
import { emptyEstate } from './emptyEstate';

/** A region with its default VPC and nothing else: no ECS, no load balancers, no EKS. */
function emptyRegion(): World {
  const demo = demoWorld();
  return {
    ...demo,
    name: 'empty',
    region: 'eu-west-2',
    ec2: { ...demo.ec2, instances: [] },
    ecs: { clusters: [], services: [], tasks: [], taskDefinitions: [], containerInstances: [] },
    elbv2: { loadBalancers: [], targetGroups: [], listeners: [], rules: [], targetHealth: {} },
    eks: { clusters: [], nodegroups: [], fargateProfiles: [] },
    kube: {},
  };
}

describe('the empty-region message', () => {
  it('says a region with no containers holds none, which region was read, and how to pick another', async () => {
    const { topology } = await readThroughFake({ world: emptyRegion() });
    expect(topology.errors).toEqual([]);
    const empty = emptyEstate(topology);
    expect(empty?.title).toBe('No ECS or EKS containers in eu-west-2');
    expect(empty?.detail).toContain('Fleetmap read eu-west-2');
    expect(empty?.next).toContain('--region NAME');
    expect(empty?.next).toContain('AWS_REGION');
  });

  it('does not call a region empty when the read was refused', async () => {
    const { topology } = await readThroughFake({ world: emptyRegion(), deny: ['ecs:ListClusters', 'eks:ListClusters'] });
    expect(topology.errors.length).toBeGreaterThan(0);
    const empty = emptyEstate(topology);
    expect(empty?.title).toBe('No ECS or EKS containers could be read in eu-west-2');
    expect(empty?.detail).toMatch(/but \d+ calls? failed/);
  });

  it('says nothing for an estate with containers', async () => {
    const { topology } = await readThroughFake({ world: demoWorld() });
    expect(emptyEstate(topology)).toBeUndefined();
  });
});
