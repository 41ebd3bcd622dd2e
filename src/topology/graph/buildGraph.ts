import { resourcesOf, type Service, type Topology, type Workload, shortId } from '../model';
import { ecsClusterDetail, ecsClusters } from './clusters';
import { eksNodeOf } from './eksNode';
import { routeIndex, ruleLabel, serviceRoutes, targetGroupsByWorkload, workloadRoutes } from './routes';
import { countHealth } from './health';
import { counted } from './counts';
import { subnetExposure } from './subnets';
import type { Graph, GraphEdge, GraphNode, TaskHealth, View } from './types';
import { ecsUnits, groupBy, placeUnits, podUnits, SYSTEM_NAMESPACES, type Unit } from './units';

/** Past this many tasks in one subnet (network view) or one service (service view), tasks fold per service. */
export const FOLD_SUBNET_AT = 24;
export const FOLD_SERVICE_AT = 16;
export const PALETTE_SIZE = 12;

export interface GraphOptions {
  view: View;
  /** Folded groups the user opened (taskGroup ids) */
  expanded: ReadonlySet<string>;
  /** Kubernetes namespaces left out of the map (the namespace filter) */
  hiddenNamespaces?: ReadonlySet<string>;
}

function serviceDetail(s: Service): string {
  const placement = s.launchType ?? s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+');
  return `${s.running}/${s.desired} running${placement ? ` · ${placement}` : ''}`;
}

function workloadDetail(w: Workload): string {
  return `${w.workloadKind} · ${w.ready}/${w.desired} ready · ${w.namespace}`;
}

function azCountsOf(units: readonly Unit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of units) if (u.az && u.health !== 'stopped') out[u.az] = (out[u.az] ?? 0) + 1;
  return out;
}

/** What the band and the service view show for a Kubernetes workload: a service-like node in its colour. */
function workloadNode(w: Workload, units: readonly Unit[], color: number, routes: string[], parent?: string): GraphNode {
  return {
    kind: 'service',
    id: w.id,
    ...(parent ? { parent } : {}),
    label: w.name,
    color,
    detail: workloadDetail(w),
    azCounts: azCountsOf(units),
    deploying: w.updated !== undefined && w.updated < w.desired,
    unhealthy: units.filter((u) => u.health === 'unhealthy').length,
    routes,
    workloadKind: w.workloadKind,
  };
}

interface Context {
  topology: Topology;
  options: GraphOptions;
  ecs: Unit[];
  pods: Unit[];
  workloads: Workload[];
  colorOf: (id: string | undefined) => number;
}

function bandNodes(ctx: Context, withServices: boolean): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { topology, colorOf } = ctx;
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
  const routes = routeIndex(topology);
  const tgsOfWorkload = targetGroupsByWorkload(topology);
  // Application workloads join the band beside ECS services; the cluster's own machinery stays in its namespaces.
  const bandWorkloads = ctx.workloads.filter((w) => !SYSTEM_NAMESPACES.has(w.namespace));
  if (withServices) {
    const byService = groupBy(ctx.ecs, (u) => u.serviceId);
    for (const s of resourcesOf(topology, 'service')) {
      const mine = (byService.get(s.id) ?? []).filter((u) => u.health !== 'stopped');
      nodes.push({
        kind: 'service',
        id: s.id,
        label: s.name,
        color: colorOf(s.id),
        detail: serviceDetail(s),
        azCounts: azCountsOf(mine),
        deploying: s.deployments.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
        unhealthy: mine.filter((u) => u.health === 'unhealthy').length,
        routes: serviceRoutes(s, routes),
      });
    }
    const byWorkload = groupBy(ctx.pods, (u) => u.serviceId);
    for (const w of bandWorkloads) nodes.push(workloadNode(w, byWorkload.get(w.id) ?? [], colorOf(w.id), workloadRoutes(w, tgsOfWorkload, routes)));
  }
  // In the service view services and workloads are boxes outside the band; target groups still point at them.
  const outside = withServices ? [] : [...resourcesOf(topology, 'service').map((s) => s.id), ...ctx.workloads.map((w) => w.id)];
  const known = new Set([...nodes.map((n) => n.id), ...outside]);
  const serve = (tg: string, to: string) => {
    if (!known.has(tg) || !known.has(to)) return;
    edges.set(`${tg}->${to}`, { id: `${tg}->${to}`, source: tg, target: to, kind: 'serves', unhealthy: unhealthyTg.has(tg) });
  };
  for (const s of resourcesOf(topology, 'service')) for (const binding of s.loadBalancers) if (binding.targetGroupArn) serve(binding.targetGroupArn, s.id);
  for (const [w, list] of tgsOfWorkload) for (const tg of list) serve(tg, w);
  return { nodes, edges: [...edges.values()].filter((e) => known.has(e.source) && known.has(e.target)) };
}

