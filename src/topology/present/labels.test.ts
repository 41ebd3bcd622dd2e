import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/types';
import { caption, healthWords, nodeText, textLines, unitCount } from './labels';

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
