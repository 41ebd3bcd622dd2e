import { resourcesOf, type Pod, type Service, type Topology, shortId } from '../model';
import { countHealth, targetStatesByTask, taskHealth, type TargetState } from './health';
import { perResources } from './memo';
import { linkKey, lookup, relations } from './relations';
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

/** Every task as a unit, once per topology: opening a group or switching the view reuses them. */
const taskUnitsOf = perResources((topology): readonly TaskUnit[] => {
  const targets = targetStatesByTask(topology);
  const serviceOf = lookup(topology, relations.taskService);
  /** Per service, its primary deployment's task definition: looked up once, not once per task */
  const primaryOf = new Map<string, string | undefined>();
  const primary = (service: Service) => {
    if (primaryOf.has(service.id)) return primaryOf.get(service.id);
    const arn = service.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinitionArn ?? service.taskDefinitionArn;
    primaryOf.set(service.id, arn);
    return arn;
  };
  return resourcesOf(topology, 'task').map((task) => {
    const { health, reason } = taskHealth(task, targets.get(task.id));
    const ownerId = linkKey(relations.taskService, task);
    const service = ownerId === undefined ? undefined : serviceOf(ownerId);
    const current = service ? primary(service) : undefined;
    // Optional keys are set one by one: spreading them costs most of the time of a 10,000-task build.
    const unit: TaskUnit = {
      kind: 'task',
      id: task.id,
      groupKey: ownerId ?? task.group ?? 'standalone',
      label: service?.name ?? (ownerId !== undefined ? shortId(ownerId) : (task.group ?? 'task')),
      health,
      revision: shortId(task.taskDefinitionArn),
      oldRevision: current !== undefined && current !== task.taskDefinitionArn,
      cluster: task.clusterArn,
    };
    if (ownerId !== undefined) unit.ownerId = ownerId;
    if (reason) unit.reason = reason;
    if (task.az) unit.az = task.az;
    const subnetId = linkKey(relations.taskSubnet, task);
    if (subnetId) unit.subnetId = subnetId;
    const hostId = linkKey(relations.taskHost, task);
    if (hostId) unit.hostId = hostId;
    return unit;
  });
});

/** The map's tasks (a new array each call; the units are shared, and nothing changes them). */
export function ecsUnits(topology: Topology): TaskUnit[] {
  return [...taskUnitsOf(topology)];
}

/**
 * Target health of pods registered by IP (the Load Balancer Controller's ip target type), by IP: every pod at an
 * address hears of its targets, whichever cluster it is in (the row's `to` would pick one pod per address).
 */
