import { resourcesOf, type EksNode, type Service, type Task, type Topology } from '../model';
import { countHealth, targetStatesByTask, taskHealth } from './health';
import type { Graph, GraphEdge, GraphNode, TaskHealth, View } from './types';

/** Past this many tasks in one subnet (network view) or one service (service view), tasks fold per service. */
export const FOLD_SUBNET_AT = 24;
export const FOLD_SERVICE_AT = 16;
export const PALETTE_SIZE = 12;

export interface GraphOptions {
  view: View;
  /** Folded groups the user opened (taskGroup ids) */
  expanded: ReadonlySet<string>;
}

interface TaskInfo {
  task: Task;
  health: TaskHealth;
  reason?: string;
  revision: string;
  oldRevision: boolean;
}

const revisionOf = (arn: string) => arn.split('/').pop() ?? arn;

/** Plain ordering of ids (ARNs are ASCII): stable across machines and much cheaper than localeCompare. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups items by key in one pass, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
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
const short = (arn: string) => arn.split('/').pop() ?? arn;

/** A rule as the map labels it: its path conditions, or the listener's protocol and port for a default action. */
function ruleLabel(listener: { protocol?: string | undefined; port?: number | undefined }, rule: { conditions: string[] }): string {
  return rule.conditions.length ? rule.conditions.map((c) => c.replace(/^path-pattern /, '')).join(' ') : `${listener.protocol ?? ''}:${listener.port ?? ''}`;
}

/** Per target group, the load balancer rules that send traffic to it, as "lb-name condition". */
function routesByTargetGroup(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const lb of resourcesOf(topology, 'loadBalancer')) {
    for (const listener of lb.listeners) {
      for (const rule of listener.rules) {
        const what = ruleLabel(listener, rule);
        for (const t of rule.targets) {
          const list = out.get(t.targetGroupArn) ?? [];
          const route = `${lb.name} ${what}`;
          if (!list.includes(route)) list.push(route);
          out.set(t.targetGroupArn, list);
        }
      }
    }
  }
  return out;
}

function serviceRoutes(s: Service, routes: Map<string, string[]>, tgNames: Map<string, string>): string[] {
  return s.loadBalancers.flatMap((b) => {
    if (!b.targetGroupArn) return [];
    const tg = tgNames.get(b.targetGroupArn) ?? short(b.targetGroupArn);
    const via = routes.get(b.targetGroupArn) ?? [];
    return via.length ? via.map((r) => `${r} → ${tg}`) : [`${tg} (no listener rule)`];
  });
}

function serviceDetail(s: Service): string {
  const placement = s.launchType ?? s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+');
  return `${s.running}/${s.desired} running${placement ? ` · ${placement}` : ''}`;
}

/** Task facts every view needs: health joined from target health, revision, whether it runs an older revision. */
function taskInfos(topology: Topology): TaskInfo[] {
  const targets = targetStatesByTask(topology);
  const services = new Map(resourcesOf(topology, 'service').map((s) => [s.id, s]));
  return resourcesOf(topology, 'task').map((task) => {
    const { health, reason } = taskHealth(task, targets.get(task.id));
    const service = task.serviceArn ? services.get(task.serviceArn) : undefined;
    const primary = service?.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinitionArn ?? service?.taskDefinitionArn;
    return {
      task,
      health,
      ...(reason ? { reason } : {}),
      revision: revisionOf(task.taskDefinitionArn),
      oldRevision: primary !== undefined && primary !== task.taskDefinitionArn,
    };
  });
}

/** Tasks of one container, in place (each a node) or folded per service into counted groups. */
function placeTasks(
  out: GraphNode[],
  parent: string,
  infos: TaskInfo[],
  fold: boolean,
  expanded: ReadonlySet<string>,
  colorOf: (id: string | undefined) => number,
  names: Map<string, string>,
): void {
  const sorted = [...infos].sort((a, b) => byCodePoint(a.task.serviceArn ?? '~', b.task.serviceArn ?? '~') || byCodePoint(a.task.id, b.task.id));
  const groups = groupBy(sorted, (info) => info.task.serviceArn ?? info.task.group ?? 'standalone');
  for (const [key, list] of groups) {
    const groupId = `group:${parent}:${key}`;
    const serviceId = list[0]?.task.serviceArn;
    if (fold && list.length > 1 && !expanded.has(groupId)) {
      out.push({
        kind: 'taskGroup',
        id: groupId,
        parent,
        label: serviceId ? (names.get(serviceId) ?? short(serviceId)) : key,
        ...(serviceId ? { serviceId } : {}),
        color: colorOf(serviceId),
        counts: countHealth(list.map((i) => i.health)),
        taskIds: list.map((i) => i.task.id),
      });
      continue;
    }
    for (const info of list) {
      out.push({
        kind: 'task',
        id: info.task.id,
        parent,
        label: serviceId ? (names.get(serviceId) ?? short(serviceId)) : (info.task.group ?? 'task'),
        ...(serviceId ? { serviceId } : {}),
        color: colorOf(serviceId),
        health: info.health,
        revision: info.revision,
        oldRevision: info.oldRevision,
        ...(info.reason ? { reason: info.reason } : {}),
      });
    }
  }
}

