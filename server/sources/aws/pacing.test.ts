import { afterEach, describe, expect, it } from 'vitest';
import { generateWorld } from '../../fake-aws/generate';
import { startFakeAws, type FakeAws } from '../../fake-aws/server';
import { createAwsSource } from './source';

/**
 * AWS's token buckets are per account and Region, whoever calls: two reads at once (two browsers refreshing, or
 * two sources for one account) must pace against one bucket, not each against its own.
 */
let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('pacing is per account and Region for the whole process', () => {
  it('two concurrent reads share the buckets: no call is throttled, nothing is lost', async () => {
    // 36 task definitions: one read fits in the DescribeTaskDefinition burst (50), two reads at once do not.
    const world = generateWorld({ clusters: 2, services: 35, tasks: 70, loadBalancers: 1, azs: 2, seed: 5 });
    expect(world.ecs.taskDefinitions.length).toBe(36);
    fake = await startFakeAws({ world, throttle: {} });
    const make = () =>
      createAwsSource({
        region: world.region,
        endpoint: fake?.url ?? '',
        credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' },
        // One attempt: a throttled call would show as an error instead of being absorbed by a retry.
        maxAttempts: 1,
        kind: 'aws',
        label: 'test',
      });
    const source = make();
    const [a, b, c] = await Promise.all([source.read(), source.read(), make().read()]);
    const throttled = fake.calls.filter((call) => call.code === 'ThrottlingException');
    expect(throttled).toEqual([]);
    for (const t of [a, b, c]) expect(t.errors).toEqual([]);
    expect(fake.calls.filter((call) => call.action === 'ecs:DescribeTaskDefinition')).toHaveLength(3 * 36);
  });
});
