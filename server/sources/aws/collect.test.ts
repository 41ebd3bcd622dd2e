import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { generateWorld } from '../../fake-aws/generate';
import { readThroughFake } from '../../fake-aws/readWorld';
import { resourcesOf, type Topology } from '../../../src/topology/model';
import { buildGraph } from '../../../src/topology/graph/buildGraph';
import { targetStatesByTask } from '../../../src/topology/graph/health';
import type { GraphNode } from '../../../src/topology/graph/types';

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
    // ECS and EKS are read side by side: each names its own unreachable endpoint, in whichever order they failed.
    const ecsError = topology.errors.find((e) => e.api === 'ecs:ListClusters');
    expect(ecsError?.hint).toContain('Could not reach');
  });
});

/** Every ECS task a graph draws, one by one or inside a folded group. */
const drawnTasks = (nodes: GraphNode[]) => nodes.flatMap((n) => (n.kind === 'task' ? [n.id] : n.kind === 'taskGroup' ? n.taskIds : [])).sort();

describe('placement, counts and joins from what was read (through the fake AWS)', () => {
  it('places every task in its AZ when DescribeTasks leaves availabilityZone out', async () => {
    const world = demoWorld();
    for (const t of world.ecs.tasks) delete t['availabilityZone'];
    const { topology } = await readThroughFake({ world });
    const tasks = resourcesOf(topology, 'task');
    const subnets = new Map(resourcesOf(topology, 'subnet').map((s) => [s.id, s]));
    expect(tasks.length).toBe(world.ecs.tasks.length);
    // Fargate tasks by their ENI's subnet, EC2 tasks by their container instance: each in its subnet's AZ.
    for (const t of tasks) expect(t.az, t.id).toBe(subnets.get(t.subnetId ?? '')?.az);
    expect(tasks.filter((t) => t.containerInstanceArn).length).toBeGreaterThan(0);
    const { nodes } = buildGraph(topology, { view: 'service', expanded: new Set() });
    const chips = (name: string) => {
      const n = nodes.find((x) => x.kind === 'service' && x.label === name);
      return n?.kind === 'service' ? Object.keys(n.azCounts).sort() : [];
    };
    expect(chips('web')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(chips('cart')).toEqual(['us-east-1a', 'us-east-1b']);
    expect(chips('ledger')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('draws every ECS task in the service view when ecs:DescribeClusters is denied', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['ecs:DescribeClusters'] });
    expect(topology.errors.map((e) => e.api)).toEqual(['ecs:DescribeClusters']);
    expect(resourcesOf(topology, 'cluster')).toHaveLength(0);
    const tasks = resourcesOf(topology, 'task');
    expect(tasks.length).toBeGreaterThan(30);
    const { nodes } = buildGraph(topology, { view: 'service', expanded: new Set() });
    expect(drawnTasks(nodes)).toEqual(tasks.map((t) => t.id).sort());
    expect(nodes.filter((n) => n.kind === 'cluster' && n.engine === 'ecs').map((n) => n.label)).toEqual(['batch-spot', 'platform-ec2', 'storefront']);
  });

  it('one unhealthy instance target turns exactly its own task and service red', async () => {
    const world = demoWorld();
    const ledgerTg = world.elbv2.targetGroups.find((tg) => tg['TargetGroupName'] === 'ledger-tg');
    const targets = world.elbv2.targetHealth[String(ledgerTg?.['TargetGroupArn'])] ?? [];
    const failing = targets[1];
    if (!failing) throw new Error('ledger-tg has too few targets');
    failing['TargetHealth'] = { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' };
    const target = failing['Target'] as { Id: string; Port: number };
    // The task that registered it, as the world holds it: a ledger task on that instance, bound to that host port.
    const instanceOf = new Map(world.ecs.containerInstances.map((c) => [c.body['containerInstanceArn'], c.body['ec2InstanceId']]));
    const owners = world.ecs.tasks.filter(
      (t) =>
        instanceOf.get(t['containerInstanceArn'] ?? '') === target.Id &&
        JSON.stringify(t['containers']).includes(`"hostPort":${target.Port}`) &&
        t['lastStatus'] !== 'STOPPED',
    );
    expect(owners.map((t) => t['group'])).toEqual(['service:ledger']);

    const { topology } = await readThroughFake({ world });
    const { nodes } = buildGraph(topology, { view: 'service', expanded: new Set() });
    const red = nodes.filter((n) => n.kind === 'task' && n.reason === 'Target.FailedHealthChecks').map((n) => n.id);
    expect(red).toEqual([owners[0]?.['taskArn']]);
    const unhealthy = (name: string) => nodes.find((n) => n.kind === 'service' && n.label === name);
    expect(unhealthy('ledger')).toMatchObject({ unhealthy: 1 });
    expect(unhealthy('pricing')).toMatchObject({ unhealthy: 0 });
    expect(unhealthy('metrics-agent')).toMatchObject({ unhealthy: 0 });
    // Every ledger task is registered in ledger-tg: none says it is in no target group.
    const states = targetStatesByTask(topology);
    for (const t of resourcesOf(topology, 'task').filter((x) => x.group === 'service:ledger')) expect(states.get(t.id)?.length, t.id).toBe(1);
  });
});
