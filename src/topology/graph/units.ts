import { resourcesOf, type Pod, type Topology, shortId } from '../model';
import { countHealth, targetStatesByTask, taskHealth, type TargetState } from './health';
import { joinOne, linkKey, relations } from './relations';
import type { GraphNode, TaskHealth } from './types';

interface UnitBase {
  id: string;
  /** The ECS service or Kubernetes workload it belongs to */
  ownerId?: string;
  /** Folding key: the service or workload, a standalone task's group, or "ns:<namespace>" for system pods */
  groupKey: string;
  label: string;
  health: TaskHealth;
  reason?: string;
  az?: string;
  subnetId?: string;
  /** ECS container instance ARN, or the EC2 instance id of the EKS node it runs on */
  hostId?: string;
  cluster: string;
}

/** An ECS task as the map draws it. */
export interface TaskUnit extends UnitBase {
  kind: 'task';
  /** Task-definition revision ("web:42") */
  revision: string;
  oldRevision: boolean;
}

/** A Kubernetes pod as the map draws it. */
export interface PodUnit extends UnitBase {
  kind: 'pod';
  namespace: string;
  /** pod-template-hash (Deployments) */
  templateHash?: string;
  oldRevision: boolean;
  restarts: number;
}

/**
 * What the map draws as one small box: an ECS task or a Kubernetes pod. Both carry the colour of what runs them
 * (an ECS service, a Kubernetes workload), a health, and where they run.
 */
export type Unit = TaskUnit | PodUnit;

/** Namespaces of the cluster's own machinery: their pods fold by default so the applications stand out. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'amazon-cloudwatch',
  'amazon-guardduty',
  'aws-observability',
  'amazon-vpc-cni',
]);

export function ecsUnits(topology: Topology): TaskUnit[] {
  const targets = targetStatesByTask(topology);
  return resourcesOf(topology, 'task').map((task) => {
    const { health, reason } = taskHealth(task, targets.get(task.id));
    const [owner] = joinOne(topology, relations.taskService, task);
    const service = owner?.to;
    const primary = service?.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinitionArn ?? service?.taskDefinitionArn;
    const subnetId = linkKey(relations.taskSubnet, task);
    const hostId = linkKey(relations.taskHost, task);
    return {
      kind: 'task',
      id: task.id,
      ...(owner ? { ownerId: owner.key } : {}),
      groupKey: owner?.key ?? task.group ?? 'standalone',
      label: service?.name ?? (owner ? shortId(owner.key) : (task.group ?? 'task')),
      health,
      ...(reason ? { reason } : {}),
      revision: shortId(task.taskDefinitionArn),
      oldRevision: primary !== undefined && primary !== task.taskDefinitionArn,
      ...(task.az ? { az: task.az } : {}),
      ...(subnetId ? { subnetId } : {}),
      ...(hostId ? { hostId } : {}),
      cluster: task.clusterArn,
    };
  });
}

/**
 * Target health of pods registered by IP (the Load Balancer Controller's ip target type), by IP: every pod at an
 * address hears of its targets, whichever cluster it is in (the row's `to` would pick one pod per address).
 */
function targetStatesByPodIp(topology: Topology): Map<string, TargetState[]> {
  const out = new Map<string, TargetState[]>();
  for (const tg of resourcesOf(topology, 'targetGroup'))
    for (const { key, via: t } of relations.targetPods.links(tg))
      out.set(key, [...(out.get(key) ?? []), { state: t.state, targetGroupId: tg.id, ...(t.reason ? { reason: t.reason } : {}) }]);
  return out;
}

/** A pod's health as the map shows it: a waiting reason or a failing target beats Running. */
export function podHealth(pod: Pod, targets: readonly TargetState[] | undefined): { health: TaskHealth; reason?: string } {
  if (pod.phase === 'Succeeded') return { health: 'stopped', reason: 'Completed' };
  if (pod.phase === 'Failed') return { health: 'unhealthy', reason: pod.status === 'Failed' ? 'Failed' : pod.status };
  if (pod.phase === 'Pending') return { health: 'pending', reason: pod.status === 'Pending' ? 'Pending' : pod.status };
  if (pod.status !== 'Running' && pod.status !== 'Completed') return { health: 'unhealthy', reason: pod.status };
  const failing = targets?.find((t) => t.state.startsWith('unhealthy'));
  if (failing) return { health: 'unhealthy', reason: failing.reason ?? 'Target unhealthy' };
  if (!pod.ready) return { health: 'unhealthy', reason: 'Not ready' };
  return { health: 'healthy' };
}

