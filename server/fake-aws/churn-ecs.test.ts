import { describe, expect, it } from 'vitest';
import { WORLD_EPOCH } from './builder';
import { advanceRollouts, failTask, flapTarget, scaleService, settle, startRollout, STOPPED_TASK_KEPT_S } from './churn-ecs';
import { isStopped, liveTasks, object, objects, primaryOf, taskIp, taskSubnet, type WorldChange } from './churn-world';
import { demoWorld } from './demo';
import { ecsOperation } from './ecs-json';
import { str, type JsonObject, type World } from './world';

const base = demoWorld(WORLD_EPOCH);
const at = (minutes: number) => ({ seed: 11, now: WORLD_EPOCH + minutes * 60_000 });
const arns = (w: World) => new Set(w.ecs.tasks.map((t) => str(t, 'taskArn')));
const byArn = (w: World, arn: string) => w.ecs.tasks.find((t) => str(t, 'taskArn') === arn) ?? {};
const added = (before: World, after: World) => after.ecs.tasks.filter((t) => !arns(before).has(str(t, 'taskArn')));
const newlyStopped = (before: World, after: World) => after.ecs.tasks.filter((t) => isStopped(t) && !isStopped(byArn(before, str(t, 'taskArn'))));
const health = (w: World) =>
  Object.values(w.elbv2.targetHealth)
    .flat()
    .map((t) => object(t['TargetHealth']));
const serviceOf = (w: World, task: JsonObject) => w.ecs.services.find((s) => `service:${str(s, 'serviceName')}` === str(task, 'group'));

describe('churn changes are pure', () => {
  const changes: [string, WorldChange][] = [
    ['settle', settle],
    ['startRollout', startRollout],
    ['advanceRollouts', advanceRollouts],
    ['failTask', failTask],
    ['scaleService', scaleService],
    ['flapTarget', flapTarget],
  ];
  it.each(changes)('%s leaves its input alone and gives the same world for the same seed and time', (_name, change) => {
    const frozen = JSON.stringify(base);
    const a = change(base, at(1));
    expect(JSON.stringify(base)).toBe(frozen);
    expect(JSON.stringify(change(base, at(1)))).toBe(JSON.stringify(a));
  });
});

describe('a service rolls out a new task-definition revision across its AZs', () => {
  it('starts a PRIMARY deployment IN_PROGRESS of the next revision, with a bumped image', () => {
    const w = startRollout(base, at(1));
    const rolling = w.ecs.services.filter(
      (s) => str(primaryOf(s) ?? {}, 'rolloutState') === 'IN_PROGRESS' && Number(primaryOf(s)?.['createdAt']) === Math.floor(at(1).now / 1000),
    );
    expect(rolling).toHaveLength(1);
    const [s] = rolling;
    const [primary, old] = objects(s?.['deployments']);
    expect(old).toMatchObject({ status: 'ACTIVE', desiredCount: 0 });
    expect(primary).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 0 });
    expect(str(primary ?? {}, 'rolloutStateReason')).toBe(`ECS deployment ${str(primary ?? {}, 'id')} in progress.`);
    const td = w.ecs.taskDefinitions.find((t) => str(t, 'taskDefinitionArn') === str(primary ?? {}, 'taskDefinition'));
    const previous = base.ecs.taskDefinitions.find((t) => str(t, 'taskDefinitionArn') === str(old ?? {}, 'taskDefinition'));
    expect(Number(td?.['revision'])).toBe(Number(previous?.['revision']) + 1);
    expect(s?.['taskDefinition']).toBe(str(td ?? {}, 'taskDefinitionArn'));
    expect(str(objects(td?.['containerDefinitions'])[0] ?? {}, 'image')).not.toBe(str(objects(previous?.['containerDefinitions'])[0] ?? {}, 'image'));
  });

  it('replaces one AZ a step, the scheduler stopping the old tasks, then completes', () => {
    let w = startRollout(base, at(1));
    const service = w.ecs.services.find((s) => Number(primaryOf(s)?.['createdAt']) === Math.floor(at(1).now / 1000));
    if (!service) throw new Error('no rollout started');
    const name = str(service, 'serviceName');
    const desired = Number(service['desiredCount']);
    const primaryId = str(primaryOf(service) ?? {}, 'id');
    const azs = new Set(liveTasks(w, service).map((t) => str(t, 'availabilityZone')));
    for (let minute = 2; minute < 2 + azs.size; minute++) {
      const before = w;
      w = advanceRollouts(w, at(minute));
      const mine = (t: JsonObject) => t['group'] === `service:${name}`;
      const started = added(before, w).filter(mine);
      const stopped = newlyStopped(before, w).filter(mine);
      expect(started.length).toBeGreaterThan(0);
      expect(new Set(started.map((t) => str(t, 'availabilityZone'))).size).toBe(1);
      expect(started.map((t) => str(t, 'availabilityZone'))).toEqual(stopped.map((t) => str(t, 'availabilityZone')));
      for (const t of started) expect(t).toMatchObject({ startedBy: primaryId, lastStatus: 'RUNNING', taskDefinitionArn: service['taskDefinition'] });
      for (const t of stopped) {
        expect(t).toMatchObject({
          stopCode: 'ServiceSchedulerInitiated',
          stoppedReason: `Scaling activity initiated by (deployment ${primaryId})`,
          desiredStatus: 'STOPPED',
        });
        expect(objects(t['attachments']).map((a) => a['status'])).not.toContain('ATTACHED');
      }
    }
    w = advanceRollouts(w, at(10));
    const done = w.ecs.services.find((s) => str(s, 'serviceName') === name) ?? {};
    expect(objects(done['deployments'])).toEqual([
      expect.objectContaining({ id: primaryId, status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: desired }),
    ]);
    expect(liveTasks(w, done).every((t) => t['startedBy'] === primaryId)).toBe(true);
    expect(objects(done['events'])[1]?.['message']).toBe(`(service ${name}) (deployment ${primaryId}) deployment completed.`);
    expect(done['runningCount']).toBe(desired);
  });

  it('finishes the demo api deployment that was already under way', () => {
    let w = base;
    for (let minute = 1; minute <= 5; minute++) w = advanceRollouts(settle(w, at(minute)), at(minute));
    const api = w.ecs.services.find((s) => s['serviceName'] === 'api') ?? {};
    expect(objects(api['deployments']).map((d) => [d['status'], d['rolloutState']])).toEqual([['PRIMARY', 'COMPLETED']]);
  });
});