/** The subnet a unit is drawn in: its host's (the box it sits in), else its own, else none readable. */
function networkGraph(ctx: Context): Graph {
  const { topology, options, colorOf } = ctx;
  const nodes: GraphNode[] = [];
  const subnets = resourcesOf(topology, 'subnet');
  const vpcs = resourcesOf(topology, 'vpc');
  const knownSubnets = new Set(subnets.map((s) => s.id));
  const instances = resourcesOf(topology, 'containerInstance');
  const eksNodes = resourcesOf(topology, 'eksNode');
  const hostSubnet = new Map<string, string | undefined>([
    ...instances.map((h) => [h.id, h.subnetId] as const),
    ...eksNodes.map((n) => [n.id, n.subnetId] as const),
  ]);
  const units = [...ctx.ecs, ...ctx.pods];
  const placeOf = (u: Unit) => {
    const subnet = (u.hostId && hostSubnet.get(u.hostId)) || u.subnetId;
    return subnet && knownSubnets.has(subnet) ? subnet : undefined;
  };
  // Tasks and pods whose subnet could not be read still count: they sit in an "unknown subnet" box of their AZ.
  const bySubnet = groupBy(units, placeOf);
  const unplaced = groupBy(units, (u) => (placeOf(u) ? undefined : (u.az ?? 'unknown')));
  const hostsBySubnet = groupBy(instances, (i) => i.subnetId);
  const eksNodesBySubnet = groupBy(eksNodes, (n) => n.subnetId);
  const azs = [...new Set([...subnets.map((s) => s.az), ...unplaced.keys()])].sort();
  // Without a VPC read, one "not readable" box holds what was read anyway; a region holding nothing draws nothing.
  const vpcIds = vpcs.length ? vpcs.map((v) => v.id) : subnets.length || units.length || instances.length || eksNodes.length ? ['vpc:unknown'] : [];
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
        const here = bySubnet.get(subnet.id) ?? [];
        // Each box folds when it holds more than FOLD_SUBNET_AT; a very busy subnet folds in every box it holds.
        const busy = here.length > 4 * FOLD_SUBNET_AT;
        const foldOf = (n: number) => busy || n > FOLD_SUBNET_AT;
        const pods = here.filter((u) => u.pod).length;
        nodes.push({
          kind: 'subnet',
          id: subnet.id,
          parent: azId,
          label: subnet.name ?? subnet.id,
          cidr: subnet.cidrBlock,
          exposure: subnetExposure(topology, subnet),
          az,
          taskCount: here.length - pods,
          podCount: pods,
        });
        const byHost = groupBy(here, (u) => u.hostId);
        const hostIds = new Set<string>();
        for (const host of hostsBySubnet.get(subnet.id) ?? []) {
          hostIds.add(host.id);
          nodes.push({
            kind: 'instance',
            id: host.id,
            parent: subnet.id,
            label: host.ec2InstanceId ?? shortId(host.id),
            instanceType: host.instanceType ?? '',
            cpu: `${host.registered.cpu - host.remaining.cpu}/${host.registered.cpu}`,
            memory: `${host.registered.memory - host.remaining.memory}/${host.registered.memory}`,
            resourceId: host.id,
          });
          const mine = byHost.get(host.id) ?? [];
          placeUnits(nodes, host.id, mine, foldOf(mine.length), options.expanded, colorOf);
        }
        for (const node of eksNodesBySubnet.get(subnet.id) ?? []) {
          hostIds.add(node.id);
          nodes.push(eksNodeOf(node, subnet.id, topology));
          const mine = byHost.get(node.id) ?? [];
          placeUnits(nodes, node.id, mine, foldOf(mine.length), options.expanded, colorOf);
        }
        const loose = here.filter((u) => !(u.hostId && hostIds.has(u.hostId)));
        placeUnits(nodes, subnet.id, loose, foldOf(loose.length), options.expanded, colorOf);
      }
      if (lost.length) {
        const id = `subnet:unknown:${az}`;
        const pods = lost.filter((u) => u.pod).length;
        nodes.push({
          kind: 'subnet',
          id,
          parent: azId,
          label: 'subnet not readable',
          cidr: '',
          exposure: 'unknown',
          az,
          taskCount: lost.length - pods,
          podCount: pods,
        });
        placeUnits(nodes, id, lost, lost.length > FOLD_SUBNET_AT, options.expanded, colorOf);
      }
    }
  }
  const band = bandNodes(ctx, true);
  return { view: 'network', nodes: [...nodes, ...band.nodes], edges: band.edges, azs };
}