function bandNodes(
  topology: Topology,
  infos: TaskInfo[],
  colorOf: (id: string | undefined) => number,
  withServices: boolean,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges = new Map<string, GraphEdge>();
  const tgs = resourcesOf(topology, 'targetGroup');
  const unhealthyTg = new Set(tgs.filter((tg) => tg.targets?.some((t) => t.state.startsWith('unhealthy'))).map((tg) => tg.id));
  for (const lb of resourcesOf(topology, 'loadBalancer')) {
    nodes.push({ kind: 'loadBalancer', id: lb.id, label: lb.name, lbType: lb.type, scheme: lb.scheme, azs: [...new Set(lb.zones.map((z) => z.az))].sort() });
    for (const listener of lb.listeners) {
      for (const rule of listener.rules) {
        for (const target of rule.targets) {
          const id = `${lb.id}->${target.targetGroupArn}`;
          const what = ruleLabel(listener, rule);
          const prev = edges.get(id);
          edges.set(id, {
            id,
            source: lb.id,
            target: target.targetGroupArn,
            kind: 'route',
            label: prev?.label ? `${prev.label}, ${what}` : what,
            unhealthy: unhealthyTg.has(target.targetGroupArn),
          });
        }
      }
    }
  }
  for (const tg of tgs) {
    const states = (tg.targets ?? []).map((t): TaskHealth =>
      t.state === 'healthy' ? 'healthy' : t.state.startsWith('unhealthy') ? 'unhealthy' : t.state === 'initial' ? 'pending' : 'unknown',
    );
    nodes.push({
      kind: 'targetGroup',
      id: tg.id,
      label: tg.name,
      detail: `${tg.protocol ?? ''}:${tg.port ?? ''} · ${tg.targetType}`,
      counts: countHealth(states),
      unreadable: tg.targets === undefined,
    });
  }
  const routes = routesByTargetGroup(topology);
  const tgNames = new Map(tgs.map((tg) => [tg.id, tg.name]));
  if (withServices) {
    const byService = groupBy(infos, (i) => i.task.serviceArn);
    for (const s of resourcesOf(topology, 'service')) {
      const mine = (byService.get(s.id) ?? []).filter((i) => i.health !== 'stopped');
      const azCounts: Record<string, number> = {};
      for (const i of mine) if (i.task.az) azCounts[i.task.az] = (azCounts[i.task.az] ?? 0) + 1;
      nodes.push({
        kind: 'service',
        id: s.id,
        label: s.name,
        color: colorOf(s.id),
        detail: serviceDetail(s),
        azCounts,
        deploying: s.deployments.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
        unhealthy: mine.filter((i) => i.health === 'unhealthy').length,
        routes: serviceRoutes(s, routes, tgNames),
      });
    }
  }
  // In the service view the services are boxes outside the band; target groups still point at them.
  const known = new Set([...nodes.map((n) => n.id), ...(withServices ? [] : resourcesOf(topology, 'service').map((s) => s.id))]);
  for (const s of resourcesOf(topology, 'service')) {
    for (const binding of s.loadBalancers) {
      const tg = binding.targetGroupArn;
      if (!tg || !known.has(tg) || !known.has(s.id)) continue;
      edges.set(`${tg}->${s.id}`, { id: `${tg}->${s.id}`, source: tg, target: s.id, kind: 'serves', unhealthy: unhealthyTg.has(tg) });
    }
  }
  return { nodes, edges: [...edges.values()].filter((e) => known.has(e.source) && known.has(e.target)) };
}

