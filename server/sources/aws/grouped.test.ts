import { DescribeServicesCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ReadError } from '../../../src/topology/model';
import { demoWorld } from '../../fake-aws/demo';
import { generateWorld } from '../../fake-aws/generate';
import { readThroughFake } from '../../fake-aws/readWorld';
import { startFakeAws } from '../../fake-aws/server';
import { createReadContext } from './context';

/**
 * A failure whose cause is the endpoint (a proxy's page, an empty answer, no answer, no route, throttling past the
 * retries) fails every call of an API alike: one error says so and names every resource, as a denial does.
 */
const CLUSTERS = ['storefront', 'platform-ec2', 'batch-spot'].map((n) => `arn:aws:ecs:us-east-1:123456789012:cluster/${n}`);
/** One attempt, so "past the retries" is the first refusal. */
const ecsClient = (endpoint: string) =>
  new ECSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' }, maxAttempts: 1 });
const keysOf = (errors: readonly ReadError[]) => errors.map((e) => `${e.api} ${e.code}`);
const noRepeats = (errors: readonly ReadError[]) => expect(new Set(keysOf(errors)).size).toBe(errors.length);

describe('an endpoint failure is one error per API and code, naming every resource', () => {
  it('an HTML page for DescribeTargetGroups, asked in two batches of 20, is one error naming all 30 target groups', async () => {
    const world = generateWorld({ clusters: 2, services: 30, tasks: 60, loadBalancers: 3, azs: 2, seed: 5 });
    const { topology, fake } = await readThroughFake({ world, faults: [{ action: 'elasticloadbalancing:DescribeTargetGroups', kind: 'html' }] });
    expect(fake.calls.filter((c) => c.operation === 'DescribeTargetGroups').length).toBeGreaterThan(1);
    expect(topology.errors).toHaveLength(1);
    expect(topology.errors[0]).toMatchObject({ api: 'elasticloadbalancing:DescribeTargetGroups', code: 'UnexpectedResponse' });
    expect(topology.errors[0]?.resource).toMatch(/^30 target groups: /);
  });

  it('an empty answer to DescribeServices in three clusters is one error: "3 clusters: …"', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), faults: [{ action: 'ecs:DescribeServices', kind: 'empty' }] });
    expect(topology.errors).toMatchObject([
      { api: 'ecs:DescribeServices', code: 'UnexpectedResponse', resource: '3 clusters: batch-spot, platform-ec2, storefront' },
    ]);
  });

  it('a black-holed DescribeTargetHealth is one ReadTimeout naming the six target groups', async () => {
    const { topology } = await readThroughFake(
      { world: demoWorld(), faults: [{ action: 'elasticloadbalancing:DescribeTargetHealth', kind: 'black-hole' }] },
      { readTimeoutMs: 1500 },
    );
    const timeouts = topology.errors.filter((e) => e.code === 'ReadTimeout');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]?.api).toBe('elasticloadbalancing:DescribeTargetHealth');
    expect(timeouts[0]?.resource).toMatch(/^6 target groups: [\w-]+(, [\w-]+){5}$/);
    noRepeats(topology.errors);
  });

  it('throttling past the retries: ListTasks in three clusters at once against a bucket of one is one error', async () => {
    const fake = await startFakeAws({ world: demoWorld(), throttle: { scale: 0.001 } });
    try {
      const ctx = createReadContext('us-east-1', { pace: false, account: 'grouped-throttled' });
      const client = ecsClient(fake.url);
      await Promise.all(CLUSTERS.map((cluster) => ctx.call('ecs', 'ListTasks', cluster, () => client.send(new ListTasksCommand({ cluster })))));
      ctx.deadline.dispose();
      expect(fake.calls.filter((c) => c.code === 'ThrottlingException')).toHaveLength(2);
      expect(ctx.errors).toHaveLength(1);
      expect(ctx.errors[0]).toMatchObject({ api: 'ecs:ListTasks', code: 'ThrottlingException' });
      expect(ctx.errors[0]?.resource).toMatch(/^2 clusters: [\w-]+, [\w-]+$/);
    } finally {
      await fake.close();
    }
  });

  it('an unreachable endpoint is one error for every cluster a call was for', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = ecsClient(`http://127.0.0.1:${port}`);
    const ctx = createReadContext('us-east-1', { pace: false, account: 'grouped-unreachable' });
    const outs = await Promise.all(
      CLUSTERS.map((cluster) => ctx.call('ecs', 'DescribeServices', cluster, () => client.send(new DescribeServicesCommand({ cluster, services: ['web'] })))),
    );
    ctx.deadline.dispose();
    expect(outs).toEqual([undefined, undefined, undefined]);
    expect(ctx.errors).toMatchObject([{ api: 'ecs:DescribeServices', code: 'ECONNREFUSED', resource: '3 clusters: batch-spot, platform-ec2, storefront' }]);
    expect(ctx.errors[0]?.hint).toContain('Could not reach');
  });
});
