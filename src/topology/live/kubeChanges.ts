import type { ResourceOf } from '../model';
import { detail, podOwnerName, type ChangeContext, type Draft } from './changeContext';

/** Kubernetes changes a person wants told: pods starting, going, failing and restarting; workloads scaling. */

/** The waiting reason kubelet gives a container it keeps restarting: the loop itself, not one restart. */
const CRASH_LOOP = 'CrashLoopBackOff';

export function podChanges(was: ResourceOf<'pod'> | undefined, now: ResourceOf<'pod'> | undefined, ctx: ChangeContext): Draft[] {
  const p = now ?? was;
  if (!p) return [];
  const owner = podOwnerName(ctx, p);
  const base = { subject: p.id, ...(p.workloadId ? { owner: p.workloadId } : {}) };
  if (!was) return [{ ...base, kind: 'podStarted', severity: 'info', message: `${owner}: pod ${p.name} started${p.az ? ` in ${p.az}` : ''}` }];
  if (!now) return [{ ...base, kind: 'podStopped', severity: 'info', message: `${owner}: pod ${p.name} gone` }];
  const out: Draft[] = [];
  if (now.restarts > was.restarts) out.push({ ...base, kind: 'podRestarted', ...restartOf(was, now, owner) });
  if (now.phase === 'Failed' && was.phase !== 'Failed')
    out.push({ ...base, kind: 'podStopped', severity: 'warning', message: `${owner}: pod ${p.name} failed${detail(now.status !== now.phase && now.status)}` });
  return out;
}

/** The containers whose restart count rose, with why they are down now and how the last run ended ("OOMKilled (exit 137)"). */
function restartOf(was: ResourceOf<'pod'>, now: ResourceOf<'pod'>, owner: string): Pick<Draft, 'severity' | 'message'> {
  const before = new Map(was.containerStatuses.map((c) => [c.name, c.restarts]));
  const restarted = now.containerStatuses.filter((c) => c.restarts > (before.get(c.name) ?? 0));
  const why = restarted.flatMap((c) => [c.reason, c.lastTermination && `last ${c.lastTermination}`]);
  const looping = now.status === CRASH_LOOP || restarted.some((c) => c.reason === CRASH_LOOP);
  const times = now.restarts - was.restarts;
  return {
    severity: looping ? 'critical' : 'warning',
    message: `${owner}: pod ${now.name} restarted${times > 1 ? ` ${times} times` : ''}, ${now.restarts} in all${detail(...why)}`,
  };
}

export function workloadChanges(was: ResourceOf<'workload'> | undefined, now: ResourceOf<'workload'> | undefined): Draft[] {
  const w = now ?? was;
  if (!w) return [];
  const base = { subject: w.id, owner: w.id };
  const what = w.workloadKind.toLowerCase();
  if (!was) return [{ ...base, kind: 'resourceAdded', severity: 'info', message: `${w.name}: ${what} created` }];
  if (!now) return [{ ...base, kind: 'resourceRemoved', severity: 'info', message: `${w.name}: ${what} gone` }];
  return was.desired === now.desired
    ? []
    : [{ ...base, kind: 'workloadScaled', severity: 'info', message: `${w.name} scaled ${was.desired} → ${now.desired}` }];
}