function networkGraph(
  topology: Topology,
  options: GraphOptions,
  infos: TaskInfo[],
  colorOf: (id: string | undefined) => number,
  names: Map<string, string>,
): Graph {
  const nodes: GraphNode[] = [];
  const subnets = resourcesOf(topology, 'subnet');
  const vpcs = resourcesOf(topology, 'vpc');
  const knownSubnets = new Set(subnets.map((s) => s.id));
  const instances = resourcesOf(topology, 'containerInstance');
  // Tasks whose subnet could not be read still count: they sit in an "unknown subnet" box of their AZ.
  const bySubnet = groupBy(infos, (i) => (i.task.subnetId && knownSubnets.has(i.task.subnetId) ? i.task.subnetId : undefined));
  const unplaced = groupBy(infos, (i) => (i.task.subnetId && knownSubnets.has(i.task.subnetId) ? undefined : (i.task.az ?? 'unknown')));
  const hostsBySubnet = groupBy(instances, (i) => i.subnetId);
  const eksNodesBySubnet = groupBy(resourcesOf(topology, 'eksNode'), (n) => n.subnetId);
  const azs = [...new Set([...subnets.map((s) => s.az), ...unplaced.keys()])].sort();
  const vpcIds = vpcs.length ? vpcs.map((v) => v.id) : ['vpc:unknown'];
  for (const vpcId of vpcIds) {
    const vpc = vpcs.find((v) => v.id === vpcId);
    nodes.push({ kind: 'vpc', id: vpcId, label: vpc ? `${vpc.name ?? vpc.id}` : 'VPC not readable', cidr: vpc?.cidrBlock ?? '' });
    const mySubnets = subnets.filter((s) => s.vpcId === vpcId || (!vpc && !vpcs.some((v) => v.id === s.vpcId)));
    const first = vpcId === vpcIds[0];
    for (const az of azs) {
      const inAz = mySubnets.filter((s) => s.az === az).sort((a, b) => Number(b.public) - Number(a.public) || (a.name ?? a.id).localeCompare(b.name ?? b.id));
      const lost = first ? (unplaced.get(az) ?? []) : [];
      if (!inAz.length && !lost.length) continue;
      const azId = `az:${vpcId}:${az}`;
      const zone = resourcesOf(topology, 'az').find((z) => z.id === az);
      nodes.push({ kind: 'az', id: azId, parent: vpcId, label: az, ...(zone?.zoneId ? { zoneId: zone.zoneId } : {}) });
      for (const subnet of inAz) {
        const tasks = bySubnet.get(subnet.id) ?? [];
        const fold = tasks.length > FOLD_SUBNET_AT;
        nodes.push({
          kind: 'subnet',
          id: subnet.id,
          parent: azId,
          label: subnet.name ?? subnet.id,
          cidr: subnet.cidrBlock,
          public: subnet.public,
          az,
          taskCount: tasks.length,
        });
        const hosts = hostsBySubnet.get(subnet.id) ?? [];
        const tasksByHost = groupBy(tasks, (t) => t.task.containerInstanceArn);
        for (const host of hosts) {
          nodes.push({
            kind: 'instance',
            id: host.id,
            parent: subnet.id,
            label: host.ec2InstanceId ?? short(host.id),
            instanceType: host.instanceType ?? '',
            cpu: `${host.registered.cpu - host.remaining.cpu}/${host.registered.cpu}`,
            memory: `${host.registered.memory - host.remaining.memory}/${host.registered.memory}`,
            resourceId: host.id,
          });
          placeTasks(nodes, host.id, tasksByHost.get(host.id) ?? [], fold, options.expanded, colorOf, names);
        }
        const hostIds = new Set(hosts.map((h) => h.id));
        for (const node of eksNodesBySubnet.get(subnet.id) ?? []) nodes.push(eksNodeOf(node, subnet.id, topology));
        placeTasks(
          nodes,
          subnet.id,
          tasks.filter((t) => !(t.task.containerInstanceArn && hostIds.has(t.task.containerInstanceArn))),
          fold,
          options.expanded,
          colorOf,
          names,
        );
      }
      if (lost.length) {
        const id = `subnet:unknown:${az}`;
        nodes.push({ kind: 'subnet', id, parent: azId, label: 'subnet not readable', cidr: '', public: false, az, taskCount: lost.length });
        placeTasks(nodes, id, lost, lost.length > FOLD_SUBNET_AT, options.expanded, colorOf, names);
      }
    }
  }
  const band = bandNodes(topology, infos, colorOf, true);
  return { view: 'network', nodes: [...nodes, ...band.nodes], edges: band.edges, azs };
}

