import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { readThroughFake } from '../../fake-aws/readWorld';

/** A denied action fails the same way for every resource: one error says so, and still names each resource. */
describe('grouped AccessDenied errors name their resources', () => {
  it('ListTasks denied in three clusters: "3 clusters: …", each cluster once though two lists were denied in each', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['ecs:ListTasks'] });
    expect(topology.errors).toMatchObject([
      { api: 'ecs:ListTasks', code: 'AccessDeniedException', resource: '3 clusters: batch-spot, platform-ec2, storefront' },
    ]);
  });

  it('DescribeTargetHealth denied for six target groups names each by its name', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['elasticloadbalancing:DescribeTargetHealth'] });
    expect(topology.errors).toHaveLength(1);
    expect(topology.errors[0]?.resource).toMatch(/^6 target groups: [\w-]+(, [\w-]+){5}$/);
  });

  it('one resource keeps its full ARN', async () => {
    const world = demoWorld();
    world.ecs.clusters = world.ecs.clusters.slice(0, 1);
    const { topology } = await readThroughFake({ world, deny: ['ecs:ListServices'] });
    expect(topology.errors).toMatchObject([{ api: 'ecs:ListServices', resource: 'arn:aws:ecs:us-east-1:123456789012:cluster/storefront' }]);
  });
});
