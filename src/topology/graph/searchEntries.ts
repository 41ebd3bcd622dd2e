import { resourceOf, shortId, type Pod, type Resource, type ResourceKind, type Task, type Topology } from '../model';
import { targetStatesByTask, taskHealth } from './health';

/** States a person searches by as well as by name: `unhealthy`, `crash`, `pending`, `deploying`, `stopped`, `degraded`. */
export type SearchState = 'unhealthy' | 'crashloop' | 'pending' | 'deploying' | 'stopped' | 'degraded';

/** The groups results are listed in, in this order, each under its heading. */
export type SearchGroupKind = 'service' | 'task' | 'workload' | 'pod' | 'loadBalancer' | 'targetGroup' | 'cluster' | 'node' | 'network';
export const GROUP_HEADINGS: Record<SearchGroupKind, string> = {
  service: 'Services',
  task: 'Tasks',
  workload: 'Workloads',
  pod: 'Pods',
  loadBalancer: 'Load balancers',
  targetGroup: 'Target groups',
  cluster: 'Clusters',
  node: 'Nodes',
  network: 'VPCs and subnets',
};
export const GROUP_ORDER = Object.keys(GROUP_HEADINGS) as SearchGroupKind[];

export interface SearchHit {
  id: string;
  kind: ResourceKind;
  /** What a person calls it, shown first: a task by its service, a pod by its workload */
  name: string;
  /** What tells it apart from its siblings of the same name: a pod's generated suffix */
  suffix?: string;
  /** Where it runs and how it is, e.g. "us-east-1b · 10.0.14.13 · unhealthy · 73d96cdb" */
  detail: string;
  states: SearchState[];
}

export interface SearchGroup {
  kind: SearchGroupKind;
  heading: string;
  hits: SearchHit[];
  /** Hits in the group before the limit */
  total: number;
}

export interface Entry extends SearchHit {
  group: SearchGroupKind;
  /** Name, id, IPs, DNS names and tag values, matched anywhere (in lower case, ARNs by searchTerm) */
  terms: string[];
}

/**
 * An ARN's account, region and cluster are in every ARN of the estate, so an ARN is matched by its last segment, and
 * whole only by a query written like an ARN or a path (with ":" or "/").
 */
export const searchTerm = (term: string) => (term.startsWith('arn:') ? shortId(term) : term);
export const looksLikePath = (q: string) => q.includes(':') || q.includes('/');

const words = (...parts: (string | false | undefined)[]) => parts.filter((p): p is string => !!p).join(' · ');
const when = (flag: boolean, state: SearchState): SearchState[] => (flag ? [state] : []);

/** Derived facts several entries need, built once per topology. */
export interface Context {
  topology: Topology;
  targetStates: ReturnType<typeof targetStatesByTask>;
}

function taskEntry(t: Task, ctx: Context): Entry {
  const service = resourceOf(ctx.topology, 'service', t.serviceArn)?.name ?? t.group?.replace(/^service:/, '') ?? shortId(t.taskDefinitionArn);
  const { health } = taskHealth(t, ctx.targetStates.get(t.id));
  const shown = health === 'healthy' || health === 'unknown' ? undefined : health;
  return {
    id: t.id,
    kind: 'task',
    group: 'task',
    name: service,
    detail: words(t.az, t.privateIp, shown, shortId(t.id).slice(0, 8)),
    states: [...when(health === 'unhealthy', 'unhealthy'), ...when(health === 'pending', 'pending'), ...when(health === 'stopped', 'stopped')],
    terms: [t.id, service, t.group, t.privateIp, t.eniId].filter((s): s is string => !!s),
  };
}

/** A pod's generated name less its workload and ReplicaSet hash: "payments-hkbgfcbmfk-924b7" → "924b7". */
function podSuffix(pod: Pod, workload: string): string | undefined {
  if (!pod.name.startsWith(`${workload}-`)) return undefined;
  const rest = pod.name.slice(workload.length + 1);
  return pod.revision && rest.startsWith(`${pod.revision}-`) ? rest.slice(pod.revision.length + 1) : rest;
}

