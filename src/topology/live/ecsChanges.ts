import type { Deployment, ResourceOf, TargetHealth } from '../model';
import { detail, taskLabel, taskOwnerName, type ChangeContext, type Draft } from './changeContext';

/** ECS and ELB changes a person wants told: tasks starting and stopping, health, deployments, scaling, targets. */

/** Stop codes that mean the task failed, whatever its containers' exit codes say (DescribeTasks: stopCode). */
const FAILED_STOP_CODES = new Set(['TaskFailedToStart', 'InfrastructureHealth']);

const stopped = (t: ResourceOf<'task'>) => t.lastStatus === 'STOPPED';

export function taskChanges(was: ResourceOf<'task'> | undefined, now: ResourceOf<'task'> | undefined, ctx: ChangeContext): Draft[] {
  const t = now ?? was;
  if (!t) return [];
  const owner = taskOwnerName(ctx, t);
  const base = { subject: t.id, ...(t.serviceArn ? { owner: t.serviceArn } : {}) };
  const out: Draft[] = [];
  if (!was && now && !stopped(now))
    out.push({
      ...base,
      kind: 'taskStarted',
      severity: 'info',
      message: `${owner}: ${taskLabel(t.id)} started${now.az ? ` in ${now.az}` : ''}`,
      ...at(now.startedAt),
    });
  if (now && stopped(now) && (!was || !stopped(was))) out.push({ ...base, kind: 'taskStopped', ...stopOf(now, owner, ctx) });
  // Stopped tasks stay listed for about an hour; one that goes while it was running was never seen to stop.
  if (was && !now && !stopped(was)) out.push({ ...base, kind: 'taskStopped', severity: 'info', message: `${owner}: ${taskLabel(t.id)} is no longer listed` });
  if (was && now && !stopped(now) && was.healthStatus !== now.healthStatus) {
    if (now.healthStatus === 'UNHEALTHY')
      out.push({ ...base, kind: 'healthChanged', severity: 'warning', message: `${owner}: ${taskLabel(t.id)} failing its container health check` });
    else if (now.healthStatus === 'HEALTHY' && was.healthStatus === 'UNHEALTHY')
      out.push({ ...base, kind: 'healthChanged', severity: 'info', message: `${owner}: ${taskLabel(t.id)} healthy again` });
  }
  return out;
}

function stopOf(t: ResourceOf<'task'>, owner: string, ctx: ChangeContext): Pick<Draft, 'severity' | 'message'> {
  const exits = t.containers
    .filter((c) => c.exitCode !== undefined)
    .map((c) => `${c.name} exit ${c.exitCode}${c.reason && c.reason !== t.stoppedReason ? `: ${c.reason}` : ''}`);
  const failed = FAILED_STOP_CODES.has(t.stopCode ?? '') || t.containers.some((c) => c.exitCode !== undefined && c.exitCode !== 0);
  // A failure that leaves its service with no running task is an outage, not a replacement.
  const down = failed && t.serviceArn !== undefined && ctx.runningTasks(t.serviceArn) === 0;
  return {
    severity: down ? 'critical' : failed ? 'warning' : 'info',
    message: `${owner}: ${taskLabel(t.id)} stopped: ${t.stoppedReason ?? 'no reason given'}${detail(t.stopCode, ...exits)}`,
  };
}

export function serviceChanges(was: ResourceOf<'service'> | undefined, now: ResourceOf<'service'> | undefined): Draft[] {
  const s = now ?? was;
  if (!s) return [];
  const base = { subject: s.id, owner: s.id };
  if (!was) return [{ ...base, kind: 'resourceAdded', severity: 'info', message: `${s.name}: service created` }];
  if (!now) return [{ ...base, kind: 'resourceRemoved', severity: 'info', message: `${s.name}: service gone` }];
  const out: Draft[] = [];
  if (was.desired !== now.desired) out.push({ ...base, kind: 'serviceScaled', severity: 'info', message: `${s.name} scaled ${was.desired} → ${now.desired}` });
  const before = new Map(was.deployments.map((d) => [d.id, d]));
  const rollback = now.deployments.some((d) => rollingBack(d) && !wasRollingBack(before.get(d.id)));
  for (const d of now.deployments) {
    const steps = deploymentSteps(before.get(d.id), d, rollback);
    out.push(...steps.map((step) => ({ ...base, ...step, part: d.id, message: `${s.name}: ${step.message}`, ...at(d.updatedAt ?? d.createdAt) })));
  }
  return out;
}

