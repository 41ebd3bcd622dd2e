import type { Task, TargetGroup, Topology } from '../model';
import { resourcesOf } from '../model';
import type { HealthCounts, TaskHealth } from './types';

export interface TargetState {
  state: string;
  reason?: string;
  targetGroupId: string;
}

/**
 * Joins DescribeTargetHealth to tasks: ip targets by the task's private IP, instance targets by the container
 * instance's EC2 id and the task's host port (bridge mode registers the dynamic host port).
 */
export function targetStatesByTask(topology: Topology): Map<string, TargetState[]> {
  const tasks = resourcesOf(topology, 'task');
  const byIp = new Map<string, Task[]>();
  const byInstancePort = new Map<string, Task>();
  const instanceOf = new Map(resourcesOf(topology, 'containerInstance').map((c) => [c.id, c.ec2InstanceId ?? '']));
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED') continue;
    if (t.privateIp) byIp.set(t.privateIp, [...(byIp.get(t.privateIp) ?? []), t]);
    const ec2 = t.containerInstanceArn ? instanceOf.get(t.containerInstanceArn) : undefined;
    if (ec2) for (const c of t.containers) for (const p of c.hostPorts) byInstancePort.set(`${ec2}:${p}`, t);
  }
  const out = new Map<string, TargetState[]>();
  const add = (task: Task, tg: TargetGroup, state: string, reason: string | undefined) => {
    out.set(task.id, [...(out.get(task.id) ?? []), { state, targetGroupId: tg.id, ...(reason ? { reason } : {}) }]);
  };
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    for (const target of tg.targets ?? []) {
      if (tg.targetType === 'instance') {
        const task = byInstancePort.get(`${target.id}:${target.port ?? ''}`);
        if (task) add(task, tg, target.state, target.reason);
      } else {
        // An IP can be reused by a task in another VPC; the awsvpc task in this target group's service wins.
        for (const task of byIp.get(target.id) ?? []) add(task, tg, target.state, target.reason);
      }
    }
  }
  return out;
}

export function taskHealth(task: Task, targets: readonly TargetState[] | undefined): { health: TaskHealth; reason?: string } {
  if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') {
    return { health: 'stopped', ...(task.stoppedReason ? { reason: task.stoppedReason } : {}) };
  }
  const failing = targets?.find((t) => t.state.startsWith('unhealthy'));
  if (failing) return { health: 'unhealthy', ...(failing.reason ? { reason: failing.reason } : {}) };
  if (task.healthStatus === 'UNHEALTHY') return { health: 'unhealthy', reason: 'Container health check failing' };
  if (task.lastStatus !== 'RUNNING') return { health: 'pending', reason: `Task is ${task.lastStatus}` };
  if (task.healthStatus === 'HEALTHY' || targets?.some((t) => t.state === 'healthy')) return { health: 'healthy' };
  return { health: 'unknown' };
}

export function emptyCounts(): HealthCounts {
  return { healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0 };
}

export function countHealth(list: readonly TaskHealth[]): HealthCounts {
  const counts = emptyCounts();
  for (const h of list) counts[h] += 1;
  return counts;
}