function serviceGraph(ctx: Context): Graph {
  const { topology, options, colorOf } = ctx;
  const nodes: GraphNode[] = [];
  const services = groupBy(resourcesOf(topology, 'service'), (s) => s.clusterArn);
  const byService = groupBy(ctx.ecs, (u) => u.serviceId);
  const routes = routeIndex(topology);
  const standaloneByCluster = groupBy(ctx.ecs, (u) => (u.serviceId ? undefined : u.cluster));
  // Clusters as read: those DescribeClusters gave, and those only their services and tasks name.
  for (const cluster of ecsClusters(topology)) {
    nodes.push({ kind: 'cluster', id: cluster.id, label: cluster.name, engine: 'ecs', detail: ecsClusterDetail(cluster) });
    for (const s of services.get(cluster.id) ?? []) {
      const mine = byService.get(s.id) ?? [];
      nodes.push({
        kind: 'service',
        id: s.id,
        parent: cluster.id,
        label: s.name,
        color: colorOf(s.id),
        detail: serviceDetail(s),
        azCounts: azCountsOf(mine),
        deploying: s.deployments.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
        unhealthy: mine.filter((u) => u.health === 'unhealthy').length,
        routes: serviceRoutes(s, routes),
      });
      placeUnits(nodes, s.id, mine, mine.length > FOLD_SERVICE_AT, options.expanded, colorOf);
    }
    const standalone = standaloneByCluster.get(cluster.id) ?? [];
    if (standalone.length) placeUnits(nodes, cluster.id, standalone, standalone.length > FOLD_SERVICE_AT, options.expanded, colorOf);
  }
  // EKS: cluster → namespace → workload → pods; system namespaces last.
  const tgsOfWorkload = targetGroupsByWorkload(topology);
  const podsByWorkload = groupBy(ctx.pods, (u) => u.serviceId);
  const loosePods = groupBy(ctx.pods, (u) => (u.serviceId ? undefined : `${u.cluster} ${u.namespace ?? ''}`));
  for (const eks of resourcesOf(topology, 'eksCluster')) {
    const groups = resourcesOf(topology, 'nodeGroup').filter((g) => g.clusterArn === eks.id);
    const members = resourcesOf(topology, 'eksNode').filter((n) => n.clusterArn === eks.id);
    const mine = ctx.workloads.filter((w) => w.clusterArn === eks.id);
    const pods = ctx.pods.filter((u) => u.cluster === eks.id).length;
    nodes.push({
      kind: 'cluster',
      id: eks.id,
      label: eks.name,
      engine: 'eks',
      detail: `EKS ${eks.version ?? ''} · ${[counted(groups.length, 'node group'), counted(members.length, 'node'), counted(mine.length, 'workload'), counted(pods, 'pod')].join(' · ')}`,
    });
    const namespaces = [...new Set([...mine.map((w) => w.namespace), ...ctx.pods.filter((u) => u.cluster === eks.id).map((u) => u.namespace ?? '')])].sort(
      (a, b) => Number(SYSTEM_NAMESPACES.has(a)) - Number(SYSTEM_NAMESPACES.has(b)) || a.localeCompare(b),
    );
    for (const ns of namespaces) {
      const nsId = `${eks.id}/namespace/${ns}`;
      const workloads = mine.filter((w) => w.namespace === ns);
      const system = SYSTEM_NAMESPACES.has(ns);
      nodes.push({
        kind: 'namespace',
        id: nsId,
        parent: eks.id,
        label: ns,
        cluster: eks.name,
        detail: `${counted(workloads.length, 'workload')}${system ? ' · system' : ''}`,
      });
      for (const w of workloads) {
        const list = podsByWorkload.get(w.id) ?? [];
        nodes.push(workloadNode(w, list, colorOf(w.id), workloadRoutes(w, tgsOfWorkload, routes), nsId));
        // System pods are grouped under their workload here, and folded like a large service.
        const units = system ? list.map((u) => ({ ...u, groupKey: w.id })) : list;
        placeUnits(nodes, w.id, units, system || list.length > FOLD_SERVICE_AT, options.expanded, colorOf);
      }
      const loose = loosePods.get(`${eks.id} ${ns}`) ?? [];
      if (loose.length) placeUnits(nodes, nsId, loose, loose.length > FOLD_SERVICE_AT, options.expanded, colorOf);
    }
  }
  const band = bandNodes(ctx, false);
  const azs = [...new Set([...ctx.ecs, ...ctx.pods].map((u) => u.az ?? ''))].filter(Boolean).sort();
  return { view: 'service', nodes: [...nodes, ...band.nodes], edges: band.edges, azs };
}

/** Pure: topology and view → nodes (parents first), edges and containment. */
export function buildGraph(topology: Topology, options: GraphOptions): Graph {
  const hidden = options.hiddenNamespaces ?? new Set<string>();
  const services = resourcesOf(topology, 'service');
  const workloads = resourcesOf(topology, 'workload').filter((w) => !hidden.has(w.namespace));
  // ECS services, then workloads, take the palette in turn; system workloads stay neutral.
  const coloured = [...services.map((s) => s.id), ...workloads.filter((w) => !SYSTEM_NAMESPACES.has(w.namespace)).map((w) => w.id)];
  const colors = new Map(coloured.map((id, i) => [id, i % PALETTE_SIZE]));
  const ctx: Context = {
    topology,
    options,
    ecs: ecsUnits(topology),
    pods: podUnits(topology, hidden),
    workloads,
    colorOf: (id) => (id === undefined ? -1 : (colors.get(id) ?? -1)),
  };
  return options.view === 'network' ? networkGraph(ctx) : serviceGraph(ctx);
}