/** The circuit breaker writes "rolling back to deploymentId <id>" on the deployment it gave up on. */
const rollingBack = (d: Deployment) => /roll(ing|ed) back/i.test(d.rolloutStateReason ?? '');
const wasRollingBack = (d: Deployment | undefined) => d !== undefined && rollingBack(d);

const revision = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/**
 * What one deployment did between two reads (DescribeServices: deployments[].rolloutState, rolloutStateReason): new
 * is started, IN_PROGRESS → COMPLETED or FAILED, and a rollback when the circuit breaker's reason appears.
 */
function deploymentSteps(was: Deployment | undefined, d: Deployment, rollback: boolean): Omit<Draft, 'subject'>[] {
  const what = `deployment of ${revision(d.taskDefinitionArn)}`;
  const why = d.rolloutStateReason ? `: ${d.rolloutStateReason}` : '';
  const out: Omit<Draft, 'subject'>[] = [];
  // The deployment a rollback creates is told by the rollback itself.
  if (!was && !(rollback && d.status === 'PRIMARY')) out.push({ kind: 'deploymentStarted', severity: 'info', message: `${what} started` });
  if (rollingBack(d) && !wasRollingBack(was)) out.push({ kind: 'deploymentRolledBack', severity: 'warning', message: `${what} rolled back${why}` });
  else if (d.rolloutState !== was?.rolloutState && d.rolloutState === 'FAILED')
    out.push({ kind: 'deploymentFailed', severity: 'critical', message: `${what} failed${why}` });
  if (d.rolloutState !== was?.rolloutState && d.rolloutState === 'COMPLETED')
    out.push({ kind: 'deploymentCompleted', severity: 'info', message: `${what} completed` });
  return out;
}

const UNHEALTHY = 'unhealthy';
const HEALTHY = 'healthy';
const targetKey = (t: TargetHealth) => `${t.id}:${t.port ?? ''}`;

export function targetGroupChanges(was: ResourceOf<'targetGroup'> | undefined, now: ResourceOf<'targetGroup'> | undefined, ctx: ChangeContext): Draft[] {
  // A group seen for the first time, or whose health could not be read, has no transition to tell.
  if (!was?.targets || !now?.targets) return [];
  const before = new Map(was.targets.map((t) => [targetKey(t), t.state]));
  const owner = ctx.targetGroupOwner(now.id);
  const name = owner?.name ?? now.name;
  const base = { subject: now.id, ...(owner ? { owner: owner.id } : {}) };
  const noneHealthy = !now.targets.some((t) => t.state === HEALTHY);
  const out: Draft[] = [];
  for (const t of now.targets) {
    const key = targetKey(t);
    const prior = before.get(key);
    const where = `target ${t.id}${t.port !== undefined ? `:${t.port}` : ''} of ${now.name}`;
    if (t.state === UNHEALTHY && prior !== UNHEALTHY)
      out.push({
        ...base,
        kind: 'targetUnhealthy',
        part: key,
        severity: noneHealthy ? 'critical' : 'warning',
        message: `${name}: ${where} unhealthy${detail(t.reason, t.description)}`,
      });
    else if (t.state === HEALTHY && prior === UNHEALTHY)
      out.push({ ...base, kind: 'targetHealthy', part: key, severity: 'info', message: `${name}: ${where} healthy again` });
  }
  return out;
}

const at = (when: number | undefined) => (when === undefined ? {} : { at: when });
