import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/types';
import { caption, healthWords, nodeText, podTag, textLines, unitCount } from './labels';

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

  it('puts a failing task’s reason in an alert badge, and its revision on the second line', () => {
    const t = nodeText({
      kind: 'task',
      id: 't',
      label: 'web',
      color: 0,
      health: 'unhealthy',
      revision: 'web:7',
      oldRevision: true,
      reason: 'Target.Timeout',
    });
    expect(t).toMatchObject({ title: 'web', sub: '7 old', badges: [{ text: 'Target.Timeout', tone: 'alert' }] });
  });

  it('names a pod by its workload and the short suffix that tells it from its siblings, never by a ReplicaSet hash', () => {
    const pod = (extra: { restarts: number; templateHash?: string; oldRevision?: boolean; id?: string; label?: string }): GraphNode => ({
      kind: 'pod',
      id: 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/pod/orders/orders-api-7c9f5d-x2k4q',
      label: 'orders-api',
      color: 2,
      health: 'unhealthy',
      reason: 'CrashLoopBackOff',
      namespace: 'orders',
      oldRevision: false,
      ...extra,
    });
    expect(nodeText(pod({ restarts: 14, templateHash: '7c9f5d' }))).toMatchObject({
      title: 'orders-api · x2k4q',
      sub: '↻14',
      badges: [{ text: 'CrashLoopBackOff', tone: 'alert' }],
    });
    expect(nodeText(pod({ restarts: 0, templateHash: '7c9f5d', oldRevision: true })).sub).toBe('old');
    expect(nodeText(pod({ restarts: 2, oldRevision: true })).sub).toBe('↻2 old');
    expect(nodeText(pod({ restarts: 0 })).sub).toBe('');
    // A StatefulSet's pods are numbered; a pod of no workload is its own name.
    expect(nodeText(pod({ restarts: 0, id: 'arn:x/pod/orders/inventory-db-0', label: 'inventory-db' })).title).toBe('inventory-db · 0');
    expect(nodeText(pod({ restarts: 0, id: 'arn:x/pod/default/debug', label: 'debug' })).title).toBe('debug');
    expect(podTag({ restarts: 3, namespace: 'orders' })).toBe('↻3');
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
