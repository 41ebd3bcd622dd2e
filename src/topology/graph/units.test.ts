import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, type Pod, type ResourceOf, type Task } from '../model';
import { countHealth, taskHealth, type TargetState } from './health';
import type { GraphNode } from './types';
import { ecsUnits, groupBy, placeUnits, podHealth, podUnits, SYSTEM_NAMESPACES, type PodUnit, type TaskUnit, type Unit } from './units';
import { containerInstance, service, task, tdArn, topologyOf } from './testTopology';

const demo = demoTopology();
const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef';
const target = (state: string, reason?: string): TargetState => ({ state, targetGroupId: tg, ...(reason ? { reason } : {}) });

describe('the health a task box shows', () => {
  const running = task('storefront', 'web');
  const as = (extra: Partial<Task>): Task => ({ ...running, ...extra });

  it.each<[string, Partial<Task>, TargetState[] | undefined, string, string | undefined]>([
    [
      'stopped, with ECS’s reason',
      { lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'Essential container exited' },
      undefined,
      'stopped',
      'Essential container exited',
    ],
    ['stopping is already stopped', { desiredStatus: 'STOPPED' }, [target('healthy')], 'stopped', undefined],
    [
      'a failing target beats a healthy container check',
      { healthStatus: 'HEALTHY' },
      [target('healthy'), target('unhealthy', 'Target.Timeout')],
      'unhealthy',
      'Target.Timeout',
    ],
    ['a draining target counts as failing', {}, [target('unhealthy.draining')], 'unhealthy', undefined],
    ['a failing container check', { healthStatus: 'UNHEALTHY' }, undefined, 'unhealthy', 'Container health check failing'],
    ['not running yet', { lastStatus: 'PROVISIONING' }, undefined, 'pending', 'Task is PROVISIONING'],
    ['healthy by its container check', { healthStatus: 'HEALTHY' }, undefined, 'healthy', undefined],
    ['healthy by its target', {}, [target('initial'), target('healthy')], 'healthy', undefined],
    ['running with nothing to say', { healthStatus: 'UNKNOWN' }, [target('initial')], 'unknown', undefined],
  ])('%s', (_, extra, targets, health, reason) => {
    expect(taskHealth(as(extra), targets)).toEqual({ health, ...(reason ? { reason } : {}) });
  });

  it('counts health states', () => {
    expect(countHealth(['healthy', 'healthy', 'unhealthy', 'unknown'])).toEqual({ healthy: 2, unhealthy: 1, pending: 0, stopped: 0, unknown: 1 });
  });
});

describe('ECS tasks as units', () => {
  it('names a task by its service, its revision by its task definition, and marks the revisions a deployment replaces', () => {
    const web: ResourceOf<'service'> = {
      ...service('storefront', 'web', { taskDefinitionArn: tdArn('web', 7) }),
      deployments: [
        { id: 'ecs-svc/1', status: 'PRIMARY', taskDefinitionArn: tdArn('web', 8), desired: 2, running: 1, pending: 1, failedTasks: 0 },
        { id: 'ecs-svc/0', status: 'ACTIVE', taskDefinitionArn: tdArn('web', 7), desired: 0, running: 1, pending: 0, failedTasks: 0 },
      ],
    };
    const host = containerInstance('storefront', 'i-0aaa1111bbbb2222c');
    const old = task('storefront', 'web', { taskDefinitionArn: tdArn('web', 7), az: 'us-east-1a', subnetId: 'subnet-a' });
    const fresh = task('storefront', 'web', { taskDefinitionArn: tdArn('web', 8), containerInstanceArn: host.id });
    const units = new Map(ecsUnits(topologyOf([web, host, old, fresh])).map((u) => [u.id, u]));
    expect(units.get(old.id)).toMatchObject({ kind: 'task', label: 'web', revision: 'web:7', oldRevision: true, az: 'us-east-1a', subnetId: 'subnet-a' });
    expect(units.get(fresh.id)).toMatchObject({ label: 'web', revision: 'web:8', oldRevision: false, hostId: host.id, groupKey: web.id, ownerId: web.id });
  });

  it('names a task of a service that was not read by its ARN, and a standalone task by its group', () => {
    const orphan = task('storefront', 'checkout');
    const standalone = task('storefront', undefined, { group: 'family:migrate' });
    const bare = task('storefront', undefined);
    const units = new Map(ecsUnits(topologyOf([orphan, standalone, bare])).map((u) => [u.id, u]));
    expect(units.get(orphan.id)).toMatchObject({ label: 'checkout', oldRevision: false, ownerId: orphan.serviceArn });
    expect(units.get(standalone.id)).toMatchObject({ label: 'family:migrate', groupKey: 'family:migrate' });
    expect(units.get(standalone.id)?.ownerId).toBeUndefined();
    expect(units.get(bare.id)).toMatchObject({ label: 'task', groupKey: 'standalone' });
  });
});