function podEntry(p: Pod, ctx: Context): Entry {
  const workload = resourceOf(ctx.topology, 'workload', p.workloadId)?.name ?? p.owners.at(-1)?.split(' ').pop() ?? p.name;
  const suffix = podSuffix(p, workload);
  const crashing = [p.status, ...p.containerStatuses.map((c) => c.reason)].some((r) => r === 'CrashLoopBackOff');
  return {
    id: p.id,
    kind: 'pod',
    group: 'pod',
    name: suffix ? workload : p.name,
    ...(suffix ? { suffix } : {}),
    detail: words(p.namespace, p.status !== 'Running' && p.status, p.restarts > 0 && `${p.restarts} restarts`, p.podIp, p.az, p.oldRevision && 'old revision'),
    states: [
      ...when(crashing, 'crashloop'),
      ...when(crashing || p.phase === 'Failed' || (p.phase === 'Running' && !p.ready), 'unhealthy'),
      ...when(p.phase === 'Pending', 'pending'),
    ],
    terms: [p.name, `${p.namespace}/${p.name}`, p.status, p.podIp, p.nodeName].filter((s): s is string => !!s),
  };
}

/** The load balancer states of DescribeLoadBalancers: State.Code, as search states. */
const LOAD_BALANCER_STATES: Record<string, SearchState> = { provisioning: 'pending', active_impaired: 'degraded', failed: 'unhealthy' };

