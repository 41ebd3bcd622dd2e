import { afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { sourceOnFake } from '../../fake-aws/readWorld';
import { startFakeAws, type FakeAws } from '../../fake-aws/server';
import type { JsonObject } from '../../fake-aws/world';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(rarelyChangingMs?: number) {
  const world = demoWorld();
  fake = await startFakeAws({ world });
  const f = fake;
  const source = sourceOnFake(f, rarelyChangingMs !== undefined ? { rarelyChangingMs } : {});
  /** One read and the calls it cost, by IAM action */
  const cycle = async (incremental = true) => {
    const before = f.calls.length;
    const topology = await source.read({ incremental });
    const calls: Record<string, number> = {};
    for (const c of f.calls.slice(before)) calls[c.action] = (calls[c.action] ?? 0) + 1;
    return { topology, calls, params: f.calls.slice(before) };
  };
  return { world, source, cycle };
}

const RARELY_CHANGING = [
  'ecs:DescribeTaskDefinition',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:DescribeRouteTables',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:DescribeRules',
  'eks:DescribeNodegroup',
  'eks:DescribeFargateProfile',
];
const EVERY_CYCLE = ['ecs:DescribeServices', 'ecs:DescribeTasks', 'elasticloadbalancing:DescribeTargetHealth'];
const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('incremental reads (a watcher cycle)', () => {
  it('after one full read, asks only for services, tasks and target health, and draws the same estate', async () => {
    const { cycle } = await start();
    const full = await cycle();
    for (const action of [...RARELY_CHANGING, ...EVERY_CYCLE]) expect(full.calls[action], action).toBeGreaterThan(0);
    const next = await cycle();
    for (const action of RARELY_CHANGING) expect(next.calls[action] ?? 0, action).toBe(0);
    for (const action of EVERY_CYCLE) expect(next.calls[action], action).toBe(full.calls[action]);
    expect(total(next.calls)).toBeLessThan(total(full.calls) * 0.75);
    expect(next.topology.resources).toEqual(full.topology.resources);
    expect(next.topology.errors).toEqual([]);
    // The topology's own stats count this cycle's calls: what a cycle costs is visible without the fake's log.
    expect(total(next.topology.stats.calls)).toBeLessThan(total(full.topology.stats.calls));
  });

  it('reads a task definition no read has seen as soon as a task names it, and only that one', async () => {
    const { world, cycle } = await start();
    await cycle();
    const td = world.ecs.taskDefinitions[0] as JsonObject;
    const arn = String(td['taskDefinitionArn']).replace(/:(\d+)$/, (_, n: string) => `:${Number(n) + 1}`);
    world.ecs.taskDefinitions.push({ ...td, taskDefinitionArn: arn, revision: Number(td['revision']) + 1 });
    const task = world.ecs.tasks.find((t) => t['taskDefinitionArn'] === td['taskDefinitionArn']) as JsonObject;
    task['taskDefinitionArn'] = arn;
    const next = await cycle();
    const described = next.params
      .filter((c) => c.action === 'ecs:DescribeTaskDefinition')
      .map((c) => (JSON.parse(c.params) as { taskDefinition: string }).taskDefinition);
    expect(described).toEqual([arn]);
    expect(next.topology.resources[arn]?.kind).toBe('taskDefinition');
  });

  it('reads what changes rarely again once it is older than rarelyChangingMs', async () => {
    const { cycle } = await start(300);
    await cycle();
    expect((await cycle()).calls['ec2:DescribeSubnets'] ?? 0).toBe(0);
    await new Promise((r) => setTimeout(r, 350));
    const later = await cycle();
    expect(later.calls['ec2:DescribeSubnets']).toBe(1);
    expect(later.calls['elasticloadbalancing:DescribeLoadBalancers']).toBeGreaterThan(0);
    // Task definitions never change: still not asked again.
    expect(later.calls['ecs:DescribeTaskDefinition'] ?? 0).toBe(0);
  });

  it('a one-shot read (snapshot, export) still reads everything', async () => {
    const { cycle } = await start();
    const full = await cycle(false);
    const again = await cycle(false);
    expect(again.calls).toEqual(full.calls);
  });
});
