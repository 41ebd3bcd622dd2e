import { describe, expect, it } from 'vitest';
import { pod, topologyOf, workload } from '../graph/testTopology';
import type { Resource, Topology } from '../model';
import { changeEvents } from './changes';

/* Kubernetes changes, each kind on small hand-made reads, told through the feed as a browser receives them. */

const AT = Date.UTC(2026, 10, 20, 12);
const told = (prev: Topology, next: Topology) => changeEvents(prev, next, AT).map((e) => `${e.severity} ${e.kind} ${e.message}`);
const pair = (before: Resource[], after: Resource[]) => [topologyOf(before), topologyOf(after)] as const;

describe('Kubernetes pods and workloads', () => {
  const payments = workload('orders-eks', 'orders', 'payments', { desired: 3 });
  const p = pod('orders-eks', 'orders', 'payments-7c9f-abcde', {
    workloadId: payments.id,
    az: 'us-east-1b',
    containerStatuses: [{ name: 'payments', ready: true, restarts: 0, state: 'running' }],
  });

  it('tells a pod started and gone, by its workload first', () => {
    expect(told(...pair([payments], [payments, p]))).toEqual(['info podStarted payments: pod payments-7c9f-abcde started in us-east-1b']);
    expect(told(...pair([payments, p], [payments]))).toEqual(['info podStopped payments: pod payments-7c9f-abcde gone']);
  });

  it('tells a restart with the last reason: OOMKilled is a warning, CrashLoopBackOff critical', () => {
    const oom = {
      ...p,
      restarts: 1,
      containerStatuses: [{ name: 'payments', ready: true, restarts: 1, state: 'running', lastTermination: 'OOMKilled (exit 137)' }],
    };
    expect(told(...pair([payments, p], [payments, oom]))).toEqual([
      'warning podRestarted payments: pod payments-7c9f-abcde restarted, 1 in all (last OOMKilled (exit 137))',
    ]);
    const looping = {
      ...p,
      status: 'CrashLoopBackOff',
      ready: false,
      restarts: 4,
      containerStatuses: [{ name: 'payments', ready: false, restarts: 4, state: 'waiting', reason: 'CrashLoopBackOff', lastTermination: 'Error (exit 1)' }],
    };
    expect(told(...pair([payments, oom], [payments, looping]))).toEqual([
      'critical podRestarted payments: pod payments-7c9f-abcde restarted 3 times, 4 in all (CrashLoopBackOff; last Error (exit 1))',
    ]);
  });

  it('names a pod without a known workload by its top owner', () => {
    const orphan = pod('orders-eks', 'orders', 'nightly-29123-x2x', { owners: ['Job nightly-29123'] });
    expect(told(...pair([], [orphan]))).toEqual(['info podStarted nightly-29123: pod nightly-29123-x2x started']);
  });

  it('tells a workload scaled', () => {
    expect(told(...pair([payments], [{ ...payments, desired: 5 }]))).toEqual(['info workloadScaled payments scaled 3 → 5']);
  });
});
