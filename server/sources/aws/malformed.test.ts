import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import type { Fault } from '../../fake-aws/faults';
import { readThroughFake } from '../../fake-aws/readWorld';
import { resourcesOf } from '../../../src/topology/model';
import { watchUnhandledRejections } from './watchUnhandled';

/**
 * One malformed item in an answer (a null in a list, an item without its id) becomes one precise error and is left
 * out; the rest of the answer and of the estate is drawn, and no promise of the read rejects unhandled.
 */
const unhandled = watchUnhandledRejections();

const STOREFRONT = 'arn:aws:ecs:us-east-1:123456789012:cluster/storefront';

describe('malformed items in AWS answers', () => {
  it('a null in a DescribeTasks list is one error naming the API, the cluster and the item; every task is still drawn', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world, faults: [{ action: 'ecs:DescribeTasks', kind: 'null-item', at: 'tasks', index: 1 }] });
    // Every DescribeTasks answer carried the null: one error per answer, each about its own cluster.
    const errors = topology.errors.filter((e) => e.api === 'ecs:DescribeTasks');
    expect(errors.length).toBeGreaterThan(0);
    expect(topology.errors).toEqual(errors);
    for (const e of errors) {
      expect(e.code).toBe('MalformedResponse');
      expect(e.message).toContain('tasks[1]');
      expect(e.message).toContain('null');
    }
    expect(errors.map((e) => e.resource)).toContain(STOREFRONT);
    expect(resourcesOf(topology, 'task')).toHaveLength(world.ecs.tasks.length);
    expect(resourcesOf(topology, 'service')).toHaveLength(10);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });

  it('a task without its taskArn is left out with an error saying so; the others are drawn', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world, faults: [{ action: 'ecs:DescribeTasks', kind: 'drop-field', at: 'tasks', field: 'taskArn' }] });
    const errors = topology.errors.filter((e) => e.api === 'ecs:DescribeTasks');
    expect(errors).toHaveLength(3);
    expect(errors[0]?.message).toMatch(/tasks\[0\]\.taskArn/);
    expect(resourcesOf(topology, 'task')).toHaveLength(world.ecs.tasks.length - 3);
  });

  const OTHERS: { fault: Fault; kind: 'subnet' | 'targetGroup' | 'service' | 'eksCluster'; lost: number }[] = [
    { fault: { action: 'ec2:DescribeSubnets', kind: 'null-item', at: 'subnetSet' }, kind: 'subnet', lost: 0 },
    { fault: { action: 'ec2:DescribeSubnets', kind: 'drop-field', at: 'subnetSet', field: 'subnetId' }, kind: 'subnet', lost: 1 },
    {
      fault: { action: 'elasticloadbalancing:DescribeTargetGroups', kind: 'drop-field', at: 'TargetGroups', field: 'TargetGroupArn' },
      kind: 'targetGroup',
      lost: 1,
    },
    { fault: { action: 'ecs:DescribeServices', kind: 'null-item', at: 'services' }, kind: 'service', lost: 0 },
    { fault: { action: 'eks:DescribeCluster', kind: 'drop-field', at: 'cluster', field: 'name' }, kind: 'eksCluster', lost: 1 },
  ];
  it.each(OTHERS)('$fault.kind in $fault.action: one error per answer, the item left out', async ({ fault, kind, lost }) => {
    const calm = await readThroughFake({ world: demoWorld() });
    const { topology } = await readThroughFake({ world: demoWorld(), faults: [fault] });
    const errors = topology.errors.filter((e) => e.api === fault.action);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.code).toBe('MalformedResponse');
    const want = resourcesOf(calm.topology, kind).length;
    if (lost === 0) expect(resourcesOf(topology, kind)).toHaveLength(want);
    else expect(resourcesOf(topology, kind).length).toBeLessThan(want);
    expect(resourcesOf(topology, 'task').length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });
});
