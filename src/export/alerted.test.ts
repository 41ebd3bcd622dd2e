import { describe, expect, it } from 'vitest';
import type { GraphNode, HealthCounts } from '../topology/graph/types';
import { alerted } from './alerted';

const counts = (extra: Partial<HealthCounts> = {}): HealthCounts => ({ healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0, ...extra });
const task = (health: 'healthy' | 'unhealthy'): GraphNode => ({ kind: 'task', id: 't', label: 'api', color: 0, health, revision: 'api:8', oldRevision: false });
const node = (ready?: boolean): GraphNode => ({
  kind: 'node',
  id: 'i-0a1b2c3d4e5f60718',
  label: 'ip-10-0-1-23',
  cluster: 'orders-eks',
  nodeGroup: 'general',
  instanceType: 'm6i.large',
  spot: false,
  state: 'running',
  ...(ready === undefined ? {} : { ready }),
});
const service = (unhealthy: number): GraphNode => ({
  kind: 'service',
  id: 's',
  label: 'cart',
  color: 2,
  detail: '3/3 running',
  azCounts: {},
  deploying: false,
  unhealthy,
  routes: [],
});

describe('the alert colour of an export', () => {
  it('rings an unhealthy task, a folded group or target group with an unhealthy member, and a service with unhealthy units', () => {
    expect(alerted(task('unhealthy'))).toBe(true);
    expect(alerted(task('healthy'))).toBe(false);
    expect(alerted({ kind: 'taskGroup', id: 'g', label: 'api', color: 0, counts: counts({ unhealthy: 1 }), taskIds: [] })).toBe(true);
    expect(alerted({ kind: 'podGroup', id: 'g', label: 'api', color: 0, counts: counts({ healthy: 4, pending: 1 }), podIds: [] })).toBe(false);
    expect(alerted({ kind: 'targetGroup', id: 'tg', label: 'web-tg', detail: '', counts: counts({ unhealthy: 2 }), unreadable: false })).toBe(true);
    expect(alerted(service(1))).toBe(true);
    expect(alerted(service(0))).toBe(false);
  });

  it('rings a NotReady EKS node only: a node the Kubernetes API did not answer for is not marked', () => {
    expect(alerted(node(false))).toBe(true);
    expect(alerted(node(true))).toBe(false);
    expect(alerted(node())).toBe(false);
  });

  it('never rings a container', () => {
    expect(alerted({ kind: 'vpc', id: 'vpc-0a1b2c3d', label: 'shop', cidr: '10.0.0.0/16' })).toBe(false);
  });
});