describe('tasks stop with real stop codes and reasons, and are replaced', () => {
  it('stops one task and starts its replacement in the same subnet, at a free address', () => {
    const w = failTask(base, at(1));
    const [stopped, ...more] = newlyStopped(base, w);
    const [started, ...others] = added(base, w);
    expect(more).toEqual([]);
    expect(others).toEqual([]);
    if (!stopped || !started) throw new Error('nothing changed');
    expect(started['group']).toBe(stopped['group']);
    expect(taskSubnet(started)).toBe(taskSubnet(stopped));
    expect(str(started, 'containerInstanceArn')).toBe(str(stopped, 'containerInstanceArn'));
    const ips = w.ecs.tasks
      .filter((t) => !isStopped(t))
      .map(taskIp)
      .filter(Boolean);
    expect(new Set(ips).size).toBe(ips.length);
    const service = serviceOf(w, started) ?? {};
    expect(service['runningCount']).toBe(serviceOf(base, started)?.['runningCount']);
    expect(str(objects(service['events'])[0] ?? {}, 'message')).toMatch(/^\(service [\w-]+\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/);
  });

  it('uses the stop codes, reasons and exit codes ECS gives', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const w = failTask(base, { seed, now: at(1).now });
      for (const t of newlyStopped(base, w)) {
        const container = objects(t['containers'])[0] ?? {};
        seen.add(`${str(t, 'stopCode')} | ${str(t, 'stoppedReason').replace(/arn:\S+\)/, 'ARN)')} | ${String(container['exitCode'])}`);
      }
    }
    expect([...seen].sort()).toEqual([
      'EssentialContainerExited | Essential container in task exited | 1',
      'EssentialContainerExited | Essential container in task exited | 137',
      'ServiceSchedulerInitiated | Task failed ELB health checks in (target-group ARN) | 143',
    ]);
  });

  it('keeps a stopped task describable, its target draining, then deregistered, and forgets it after an hour', () => {
    const w = failTask(base, at(1));
    const [stopped] = newlyStopped(base, w);
    if (!stopped) throw new Error('nothing stopped');
    const describe = (world: World) =>
      ecsOperation(world, 'DescribeTasks', JSON.stringify({ cluster: stopped['clusterArn'], tasks: [stopped['taskArn']] }), 100)['tasks'] as JsonObject[];
    expect(describe(w)[0]).toMatchObject({ lastStatus: 'STOPPED' });
    const draining = health(w).filter((h) => h['State'] === 'draining');
    expect(draining.every((h) => h['Reason'] === 'Target.DeregistrationInProgress')).toBe(true);
    const later = settle(w, at(2));
    expect(describe(later)[0]).toMatchObject({ lastStatus: 'STOPPED' });
    expect(health(later).map((h) => h['State'])).not.toContain('draining');
    expect(health(later).map((h) => h['State'])).not.toContain('initial');
    expect(describe(settle(w, { seed: 1, now: at(1).now + (STOPPED_TASK_KEPT_S + 1) * 1000 }))).toEqual([]);
  });
});

describe('a target flaps between healthy and unhealthy', () => {
  it('fails with ResponseCodeMismatch or Timeout as ELB words them, and recovers', () => {
    const reasons = new Set<string>();
    let recovered = false;
    for (let seed = 1; seed <= 30; seed++) {
      const w = flapTarget(base, { seed, now: at(1).now });
      const changed = health(w).filter((h, i) => JSON.stringify(h) !== JSON.stringify(health(base)[i]));
      expect(changed).toHaveLength(1);
      const [h] = changed;
      if (h?.['State'] === 'healthy') recovered = true;
      else reasons.add(`${str(h ?? {}, 'Reason')}: ${str(h ?? {}, 'Description')}`);
    }
    expect(recovered).toBe(true);
    expect([...reasons].sort()).toEqual([
      'Target.ResponseCodeMismatch: Health checks failed with these codes: [502]',
      'Target.ResponseCodeMismatch: Health checks failed with these codes: [503]',
      'Target.Timeout: Request timed out',
    ]);
  });
});

describe('a service scales', () => {
  it('scales out by one task in its least used subnet, or in by one the scheduler stops', () => {
    const outs: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const w = scaleService(base, { seed, now: at(1).now });
      const [started] = added(base, w);
      const [stopped] = newlyStopped(base, w);
      const task = started ?? stopped;
      if (!task) throw new Error('nothing scaled');
      const before = serviceOf(base, task) ?? {};
      const after = serviceOf(w, task) ?? {};
      const delta = started ? 1 : -1;
      expect(after['desiredCount']).toBe(Number(before['desiredCount']) + delta);
      const live = (s: JsonObject) => Number(s['runningCount']) + Number(s['pendingCount']);
      expect(live(after)).toBe(live(before) + delta);
      if (stopped) expect(stopped['stopCode']).toBe('ServiceSchedulerInitiated');
      if (started) outs.push(Number(before['desiredCount']));
    }
    expect(outs).toContain(3);
  });
});