export function podUnits(topology: Topology, hiddenNamespaces: ReadonlySet<string> = new Set()): PodUnit[] {
  const targets = targetStatesByPodIp(topology);
  return resourcesOf(topology, 'pod')
    .filter((p) => !hiddenNamespaces.has(p.namespace))
    .map((pod): PodUnit => {
      const { health, reason } = podHealth(pod, pod.podIp ? targets.get(pod.podIp) : undefined);
      const [owner] = joinOne(topology, relations.podWorkload, pod);
      const system = SYSTEM_NAMESPACES.has(pod.namespace);
      const subnetId = linkKey(relations.podSubnet, pod);
      const hostId = linkKey(relations.podNode, pod);
      return {
        kind: 'pod',
        id: pod.id,
        ...(owner ? { ownerId: owner.key } : {}),
        groupKey: system ? `ns:${pod.namespace}` : (owner?.key ?? `pod:${pod.namespace}`),
        label: owner?.to?.name ?? pod.name,
        health,
        ...(reason ? { reason } : {}),
        ...(pod.revision ? { templateHash: pod.revision } : {}),
        oldRevision: pod.oldRevision,
        ...(pod.az ? { az: pod.az } : {}),
        ...(subnetId ? { subnetId } : {}),
        ...(hostId ? { hostId } : {}),
        cluster: pod.clusterArn,
        namespace: pod.namespace,
        restarts: pod.restarts,
      };
    });
}

/** Plain ordering of ids (ARNs are ASCII): stable across machines and much cheaper than localeCompare. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups items by key in one pass, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** One task or pod drawn on its own, in `color`. */
function unitNode(u: Unit, parent: string, color: number): GraphNode {
  const common = {
    id: u.id,
    parent,
    label: u.label,
    ...(u.ownerId ? { ownerId: u.ownerId } : {}),
    color,
    health: u.health,
    ...(u.reason ? { reason: u.reason } : {}),
  };
  switch (u.kind) {
    case 'task':
      return { kind: 'task', ...common, revision: u.revision, oldRevision: u.oldRevision };
    case 'pod':
      return {
        kind: 'pod',
        ...common,
        namespace: u.namespace,
        ...(u.templateHash ? { templateHash: u.templateHash } : {}),
        oldRevision: u.oldRevision,
        restarts: u.restarts,
      };
  }
}

/**
 * Tasks and pods of one container, each a node, or folded into counted groups: per service or workload when
 * `fold`, and always for the pods of a system namespace unless the user opened the group.
 */
export function placeUnits(
  out: GraphNode[],
  parent: string,
  units: readonly Unit[],
  fold: boolean,
  expanded: ReadonlySet<string>,
  colorOf: (id: string | undefined) => number,
): void {
  const sorted = [...units].sort((a, b) => byCodePoint(a.groupKey, b.groupKey) || byCodePoint(a.id, b.id));
  for (const [key, list] of groupBy(sorted, (u) => u.groupKey)) {
    const groupId = `group:${parent}:${key}`;
    const first = list[0];
    const system = key.startsWith('ns:');
    const ownerId = system ? undefined : first?.ownerId;
    if (((fold && list.length > 1) || system) && !expanded.has(groupId)) {
      const group = {
        id: groupId,
        parent,
        label: system ? key.slice(3) : (first?.label ?? key),
        ...(ownerId ? { ownerId } : {}),
        color: system ? -1 : colorOf(ownerId),
        counts: countHealth(list.map((u) => u.health)),
      };
      const ids = list.map((u) => u.id);
      // A group key names one service or workload, so a run holds tasks only or pods only.
      out.push(
        first?.kind === 'pod'
          ? { kind: 'podGroup', ...group, podIds: ids, ...(system ? { system: true } : {}) }
          : { kind: 'taskGroup', ...group, taskIds: ids },
      );
      continue;
    }
    for (const u of list) out.push(unitNode(u, parent, system ? -1 : colorOf(u.ownerId)));
  }
}
