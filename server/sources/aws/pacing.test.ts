import { afterEach, describe, expect, it } from 'vitest';
import { generateWorld } from '../../fake-aws/generate';
import { sourceOnFake } from '../../fake-aws/readWorld';
import { startFakeAws, type FakeAws } from '../../fake-aws/server';
import { laneFor, setAccountShare } from './pacing';

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
    const f = await startFakeAws({ world, throttle: {} });
    fake = f;
    // One attempt: a throttled call would show as an error instead of being absorbed by a retry.
    const make = () => sourceOnFake(f, { kind: 'aws', maxAttempts: 1 });
    const source = make();
    const [a, b, c] = await Promise.all([source.read(), source.read(), make().read()]);
    const throttled = fake.calls.filter((call) => call.code === 'ThrottlingException');
    expect(throttled).toEqual([]);
    for (const t of [a, b, c]) expect(t.errors).toEqual([]);
    expect(fake.calls.filter((call) => call.action === 'ecs:DescribeTaskDefinition')).toHaveLength(3 * 36);
  });
});

describe('an API budget', () => {
  /** How long the last of `n` calls made at once waits for its token. */
  const lastWait = (scope: string, n: number) => {
    const { bucket } = laneFor(scope, 'ecs', 'DescribeTasks');
    const now = Date.now();
    let wait = 0;
    for (let i = 0; i < n; i++) wait = bucket.reserve(now);
    return wait;
  };

  it('paces an account with a budget at that share of the bucket: 100 DescribeTasks wait 4x longer at 25 %', () => {
    setAccountShare('budgeted-account', 0.25);
    // ecs:cluster-resource-read is 100 burst, 20/s: the whole bucket serves 100 calls at once within half a second;
    // a quarter of it (a burst of 23, 4.85/s) makes the last wait (100 - 23) / 4.85 s.
    expect(lastWait('whole-account|us-east-1', 100)).toBeLessThan(1_000);
    expect(lastWait('budgeted-account|us-east-1', 100)).toBeGreaterThan(15_000);
    expect(() => setAccountShare('x', 0)).toThrow(/above 0/);
    expect(() => setAccountShare('x', 1.5)).toThrow(/at most 1/);
  });
});