function targetStatesByPodIp(topology: Topology, pods: readonly Pod[]): Map<string, TargetState[]> {
  const out = new Map<string, TargetState[]>();
  // Only the pods' addresses are looked up: an ECS task's ip target is no pod's business.
  const ips = new Set(pods.map((p) => p.podIp));
  for (const tg of resourcesOf(topology, 'targetGroup'))
    for (const { key, via: t } of relations.targetPods.links(tg)) {
      if (!ips.has(key)) continue;
      const state: TargetState = { state: t.state, targetGroupId: tg.id };
      if (t.reason) state.reason = t.reason;
      const list = out.get(key);
      if (list) list.push(state);
      else out.set(key, [state]);
    }
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

/** Every pod as a unit, once per topology: the namespace filter then only picks among them. */
const podUnitsOf = perResources((topology): readonly PodUnit[] => {
  const pods = resourcesOf(topology, 'pod');
  const targets = targetStatesByPodIp(topology, pods);
  const workloadOf = lookup(topology, relations.podWorkload);
  return pods.map((pod): PodUnit => {
    const { health, reason } = podHealth(pod, pod.podIp ? targets.get(pod.podIp) : undefined);
    const ownerId = linkKey(relations.podWorkload, pod);
    const workload = ownerId === undefined ? undefined : workloadOf(ownerId);
    const system = SYSTEM_NAMESPACES.has(pod.namespace);
    // Optional keys are set one by one, as in ecsUnits.
    const unit: PodUnit = {
      kind: 'pod',
      id: pod.id,
      groupKey: system ? `ns:${pod.namespace}` : (ownerId ?? `pod:${pod.namespace}`),
      label: workload?.name ?? pod.name,
      health,
      oldRevision: pod.oldRevision,
      cluster: pod.clusterArn,
      namespace: pod.namespace,
      restarts: pod.restarts,
    };
    if (ownerId !== undefined) unit.ownerId = ownerId;
    if (reason) unit.reason = reason;
    if (pod.revision) unit.templateHash = pod.revision;
    if (pod.az) unit.az = pod.az;
    const subnetId = linkKey(relations.podSubnet, pod);
    if (subnetId) unit.subnetId = subnetId;
    const hostId = linkKey(relations.podNode, pod);
    if (hostId) unit.hostId = hostId;
    return unit;
  });
});

/** The map's pods, but those of the hidden namespaces (a new array each call, as ecsUnits). */
export function podUnits(topology: Topology, hiddenNamespaces: ReadonlySet<string> = new Set()): PodUnit[] {
  const all = podUnitsOf(topology);
  return hiddenNamespaces.size ? all.filter((u) => !hiddenNamespaces.has(u.namespace)) : [...all];
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

type TaskNode = Extract<GraphNode, { kind: 'task' }>;
type PodNode = Extract<GraphNode, { kind: 'pod' }>;

/** What a task node and a pod node share, after id, parent and label: set key by key, optional keys only when present. */
function unitFields(n: Partial<Pick<TaskNode | PodNode, 'ownerId' | 'color' | 'health' | 'reason'>>, u: Unit, color: number): void {
  if (u.ownerId) n.ownerId = u.ownerId;
  n.color = color;
  n.health = u.health;
  if (u.reason) n.reason = u.reason;
}

/**
 * One task or pod drawn on its own, in `color`. Built key by key rather than by spreading optional parts: this runs
 * for every unit drawn and the spreads cost more than the rest of it; the keys keep the graph's order (kind, id,
 * parent, label, ownerId, color, health, reason, then the kind's own).
 */
function unitNode(u: Unit, parent: string, color: number): GraphNode {
  switch (u.kind) {
    case 'task': {
      const n: Partial<TaskNode> = { kind: 'task', id: u.id, parent, label: u.label };
      unitFields(n, u, color);
      n.revision = u.revision;
      n.oldRevision = u.oldRevision;
      return n as TaskNode;
    }
    case 'pod': {
      const n: Partial<PodNode> = { kind: 'pod', id: u.id, parent, label: u.label };
      unitFields(n, u, color);
      n.namespace = u.namespace;
      if (u.templateHash) n.templateHash = u.templateHash;
      n.oldRevision = u.oldRevision;
      n.restarts = u.restarts;
      return n as PodNode;
    }
  }
}

type TaskGroupNode = Extract<GraphNode, { kind: 'taskGroup' }>;
type PodGroupNode = Extract<GraphNode, { kind: 'podGroup' }>;

/** What both folded groups share, after id and parent, set key by key like unitFields. */
function groupFields(
  n: Partial<Pick<TaskGroupNode | PodGroupNode, 'label' | 'ownerId' | 'color' | 'counts'>>,
  key: string,
  list: readonly Unit[],
  colorOf: (id: string | undefined) => number,
): void {
  const system = key.startsWith('ns:');
  const first = list[0];
  const ownerId = system ? undefined : first?.ownerId;
  n.label = system ? key.slice(3) : (first?.label ?? key);
  if (ownerId) n.ownerId = ownerId;
  n.color = system ? -1 : colorOf(ownerId);
  n.counts = countHealth(list.map((u) => u.health));
}

/** A folded run of tasks; keys in the graph's order (kind, id, parent, label, ownerId, color, counts, taskIds). */
function taskGroup(id: string, parent: string, key: string, list: readonly Unit[], colorOf: (id: string | undefined) => number): GraphNode {
  const n: Partial<TaskGroupNode> = { kind: 'taskGroup', id, parent };
  groupFields(n, key, list, colorOf);
  n.taskIds = list.map((u) => u.id);
  return n as TaskGroupNode;
}

/** A folded run of pods, and of a system namespace's pods, marked so. */
function podGroup(id: string, parent: string, key: string, list: readonly Unit[], colorOf: (id: string | undefined) => number): GraphNode {
  const n: Partial<PodGroupNode> = { kind: 'podGroup', id, parent };
  groupFields(n, key, list, colorOf);
  n.podIds = list.map((u) => u.id);
  if (key.startsWith('ns:')) n.system = true;
  return n as PodGroupNode;
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
  // Runs in groupKey order, each in id order: grouping first sorts a few keys and short, mostly sorted runs.
  const byGroup = groupBy(units, (u) => u.groupKey);
  for (const key of [...byGroup.keys()].sort(byCodePoint)) {
    const list = (byGroup.get(key) ?? []).sort((a, b) => byCodePoint(a.id, b.id));
    const groupId = `group:${parent}:${key}`;
    const system = key.startsWith('ns:');
    if (((fold && list.length > 1) || system) && !expanded.has(groupId)) {
      // A group key names one service or workload, so a run holds tasks only or pods only.
      out.push(list[0]?.kind === 'pod' ? podGroup(groupId, parent, key, list, colorOf) : taskGroup(groupId, parent, key, list, colorOf));
      continue;
    }
    for (const u of list) out.push(unitNode(u, parent, system ? -1 : colorOf(u.ownerId)));
  }
}
