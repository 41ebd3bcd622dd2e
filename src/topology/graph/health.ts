import type { Service, TargetGroup, TargetHealth, Task, TaskDefinition, Topology } from '../model';
import { resourcesOf } from '../model';
import { join, joinOne, relations } from './relations';
import type { HealthCounts, TaskHealth } from './types';

export interface TargetState {
  state: string;
  reason?: string;
  targetGroupId: string;
}

type Binding = Service['loadBalancers'][number];

/**
 * The host ports a task's target registers on, for one load balancer binding of its service: the network bindings
 * of the bound container (bridge and host mode), else the task definition's static hostPort (some endpoints leave
 * networkBindings out; 0 means dynamic and says nothing), and in host mode the container port itself.
 */
function hostPortsOf(task: Task, binding: Binding, td: TaskDefinition | undefined): number[] {
  const named = <C extends { name: string }>(list: readonly C[]) => list.filter((c) => binding.containerName === undefined || c.name === binding.containerName);
  const bound = named(task.containers).flatMap((c) => c.hostPorts);
  if (bound.length) return bound;
  return named(td?.containers ?? [])
    .flatMap((c) => c.portMappings)
    .filter((p) => binding.containerPort === undefined || p.containerPort === binding.containerPort)
    .flatMap((p) => {
      const port = p.hostPort || (td?.networkMode === 'host' ? p.containerPort : undefined);
      return port ? [port] : [];
    });
}

/** Where a target is registered: "<ip>" for ip targets, "<instance id>:<port>" for instance targets. */
export const targetKey = (tg: Pick<TargetGroup, 'targetType'>, target: Pick<TargetHealth, 'id' | 'port'>) =>
  tg.targetType === 'instance' ? `${target.id}:${target.port ?? ''}` : target.id;

/**
 * Per target group, the tasks that can be behind each of its targets, by targetKey: only the tasks of the services
 * bound to it (DescribeServices loadBalancers[].targetGroupArn), ip targets by the task's private IP, instance
 * targets by the container instance's EC2 id and the task's host port. A port another service's task holds on the
 * same instance, or an address a task in another VPC holds, is never blamed on it.
 */
export function tasksByTarget(topology: Topology): Map<string, Map<string, Task[]>> {
  const tasksOf = new Map<string, Task[]>();
  for (const { from: t, key: service } of join(topology, relations.taskService)) {
    if (t.lastStatus === 'STOPPED') continue;
    const list = tasksOf.get(service);
    if (list) list.push(t);
    else tasksOf.set(service, [t]);
  }
  const bindingsOf = new Map<string, { serviceId: string; binding: Binding }[]>();
  for (const { from: s, key: tg, via: binding } of join(topology, relations.serviceTargetGroups))
    bindingsOf.set(tg, [...(bindingsOf.get(tg) ?? []), { serviceId: s.id, binding }]);
  const ec2Of = (t: Task) => joinOne(topology, relations.taskHost, t)[0]?.to?.ec2InstanceId;
  const tdOf = new Map(resourcesOf(topology, 'taskDefinition').map((td) => [td.id, td]));

  const out = new Map<string, Map<string, Task[]>>();
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    const byTarget = new Map<string, Task[]>();
    const index = (key: string, t: Task) => {
      const list = byTarget.get(key) ?? [];
      if (!list.includes(t)) byTarget.set(key, [...list, t]);
    };
    for (const { serviceId, binding } of bindingsOf.get(tg.id) ?? []) {
      for (const t of tasksOf.get(serviceId) ?? []) {
        if (tg.targetType !== 'instance') {
          if (t.privateIp) index(t.privateIp, t);
          continue;
        }
        const ec2 = ec2Of(t);
        if (ec2) for (const port of hostPortsOf(t, binding, tdOf.get(t.taskDefinitionArn))) index(`${ec2}:${port}`, t);
      }
    }
    if (byTarget.size) out.set(tg.id, byTarget);
  }
  return out;
}

/** Joins DescribeTargetHealth to tasks (see tasksByTarget): each task's states in the target groups it is in. */
export function targetStatesByTask(topology: Topology): Map<string, TargetState[]> {
  const joined = tasksByTarget(topology);
  const out = new Map<string, TargetState[]>();
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    const byTarget = joined.get(tg.id);
    if (!byTarget) continue;
    for (const target of tg.targets ?? []) {
      for (const t of byTarget.get(targetKey(tg, target)) ?? []) {
        out.set(t.id, [...(out.get(t.id) ?? []), { state: target.state, targetGroupId: tg.id, ...(target.reason ? { reason: target.reason } : {}) }]);
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
