import { afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { startBlackHole } from '../../fake-aws/faults';
import { readThroughFake } from '../../fake-aws/readWorld';
import { startFakeAws, type FakeAws } from '../../fake-aws/server';
import { resourcesOf } from '../../../src/topology/model';
import { createAwsSource } from './source';

/** An endpoint that accepts and never answers must not hang a read: the read has a deadline, each call a timeout. */
const CREDENTIALS = { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fake(options: Parameters<typeof startFakeAws>[0]): Promise<FakeAws> {
  const f = await startFakeAws(options);
  cleanups.push(() => f.close());
  return f;
}

async function blackHole() {
  const hole = await startBlackHole();
  cleanups.push(hole.close);
  return hole;
}

describe('a read never hangs', () => {
  it('ELBv2 black-holed: the read ends at its deadline with one error per unfinished call; ECS, EC2 and EKS are drawn', async () => {
    const aws = await fake({ world: demoWorld() });
    const hole = await blackHole();
    const started = Date.now();
    const topology = await createAwsSource({
      region: 'us-east-1',
      endpoint: aws.url,
      endpoints: { elbv2: hole.url },
      credentials: CREDENTIALS,
      kind: 'aws',
      label: 'test',
      readTimeoutMs: 1500,
    }).read();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
    expect(hole.accepted()).toBeGreaterThan(0);
    expect(topology.errors.length).toBeGreaterThan(0);
    for (const e of topology.errors) {
      expect(e.api).toBe('elasticloadbalancing:DescribeTargetGroups');
      expect(e.code).toBe('ReadTimeout');
      expect(e.message).toContain('did not answer within 1.5 s');
      expect(e.resource).toMatch(/^(arn:aws:elasticloadbalancing:|\d+ target groups: )/);
      expect(e.hint).toContain('--read-timeout');
    }
    expect(resourcesOf(topology, 'service')).toHaveLength(10);
    expect(resourcesOf(topology, 'task')).toHaveLength(39);
    expect(resourcesOf(topology, 'subnet').length).toBeGreaterThan(0);
    expect(resourcesOf(topology, 'eksCluster')).toHaveLength(1);
    expect(resourcesOf(topology, 'loadBalancer')).toHaveLength(0);
  });

  it('a whole endpoint black-holed: the read ends at its deadline, and no call is made after it', async () => {
    const hole = await blackHole();
    const started = Date.now();
    const topology = await createAwsSource({
      region: 'us-east-1',
      endpoint: hole.url,
      credentials: CREDENTIALS,
      kind: 'aws',
      label: 'test',
      readTimeoutMs: 1000,
    }).read();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(topology.errors.map((e) => [e.api, e.code]).sort()).toEqual([
      ['ecs:ListClusters', 'ReadTimeout'],
      ['eks:ListClusters', 'ReadTimeout'],
    ]);
    for (const e of topology.errors) expect(e.message).toContain('did not answer within 1 s');
    // The calls in flight were aborted (their connections closed), and the SDK, which would retry a timed-out call
    // up to 8 times, makes none of them after the deadline.
    const accepted = hole.accepted();
    await new Promise((r) => setTimeout(r, 1500));
    expect(hole.open()).toBe(0);
    expect(hole.accepted()).toBe(accepted);
  });

  it('an answer that stalls after its headers fails on the SDK’s socket timeout, long before the deadline', async () => {
    const started = Date.now();
    const { topology } = await readThroughFake(
      { world: demoWorld(), faults: [{ action: 'ecs:DescribeTasks', kind: 'stall' }] },
      { maxAttempts: 2, requestTimeoutMs: 400, readTimeoutMs: 60_000 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // The endpoint stalls every call alike: one error names the three clusters.
    expect(topology.errors).toMatchObject([{ api: 'ecs:DescribeTasks', code: 'TimeoutError', resource: '3 clusters: batch-spot, platform-ec2, storefront' }]);
    expect(resourcesOf(topology, 'service')).toHaveLength(10);
  });

  it('a black-holed Kubernetes API ends at the deadline too, and names the cluster', async () => {
    const started = Date.now();
    const { topology } = await readThroughFake({ world: demoWorld(), kube: { access: { 'orders-eks': 'black-hole' } } }, { readTimeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(4000);
    const kube = topology.errors.filter((e) => e.api.startsWith('k8s:'));
    expect(kube).toMatchObject([{ api: 'k8s:list nodes', resource: 'EKS cluster orders-eks', code: 'ReadTimeout' }]);
    expect(kube[0]?.message).toContain('did not answer within 1.5 s');
    expect(resourcesOf(topology, 'task')).toHaveLength(39);
  });
});