describe('pods as units', () => {
  const pod = resourcesOf(demo, 'pod').find((p) => p.namespace === 'orders' && p.status === 'Running' && p.ready) as Pod;
  const as = (extra: Partial<Pod>): Pod => ({ ...pod, ...extra });

  it.each<[string, Partial<Pod>, TargetState[] | undefined, string, string | undefined]>([
    ['a finished Job pod', { phase: 'Succeeded', status: 'Completed' }, undefined, 'stopped', 'Completed'],
    ['a failed pod, by its reason', { phase: 'Failed', status: 'OOMKilled' }, undefined, 'unhealthy', 'OOMKilled'],
    ['a pod waiting for an image', { phase: 'Pending', status: 'ImagePullBackOff' }, undefined, 'pending', 'ImagePullBackOff'],
    ['a running pod in a crash loop', { status: 'CrashLoopBackOff', ready: false }, undefined, 'unhealthy', 'CrashLoopBackOff'],
    ['a running pod whose target fails', {}, [target('unhealthy')], 'unhealthy', 'Target unhealthy'],
    ['a running pod not ready', { ready: false }, undefined, 'unhealthy', 'Not ready'],
    ['a running, ready pod', {}, [target('healthy')], 'healthy', undefined],
  ])('%s', (_, extra, targets, health, reason) => {
    expect(podHealth(as(extra), targets)).toEqual({ health, ...(reason ? { reason } : {}) });
  });

  it('counts restarts, keeps the ReplicaSet hash, folds system namespaces by namespace, and leaves hidden namespaces out', () => {
    const units = podUnits(demo);
    expect(units).toHaveLength(resourcesOf(demo, 'pod').length);
    expect(units.every((u) => u.kind === 'pod')).toBe(true);
    const crashing = units.find((u) => u.health === 'unhealthy');
    expect(crashing).toMatchObject({ kind: 'pod', reason: 'CrashLoopBackOff', restarts: 14, label: 'payments', namespace: 'orders' });
    const hashed = resourcesOf(demo, 'pod').find((p) => p.revision !== undefined);
    expect(units.find((u) => u.id === hashed?.id)?.templateHash).toBe(hashed?.revision);
    const system = units.filter((u) => u.namespace === 'kube-system');
    expect(system.length).toBeGreaterThan(0);
    expect(new Set(system.map((u) => u.groupKey))).toEqual(new Set(['ns:kube-system']));
    expect(units.filter((u) => u.namespace === 'orders').every((u) => u.groupKey === u.ownerId)).toBe(true);
    const shown = podUnits(demo, new Set(['kube-system', 'batch']));
    expect(new Set(shown.map((u) => u.namespace))).toEqual(new Set(['orders']));
    expect(SYSTEM_NAMESPACES.has('orders')).toBe(false);
  });

  it('puts a pod on its node’s host box, but a Fargate pod on none', () => {
    const onNode = podUnits(demo).find((u) => u.namespace === 'orders');
    expect(onNode?.hostId).toMatch(/^i-/);
    const fargate = podUnits(topologyOf([as({ fargate: true, instanceId: 'i-0aaa1111bbbb2222c' })]));
    expect(fargate[0]?.hostId).toBeUndefined();
  });
});

