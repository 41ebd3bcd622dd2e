import type { Service, TargetGroup, TargetHealth, Task, TaskDefinition } from '../model';
import { resourcesOf } from '../model';
import { perResources } from './memo';
import { linkKey, lookup, relations } from './relations';
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
 * same instance, or an address a task in another VPC holds, is never blamed on it. Once per topology (perResources).
 */
export const tasksByTarget = perResources((topology): Map<string, Map<string, Task[]>> => {
  const tasksOf = new Map<string, Task[]>();
  for (const t of resourcesOf(topology, 'task')) {
    const service = linkKey(relations.taskService, t);
    if (service === undefined || t.lastStatus === 'STOPPED') continue;
    const list = tasksOf.get(service);
    if (list) list.push(t);
    else tasksOf.set(service, [t]);
  }
  const bindingsOf = new Map<string, { serviceId: string; binding: Binding }[]>();
  for (const s of resourcesOf(topology, 'service'))
    for (const { key: tg, via: binding } of relations.serviceTargetGroups.links(s)) {
      const list = bindingsOf.get(tg);
      if (list) list.push({ serviceId: s.id, binding });
      else bindingsOf.set(tg, [{ serviceId: s.id, binding }]);
    }
  const hostOf = lookup(topology, relations.taskHost);
  const ec2Of = (t: Task) => {
    const host = linkKey(relations.taskHost, t);
    return host === undefined ? undefined : hostOf(host)?.ec2InstanceId;
  };
  const tdOf = new Map(resourcesOf(topology, 'taskDefinition').map((td) => [td.id, td]));

  const out = new Map<string, Map<string, Task[]>>();
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    const byTarget = new Map<string, Task[]>();
    const index = (key: string, t: Task) => {
      const list = byTarget.get(key);
      if (!list) byTarget.set(key, [t]);
      else if (!list.includes(t)) list.push(t);
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
});

/** Joins DescribeTargetHealth to tasks (see tasksByTarget): each task's states in the target groups it is in; once per topology. */
export const targetStatesByTask = perResources((topology): Map<string, TargetState[]> => {
  const joined = tasksByTarget(topology);
  const out = new Map<string, TargetState[]>();
  for (const tg of resourcesOf(topology, 'targetGroup')) {
    const byTarget = joined.get(tg.id);
    if (!byTarget) continue;
    for (const target of tg.targets ?? []) {
      for (const t of byTarget.get(targetKey(tg, target)) ?? []) {
        const state: TargetState = { state: target.state, targetGroupId: tg.id };
        if (target.reason) state.reason = target.reason;
        const list = out.get(t.id);
        if (list) list.push(state);
        else out.set(t.id, [state]);
      }
    }
  }
  return out;
});

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