export function entry(r: Resource, ctx: Context): Entry | undefined {
  const base = { id: r.id, kind: r.kind, states: [] as SearchState[] };
  switch (r.kind) {
    case 'service': {
      const cluster = resourceOf(ctx.topology, 'cluster', r.clusterArn)?.name ?? shortId(r.clusterArn);
      const deploying = r.deployments.some((d) => d.rolloutState === 'IN_PROGRESS') || r.deployments.filter((d) => d.status !== 'INACTIVE').length > 1;
      const degraded = r.status === 'ACTIVE' && r.running < r.desired;
      return {
        ...base,
        group: 'service',
        name: r.name,
        detail: words(`${r.running}/${r.desired} running`, r.pending > 0 && `${r.pending} pending`, deploying && 'deploying', cluster),
        states: [...when(degraded, 'degraded'), ...when(r.pending > 0, 'pending'), ...when(deploying, 'deploying')],
        terms: [r.name, r.id],
      };
    }
    case 'task':
      return taskEntry(r, ctx);
    case 'pod':
      return podEntry(r, ctx);
    case 'workload': {
      const deploying = r.updated !== undefined && r.updated < r.desired;
      return {
        ...base,
        group: 'workload',
        name: r.name,
        detail: words(r.workloadKind, r.namespace, `${r.ready}/${r.desired} ready`, deploying && `${r.updated ?? 0} updated`),
        states: [...when(r.ready < r.desired, 'degraded'), ...when(deploying, 'deploying')],
        // Selector labels ("app=payments") are the workload's tag values.
        terms: [r.name, `${r.namespace}/${r.name}`, r.id, ...r.selector],
      };
    }
    case 'loadBalancer': {
      const state = LOAD_BALANCER_STATES[r.state ?? ''];
      return {
        ...base,
        group: 'loadBalancer',
        name: r.name,
        detail: words(r.type, r.scheme, state, r.dnsName),
        states: state ? [state] : [],
        terms: [r.name, r.id, r.dnsName ?? ''],
      };
    }
    case 'targetGroup': {
      const targets = r.targets ?? [];
      const unhealthy = targets.filter((t) => t.state.startsWith('unhealthy')).length;
      const healthy = targets.filter((t) => t.state === 'healthy').length;
      return {
        ...base,
        group: 'targetGroup',
        name: r.name,
        detail: words(`${r.protocol ?? ''}:${r.port ?? ''}`, r.targets && `${healthy}/${targets.length} healthy`, unhealthy > 0 && `${unhealthy} unhealthy`),
        states: when(unhealthy > 0, 'unhealthy'),
        // A target's IP or instance id finds the groups it is registered in.
        terms: [r.name, r.id, ...targets.map((t) => t.id)],
      };
    }
    case 'cluster':
      return {
        ...base,
        group: 'cluster',
        name: r.name,
        detail: words('ECS', `${r.activeServices} services`, `${r.runningTasks} tasks`),
        terms: [r.name, r.id],
      };
    case 'eksCluster':
      return {
        ...base,
        group: 'cluster',
        name: r.name,
        detail: words(`EKS ${r.version ?? ''}`.trim(), r.status !== 'ACTIVE' && r.status),
        states: [...when(r.status === 'FAILED', 'unhealthy'), ...when(r.status === 'UPDATING', 'deploying')],
        terms: [r.name, r.id],
      };
    case 'nodeGroup': {
      const degraded = r.status === 'DEGRADED' || r.healthIssues.length > 0;
      return {
        ...base,
        group: 'node',
        name: r.name,
        detail: words('node group', r.capacityType, `${r.scaling.desired} desired`, r.status !== 'ACTIVE' && r.status),
        states: when(degraded, 'degraded'),
        terms: [r.name, r.id, ...r.autoScalingGroups],
      };
    }
    case 'containerInstance':
      return {
        ...base,
        group: 'node',
        name: r.ec2InstanceId ?? shortId(r.id),
        detail: words('ECS instance', r.instanceType, r.privateIp, r.az, !r.agentConnected && 'agent disconnected', r.status !== 'ACTIVE' && r.status),
        states: when(!r.agentConnected, 'unhealthy'),
        terms: [r.id, r.ec2InstanceId, r.privateIp].filter((s): s is string => !!s),
      };
    case 'eksNode':
      return {
        ...base,
        group: 'node',
        name: r.name,
        detail: words('EKS node', r.instanceType, r.privateIp, r.az, r.nodeGroupName, r.state !== 'running' && r.state, r.kube?.ready === false && 'not ready'),
        states: [...when(r.kube?.ready === false, 'unhealthy'), ...when(r.state === 'stopped', 'stopped'), ...when(r.state === 'pending', 'pending')],
        // nodeGroupName is the instance's eks:nodegroup-name tag.
        terms: [r.name, r.id, r.privateIp, r.nodeGroupName].filter((s): s is string => !!s),
      };
    case 'vpc':
      return { ...base, group: 'network', name: r.name ?? r.id, detail: words('VPC', r.cidrBlock, r.name && r.id), terms: [r.name ?? '', r.id, r.cidrBlock] };
    case 'subnet':
      return {
        ...base,
        group: 'network',
        name: r.name ?? r.id,
        detail: words(r.public ? 'public subnet' : 'private subnet', r.cidrBlock, r.az, r.availableIps !== undefined && `${r.availableIps} free IPs`),
        terms: [r.name ?? '', r.id, r.cidrBlock],
      };
    // Not drawn as boxes of their own, so picking one would have nothing to bring into view.
    case 'region':
    case 'az':
    case 'taskDefinition':
    case 'fargateProfile':
    case 'kubeService':
    case 'ingress':
      return undefined;
  }
}

export const searchContext = (topology: Topology): Context => ({ topology, targetStates: targetStatesByTask(topology) });

/**
 * The kinds entry() makes entries of, in the order the kinds sort (the order entries are listed in before ranking,
 * so the last tie-break stays the same): the table names every kind so a new one is a compile error until placed.
 */
const SEARCHED: Record<ResourceKind, boolean> = {
  cluster: true,
  containerInstance: true,
  eksCluster: true,
  eksNode: true,
  loadBalancer: true,
  nodeGroup: true,
  pod: true,
  service: true,
  subnet: true,
  targetGroup: true,
  task: true,
  vpc: true,
  workload: true,
  region: false,
  az: false,
  taskDefinition: false,
  fargateProfile: false,
  kubeService: false,
  ingress: false,
};
export const SEARCHED_KINDS = (Object.keys(SEARCHED) as ResourceKind[]).filter((k) => SEARCHED[k]).sort();
