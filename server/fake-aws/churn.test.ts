import { afterEach, describe, expect, it } from 'vitest';
import { resourcesOf } from '../../src/topology/model';
import { WORLD_EPOCH } from './builder';
import { churnStep, parseInterval, startChurn, type ChangeName } from './churn';
import { STOPPED_TASK_KEPT_S } from './churn-ecs';
import { deploymentsOf, isStopped, liveTasks, object, targetOf, taskIp } from './churn-world';
import { crashLoopPod } from './churn-kube';
import { demoWorld } from './demo';
import { kubeFeed, type KubeEvent } from './kubeEvents';
import { sourceOnFake } from './readWorld';
import { startFakeAws, type FakeAws } from './server';
import { str, type World } from './world';

/** What AWS keeps true however the estate changes; a churned world that breaks one is not a world AWS would answer. */
function inconsistencies(w: World, now: number): string[] {
  const out: string[] = [];
  const live = w.ecs.tasks.filter((t) => !isStopped(t));
  const ips = live.map(taskIp).filter(Boolean);
  if (new Set(ips).size !== ips.length) out.push('two live tasks share an address');
  for (const t of w.ecs.tasks.filter(isStopped))
    if (Number(t['stoppedAt']) <= Math.floor(now / 1000) - STOPPED_TASK_KEPT_S) out.push(`${str(t, 'taskArn')} stopped over an hour ago`);
  for (const s of w.ecs.services) {
    const tasks = liveTasks(w, s);
    const name = str(s, 'serviceName');
    if (tasks.length !== Number(s['desiredCount'])) out.push(`${name}: ${tasks.length} live tasks, desired ${String(s['desiredCount'])}`);
    if (Number(s['runningCount']) + Number(s['pendingCount']) !== tasks.length) out.push(`${name}: counts do not add up`);
    const ids = new Set(deploymentsOf(s).map((d) => str(d, 'id')));
    for (const t of tasks) if (!ids.has(str(t, 'startedBy'))) out.push(`${name}: a task of no deployment`);
    for (const t of tasks) {
      const target = targetOf(w, s, t);
      const registered =
        target &&
        (w.elbv2.targetHealth[target.tgArn] ?? []).some(
          (x) => str(object(x['Target']), 'Id') === target.id && Number(object(x['Target'])['Port']) === target.port,
        );
      if (target && str(t, 'lastStatus') === 'RUNNING' && !registered) out.push(`${name}: running task ${taskIp(t)} not registered`);
    }
  }
  return out;
}

describe('churnStep: one tick of an estate changing', () => {
  it('is pure and deterministic for a seed', () => {
    const base = demoWorld(WORLD_EPOCH);
    const frozen = JSON.stringify(base);
    const a = churnStep(base, { seed: 5, now: WORLD_EPOCH + 20_000 });
    expect(JSON.stringify(base)).toBe(frozen);
    const b = churnStep(base, { seed: 5, now: WORLD_EPOCH + 20_000 });
    expect(b.changes).toEqual(a.changes);
    expect(JSON.stringify(b.world)).toBe(JSON.stringify(a.world));
    expect(a.changes.length).toBeGreaterThanOrEqual(1);
    expect(a.changes.length).toBeLessThanOrEqual(2);
  });

  it('keeps the world as consistent as AWS keeps it over two hours of ticks, making every kind of change', () => {
    let w = demoWorld(WORLD_EPOCH);
    const kinds = new Set<ChangeName>();
    for (let tick = 1; tick <= 360; tick++) {
      const now = WORLD_EPOCH + tick * 20_000;
      const step = churnStep(w, { seed: 1 + tick * 7919, now });
      w = step.world;
      for (const c of step.changes) kinds.add(c);
      expect(inconsistencies(w, now), `tick ${tick}: ${step.changes.join(', ')}`).toEqual([]);
    }
    expect([...kinds].sort()).toEqual(['pod-crash-loop', 'rollout', 'scale', 'target-flap', 'task-failure']);
    // Stopped tasks come and go: some are describable, none older than an hour.
    expect(w.ecs.tasks.filter(isStopped).length).toBeGreaterThan(0);
  });
});

describe('a churning fake AWS', () => {
  let fake: FakeAws | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('answers reads from the world as it now is', async () => {
    fake = await startFakeAws({ world: demoWorld() });
    const f = fake;
    const read = () => sourceOnFake(f, { pace: false }).read();
    const before = new Set(resourcesOf(await read(), 'task').map((t) => t.id));
    const seen: ChangeName[][] = [];
    const churn = startChurn(f, { intervalMs: 30, seed: 3, onChange: (c) => seen.push(c) });
    await new Promise((r) => setTimeout(r, 400));
    churn.stop();
    expect(seen.length).toBeGreaterThan(3);
    const after = resourcesOf(await read(), 'task');
    expect(after.map((t) => t.id).filter((id) => !before.has(id)).length).toBeGreaterThan(0);
    expect(after.some((t) => t.lastStatus === 'STOPPED' && t.stoppedReason)).toBe(true);
  });

  it('streams a churned pod to the Kubernetes API as a watch event', async () => {
    fake = await startFakeAws({ world: demoWorld() });
    const served = fake.world.kube?.['orders-eks'];
    if (!served) throw new Error('the demo has an EKS cluster');
    const events: KubeEvent[] = [];
    kubeFeed(served).subscribe((e) => events.push(e));
    fake.setWorld(crashLoopPod(fake.world, { seed: 2, now: Date.now() }));
    expect(events.map((e) => [e.resource, e.type])).toEqual([['pods', 'MODIFIED']]);
    expect(fake.world.kube?.['orders-eks']).toBe(served);
    const pod = served.pods.find((p) => str(object(p['metadata']), 'name') === str(object(events[0]?.object['metadata']), 'name'));
    expect(str(object(pod?.['metadata']), 'resourceVersion')).toBe(String(events[0]?.resourceVersion));
  });
});

describe('parseInterval', () => {
  it.each([
    ['20s', 20_000],
    ['1m', 60_000],
    ['500ms', 500],
    ['15', 15_000],
    ['off', 'off'],
  ])('reads %s', (text, want) => expect(parseInterval(text)).toEqual(want));
  it.each(['fast', '-3s', '10ms', '2h'])('refuses %s', (text) => expect(parseInterval(text)).toMatchObject({ error: expect.stringContaining(text) }));
});