function serviceGraph(
  topology: Topology,
  options: GraphOptions,
  infos: TaskInfo[],
  colorOf: (id: string | undefined) => number,
  names: Map<string, string>,
): Graph {
  const nodes: GraphNode[] = [];
  const services = groupBy(resourcesOf(topology, 'service'), (s) => s.clusterArn);
  const byService = groupBy(infos, (i) => i.task.serviceArn);
  const routes = routesByTargetGroup(topology);
  const tgNames = new Map(resourcesOf(topology, 'targetGroup').map((tg) => [tg.id, tg.name]));
  const standaloneByCluster = groupBy(infos, (i) => (i.task.serviceArn ? undefined : i.task.clusterArn));
  for (const cluster of resourcesOf(topology, 'cluster')) {
    const placement = cluster.capacityProviders.length
      ? cluster.capacityProviders.join(', ')
      : cluster.containerInstances
        ? `${cluster.containerInstances} EC2 instances`
        : 'no capacity providers';
    nodes.push({
      kind: 'cluster',
      id: cluster.id,
      label: cluster.name,
      engine: 'ecs',
      detail: `${cluster.activeServices} services · ${cluster.runningTasks} tasks · ${placement}`,
    });
    for (const s of services.get(cluster.id) ?? []) {
      const mine = byService.get(s.id) ?? [];
      const azCounts: Record<string, number> = {};
      for (const i of mine) if (i.task.az && i.health !== 'stopped') azCounts[i.task.az] = (azCounts[i.task.az] ?? 0) + 1;
      nodes.push({
        kind: 'service',
        id: s.id,
        parent: cluster.id,
        label: s.name,
        color: colorOf(s.id),
        detail: serviceDetail(s),
        azCounts,
        deploying: s.deployments.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
        unhealthy: mine.filter((i) => i.health === 'unhealthy').length,
        routes: serviceRoutes(s, routes, tgNames),
      });
      placeTasks(nodes, s.id, mine, mine.length > FOLD_SERVICE_AT, options.expanded, colorOf, names);
    }
    const standalone = standaloneByCluster.get(cluster.id) ?? [];
    if (standalone.length) placeTasks(nodes, cluster.id, standalone, standalone.length > FOLD_SERVICE_AT, options.expanded, colorOf, names);
  }
  for (const eks of resourcesOf(topology, 'eksCluster')) {
    const groups = resourcesOf(topology, 'nodeGroup').filter((g) => g.clusterArn === eks.id);
    const profiles = resourcesOf(topology, 'fargateProfile').filter((f) => f.clusterArn === eks.id);
    const members = resourcesOf(topology, 'eksNode').filter((n) => n.clusterArn === eks.id);
    nodes.push({
      kind: 'cluster',
      id: eks.id,
      label: eks.name,
      engine: 'eks',
      detail: `EKS ${eks.version ?? ''} · ${groups.length} node groups · ${profiles.length} Fargate profiles · ${members.length} nodes`,
    });
    for (const n of members) nodes.push(eksNodeOf(n, eks.id, topology));
  }
  const band = bandNodes(topology, infos, colorOf, false);
  return { view: 'service', nodes: [...nodes, ...band.nodes], edges: band.edges, azs: [...new Set(infos.map((i) => i.task.az ?? ''))].filter(Boolean).sort() };
}

/** An EKS worker node as the map draws it, inside `parent` (its subnet, or its cluster in the service view). */
function eksNodeOf(n: EksNode, parent: string, topology: Topology): GraphNode {
  const cluster = resourcesOf(topology, 'eksCluster').find((c) => c.id === n.clusterArn);
  const group = n.nodeGroupArn ? resourcesOf(topology, 'nodeGroup').find((g) => g.id === n.nodeGroupArn) : undefined;
  return {
    kind: 'node',
    id: n.id,
    parent,
    label: n.name.split('.')[0] ?? n.name,
    cluster: cluster?.name ?? short(n.clusterArn),
    nodeGroup: group?.name ?? 'self-managed',
    instanceType: n.instanceType ?? '',
    spot: n.lifecycle === 'spot',
    state: n.state,
  };
}

/** Pure: topology and view → nodes (parents first), edges and containment. */
export function buildGraph(topology: Topology, options: GraphOptions): Graph {
  const infos = taskInfos(topology);
  const services = resourcesOf(topology, 'service');
  const colors = new Map(services.map((s, i) => [s.id, i % PALETTE_SIZE]));
  const names = new Map(services.map((s) => [s.id, s.name]));
  const colorOf = (id: string | undefined) => (id === undefined ? -1 : (colors.get(id) ?? -1));
  return options.view === 'network' ? networkGraph(topology, options, infos, colorOf, names) : serviceGraph(topology, options, infos, colorOf, names);
}
