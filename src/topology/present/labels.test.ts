import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/types';
import { caption, healthWords, nodeText, placeOf, podTag, textLines, unitCount } from './labels';

const lb = (lbType: string): GraphNode => ({
  kind: 'loadBalancer',
  id: `lb-${lbType}`,
  label: `${lbType}-lb`,
  lbType,
  scheme: 'internal',
  azs: ['us-east-1a', 'us-east-1b'],
});

describe('what a node says, wherever it is drawn', () => {
  it('names each load balancer type by its own glyph, a Gateway LB as GWLB', () => {
    expect(['application', 'network', 'gateway'].map((t) => nodeText(lb(t)).glyph?.text)).toEqual(['ALB', 'NLB', 'GWLB']);
    expect(nodeText(lb('gateway')).sub).toBe('internal · AZs a b');
  });

  it('badges a subnet by what its route tables say, and an unread one not at all', () => {
    const subnet = (exposure: 'public' | 'private' | 'unknown'): GraphNode => ({
      kind: 'subnet',
      id: 's',
      label: 'app-a',
      cidr: '10.0.1.0/24',
      exposure,
      az: 'us-east-1a',
      taskCount: 3,
      podCount: 0,
    });
    expect(nodeText(subnet('public')).badges).toEqual([{ text: 'public', tone: 'public' }]);
    expect(nodeText(subnet('unknown')).badges).toEqual([]);
    expect(nodeText(subnet('private')).sub).toBe('10.0.1.0/24 · 3 tasks');
  });

  const svc = 'arn:aws:ecs:us-east-1:123456789012:service/shop/notifications';
  const task = (extra: { parent?: string; ownerId?: string; oldRevision?: boolean } = {}): GraphNode => ({
    kind: 'task',
    id: 'arn:aws:ecs:us-east-1:123456789012:task/shop/3f9a1c2e8b7d4e6fa1b2c3d4e5f60718',
    label: 'notifications',
    color: 0,
    health: 'unhealthy',
    revision: 'notifications:7',
    oldRevision: true,
    reason: 'Target.Timeout',
    ...extra,
  });

  it('puts a failing task’s reason in an alert badge; in a subnet its service on line 1, its short id and revision whole on line 2', () => {
    expect(nodeText(task({ parent: 'subnet-0qa', ownerId: svc }))).toMatchObject({
      title: 'notifications',
      sub: '3f9a1c2e r7 old',
      badges: [{ text: 'Target.Timeout', tone: 'alert' }],
    });
  });

  it('names a task inside its service’s box by what tells it apart there: its short id, then its revision', () => {
    const inside = task({ parent: svc, ownerId: svc, oldRevision: false });
    expect(placeOf(inside)).toBe('inOwner');
    expect(nodeText(inside)).toMatchObject({ title: '3f9a1c2e', sub: 'r7' });
    // The place can be given: the same task drawn among others says its service first.
    expect(nodeText(inside, 'amongOthers')).toMatchObject({ title: 'notifications', sub: '3f9a1c2e r7' });
    // A standalone task in its cluster's box has no owner to name it: it says its group.
    expect(placeOf(task({ parent: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop' }))).toBe('amongOthers');
  });

  const pod = (extra: { restarts: number; templateHash?: string; oldRevision?: boolean; id?: string; label?: string; parent?: string }): GraphNode => ({
    kind: 'pod',
    id: 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/pod/orders/orders-api-7c9f5d-x2k4q',
    label: 'orders-api',
    ownerId: 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/deployment/orders/orders-api',
    parent: 'subnet-0qa',
    color: 2,
    health: 'unhealthy',
    reason: 'CrashLoopBackOff',
    namespace: 'orders',
    oldRevision: false,
    ...extra,
  });

  it('names a pod in a subnet by its workload on line 1 and, whole on line 2, the suffix that tells it from its siblings, never a ReplicaSet hash', () => {
    expect(nodeText(pod({ restarts: 14, templateHash: '7c9f5d' }))).toMatchObject({
      title: 'orders-api',
      sub: 'x2k4q ↻14',
      badges: [{ text: 'CrashLoopBackOff', tone: 'alert' }],
    });
    expect(nodeText(pod({ restarts: 0, templateHash: '7c9f5d', oldRevision: true })).sub).toBe('x2k4q old');
    expect(nodeText(pod({ restarts: 2, oldRevision: true })).sub).toBe('x2k4q ↻2 old');
    // A StatefulSet's pods are numbered, an ordinal never read as a count; a pod of no workload is its own name, whole on line 1.
    expect(nodeText(pod({ restarts: 0, id: 'arn:x/pod/orders/inventory-db-0', label: 'inventory-db' }))).toMatchObject({ title: 'inventory-db', sub: '#0' });
    expect(nodeText(pod({ restarts: 0, id: 'arn:x/pod/orders/inventory-db-0', label: 'inventory-db' }), 'inOwner').title).toBe('#0');
    expect(nodeText(pod({ restarts: 1, id: 'arn:x/pod/default/debug', label: 'debug' }))).toMatchObject({ title: 'debug', sub: '↻1' });
    expect(podTag({ restarts: 3, namespace: 'orders' })).toBe('↻3');
  });

  it('names a pod inside its workload’s box by its suffix alone, its restarts beside', () => {
    const inside = pod({ restarts: 14, parent: 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/deployment/orders/orders-api' });
    expect(placeOf(inside)).toBe('inOwner');
    expect(nodeText(inside)).toMatchObject({ title: 'x2k4q', sub: '↻14', badges: [{ text: 'CrashLoopBackOff', tone: 'alert' }] });
    expect(nodeText(pod({ restarts: 0, oldRevision: true }), 'inOwner')).toMatchObject({ title: 'x2k4q', sub: 'old' });
  });

  it('badges a target group’s unhealthy targets in words short enough for its card', () => {
    const counts = { healthy: 11, unhealthy: 1, pending: 0, stopped: 0, unknown: 0 };
    const t = nodeText({ kind: 'targetGroup', id: 'tg', label: 'web-tg', detail: 'ip · HTTP:8080', counts, unreadable: false });
    expect(t.badges).toEqual([{ text: '1 unhealthy', tone: 'alert' }]);
  });

  it('counts a folded run of pods as a run of tasks is counted', () => {
    const counts = { healthy: 2, unhealthy: 1, pending: 0, stopped: 0, unknown: 0 };
    const pods = nodeText({ kind: 'podGroup', id: 'g', label: 'kube-system', color: -1, counts, podIds: ['a', 'b', 'c'], system: true });
    const tasks = nodeText({ kind: 'taskGroup', id: 'g', label: 'kube-system', color: -1, counts, taskIds: ['a', 'b', 'c'] });
    expect(pods).toEqual({ title: 'kube-system ×3', sub: '2 healthy, 1 unhealthy', badges: [], bar: counts });
    expect(pods).toEqual(tasks);
  });

  it('writes a service’s state as badges and its AZ spread as chips, sorted', () => {
    const t = nodeText({
      kind: 'service',
      id: 'svc',
      label: 'api',
      color: 1,
      detail: '4/5 running · FARGATE',
      azCounts: { 'us-east-1b': 2, 'us-east-1a': 3 },
      deploying: true,
      unhealthy: 1,
      routes: [],
    });
    expect(t.badges.map((b) => b.text)).toEqual(['deploying', '1 unhealthy']);
    expect(t.chips).toEqual(['a:3', 'b:2']);
    expect(textLines(t)).toEqual(['api · deploying · 1 unhealthy', '4/5 running · FARGATE', 'a:3 b:2']);
  });

  it('writes a workload’s card as a service’s', () => {
    const card = {
      id: 'w',
      label: 'orders-api',
      color: 1,
      detail: 'Deployment · 2/3 ready · orders',
      azCounts: { 'us-east-1a': 2 },
      deploying: false,
      unhealthy: 1,
      routes: [],
    };
    expect(nodeText({ kind: 'workload', workloadKind: 'Deployment', ...card })).toEqual(nodeText({ kind: 'service', ...card }));
    expect(textLines(nodeText({ kind: 'workload', workloadKind: 'Deployment', ...card }))).toEqual([
      'orders-api · 1 unhealthy',
      'Deployment · 2/3 ready · orders',
      'a:2',
    ]);
  });

  it('counts units and health in words', () => {
    expect([unitCount(1, 0), unitCount(0, 2), unitCount(3, 8)]).toEqual(['1 task', '2 pods', '3 tasks · 8 pods']);
    expect(healthWords({ healthy: 4, unhealthy: 1, pending: 0, stopped: 0, unknown: 2 })).toBe('4 healthy, 1 unhealthy, 2 unknown');
  });

  it('captions an export with the read time in UTC', () => {
    expect(caption({ label: 'prod', region: 'eu-west-1', accountId: '123456789012', fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 5) }, 'network')).toBe(
      'Fleetmap · prod · eu-west-1 · account 123456789012 · read 2026-01-02T03:04:05.000Z · network view',
    );
  });
});