describe('grouping and placing units', () => {
  it('groups by key in one pass, keeping order and skipping items without a key', () => {
    const out = groupBy(['b1', 'a1', 'b2', 'x', 'a2'], (s) => (s === 'x' ? undefined : s[0]));
    expect([...out.entries()]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
    ]);
  });

  const unit = (id: string, groupKey: string, extra: Partial<TaskUnit> = {}): TaskUnit => ({
    kind: 'task',
    id,
    groupKey,
    label: groupKey,
    health: 'healthy',
    revision: 'r',
    oldRevision: false,
    cluster: 'c',
    ...(groupKey.startsWith('svc') ? { ownerId: groupKey } : {}),
    ...extra,
  });
  const podUnit = (id: string, groupKey: string, extra: Partial<PodUnit> = {}): PodUnit => ({
    kind: 'pod',
    id,
    groupKey,
    label: groupKey,
    health: 'healthy',
    namespace: 'orders',
    oldRevision: false,
    restarts: 0,
    cluster: 'c',
    ...extra,
  });
  const colorOf = (id: string | undefined) => (id === 'svc-a' ? 3 : id === undefined ? -1 : 5);
  const place = (units: Unit[], fold: boolean, expanded: string[] = []) => {
    const out: GraphNode[] = [];
    placeUnits(out, 'subnet-1', units, fold, new Set(expanded), colorOf);
    return out;
  };

  it('draws each unit, sorted by group and id, in its service’s colour when not folding', () => {
    const out = place([unit('t3', 'svc-b'), unit('t2', 'svc-a'), unit('t1', 'svc-a', { health: 'unhealthy', reason: 'Target.Timeout' })], false);
    expect(out.map((n) => `${n.kind} ${n.id}`)).toEqual(['task t1', 'task t2', 'task t3']);
    expect(out[0]).toMatchObject({ parent: 'subnet-1', color: 3, health: 'unhealthy', reason: 'Target.Timeout', ownerId: 'svc-a' });
    expect(out[2]).toMatchObject({ color: 5 });
  });

  it('folds a service’s units into one counted group, but never a lone unit', () => {
    const out = place([unit('t1', 'svc-a'), unit('t2', 'svc-a', { health: 'pending' }), unit('t3', 'svc-b')], true);
    expect(out.map((n) => n.kind)).toEqual(['taskGroup', 'task']);
    expect(out[0]).toMatchObject({
      id: 'group:subnet-1:svc-a',
      taskIds: ['t1', 't2'],
      color: 3,
      counts: { healthy: 1, unhealthy: 0, pending: 1, stopped: 0, unknown: 0 },
    });
  });

  it('unfolds a group the user opened', () => {
    const out = place([unit('t1', 'svc-a'), unit('t2', 'svc-a')], true, ['group:subnet-1:svc-a']);
    expect(out.map((n) => n.id)).toEqual(['t1', 't2']);
  });

  it('always folds a system namespace’s pods, neutral in colour, unless opened', () => {
    const sys = [podUnit('p1', 'ns:kube-system', { ownerId: 'ds-aws-node' }), podUnit('p2', 'ns:kube-system')];
    const out = place(sys.slice(0, 1), false);
    expect(out).toEqual([expect.objectContaining({ kind: 'podGroup', label: 'kube-system', color: -1, system: true, podIds: ['p1'] })]);
    expect(out[0] && 'ownerId' in out[0]).toBe(false);
    expect(place(sys, false, ['group:subnet-1:ns:kube-system']).map((n) => `${n.kind} ${n.kind === 'pod' ? n.color : ''}`)).toEqual(['pod -1', 'pod -1']);
  });

  it('draws a pod as a pod and folds a workload’s pods into a pod group, each naming the workload as owner', () => {
    const wl = 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/deployment/orders/orders-api';
    const pods = [
      podUnit('p1', wl, { ownerId: wl, templateHash: '7c9f5d', restarts: 2, health: 'unhealthy', reason: 'CrashLoopBackOff' }),
      podUnit('p2', wl, { ownerId: wl, oldRevision: true }),
    ];
    const one = place(pods, false);
    expect(one.map((n) => n.kind)).toEqual(['pod', 'pod']);
    expect(one[0]).toEqual({
      kind: 'pod',
      id: 'p1',
      parent: 'subnet-1',
      label: wl,
      ownerId: wl,
      color: 5,
      health: 'unhealthy',
      reason: 'CrashLoopBackOff',
      namespace: 'orders',
      templateHash: '7c9f5d',
      oldRevision: false,
      restarts: 2,
    });
    expect(one[1]).toMatchObject({ kind: 'pod', oldRevision: true, restarts: 0 });
    expect(one[1] && 'templateHash' in one[1]).toBe(false);
    const folded = place([...pods, unit('t1', 'svc-a'), unit('t2', 'svc-a')], true);
    expect(folded.map((n) => n.kind)).toEqual([wl < 'svc-a' ? 'podGroup' : 'taskGroup', wl < 'svc-a' ? 'taskGroup' : 'podGroup']);
    expect(folded.find((n) => n.kind === 'podGroup')).toMatchObject({ ownerId: wl, podIds: ['p1', 'p2'], color: 5 });
    expect(folded.find((n) => n.kind === 'podGroup' && 'system' in n)).toBeUndefined();
  });
});
