import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { generateWorld } from '../../fake-aws/generate';
import { readThroughFake } from '../../fake-aws/readWorld';
import { resourcesOf, type Topology } from '../../../src/topology/model';

const counts = (t: Topology) => {
  const out: Record<string, number> = {};
  for (const r of Object.values(t.resources)) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
};

describe('live AWS source against the fake AWS (real SDK v3 clients, loopback HTTP)', () => {
  it('reads the whole demo estate across several pages of every list, within every batch limit', async () => {
    const world = demoWorld();
    const { topology, fake } = await readThroughFake({ world, pageCap: 2 });
    expect(topology.errors).toEqual([]);
    expect(counts(topology)).toMatchObject({
      cluster: 3,
      service: 10,
      task: world.ecs.tasks.length,
      containerInstance: 3,
      // ECS's two, and the ALB the Load Balancer Controller made for the orders Ingress with its two target groups
      loadBalancer: 3,
      targetGroup: 6,
      subnet: 6,
      vpc: 1,
      pod: Object.values(world.kube ?? {}).reduce((n, k) => n + k.pods.length, 0),
    });
    const pages = (action: string) => fake.calls.filter((c) => c.action === action).length;
    expect(pages('ecs:ListClusters')).toBe(2);
    expect(pages('ecs:ListServices')).toBeGreaterThan(3);
    expect(pages('ecs:ListTasks')).toBeGreaterThan(6);
    expect(pages('ec2:DescribeRouteTables')).toBe(1);
    for (const call of fake.calls) expect(call.status, `${call.action} ${call.params}`).toBe(200);
    for (const call of fake.calls.filter((c) => c.action === 'ecs:DescribeServices')) {
      expect((JSON.parse(call.params) as { services: string[] }).services.length).toBeLessThanOrEqual(10);
    }
    // Each task definition revision is fetched once.
    const tds = fake.calls.filter((c) => c.action === 'ecs:DescribeTaskDefinition').map((c) => c.params);
    expect(new Set(tds).size).toBe(tds.length);
  });

  it('never describes EC2 resources it does not reference', async () => {
    const { fake } = await readThroughFake({ world: demoWorld() });
    for (const call of fake.calls.filter((c) => c.service === 'ec2')) {
      const p = new URLSearchParams(call.params);
      const scoped = [...p.keys()].some((k) => /^(SubnetId|VpcId|InstanceId)\.\d+$/.test(k) || k === 'Filter.1.Name');
      expect(scoped, call.params).toBe(true);
    }
  });

  it('uses the batch maximum: DescribeTasks carries up to 100 tasks', async () => {
    const world = generateWorld({ clusters: 2, services: 30, tasks: 450, loadBalancers: 2, azs: 3, seed: 3 });
    const { topology, fake } = await readThroughFake({ world });
    expect(resourcesOf(topology, 'task')).toHaveLength(450);
    const sizes = fake.calls.filter((c) => c.action === 'ecs:DescribeTasks').map((c) => (JSON.parse(c.params) as { tasks: string[] }).tasks.length);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.length).toBeLessThanOrEqual(6);
  });

  it('survives a throttling storm with nothing missing', async () => {
    const world = demoWorld();
    const calm = await readThroughFake({ world: demoWorld() });
    const storm = await readThroughFake({ world, throttle: { scale: 0.5 }, throttleChance: 0.1 }, { maxAttempts: 12 });
    expect(storm.fake.calls.some((c) => c.code === 'ThrottlingException')).toBe(true);
    expect(storm.fake.calls.some((c) => c.attempt > 1)).toBe(true);
    expect(storm.topology.errors).toEqual([]);
    expect(storm.topology.stats.retries).toBeGreaterThan(0);
    expect(Object.keys(storm.topology.resources).sort()).toEqual(Object.keys(calm.topology.resources).sort());
  });

  it('draws everything else and names the missing permission once when DescribeTargetHealth is denied', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['elasticloadbalancing:DescribeTargetHealth'] });
    expect(counts(topology)).toMatchObject({ service: 10, loadBalancer: 3, targetGroup: 6 });
    expect(topology.errors).toHaveLength(1);
    const [error] = topology.errors;
    expect(error?.api).toBe('elasticloadbalancing:DescribeTargetHealth');
    expect(error?.code).toBe('AccessDenied');
    expect(error?.hint).toContain('Grant elasticloadbalancing:DescribeTargetHealth');
    expect(resourcesOf(topology, 'targetGroup').every((tg) => tg.targets === undefined)).toBe(true);
  });

  it('reports an unreachable endpoint per API instead of failing the read', async () => {
    const { createAwsSource } = await import('./source');
    const topology = await createAwsSource({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
      kind: 'aws',
      label: 'x',
    }).read();
    expect(topology.errors[0]?.api).toBe('ecs:ListClusters');
    expect(topology.errors[0]?.hint).toContain('Could not reach');
  });
});
