import { resourcesOf, shortId, type Topology } from '../model';
import { ecsClusterDetail, ecsClusters } from './clusters';
import type { Layer } from './collapse';
import { counted } from './counts';
import { eksNodeOf } from './eksNode';
import type { Selection } from './filter';
import { serviceNode, workloadNode } from './ownerNode';
import { fromByKey, join, relations } from './relations';
import { routeIndex, serviceRoutes, targetGroupsByWorkload, workloadRoutes } from './routes';
import { subnetExposure } from './subnets';
import { groupBy, SYSTEM_NAMESPACES, type Unit } from './units';

const node = (n: Extract<Layer, { kind: 'node' }>['node']): Layer => ({ kind: 'node', node: n });

/** The subnet a unit is drawn in: its host's (the box it sits in), else its own, else none readable. */
function subnetOfUnit(topology: Topology): (u: Unit) => string | undefined {
  const known = new Set(resourcesOf(topology, 'subnet').map((s) => s.id));
  const hostSubnet = new Map<string, string>([
    ...join(topology, relations.hostSubnet).map((j) => [j.from.id, j.key] as const),
    ...join(topology, relations.eksNodeSubnet).map((j) => [j.from.id, j.key] as const),
  ]);
  return (u) => {
    const subnet = (u.hostId && hostSubnet.get(u.hostId)) || u.subnetId;
    return subnet && known.has(subnet) ? subnet : undefined;
  };
}

/** Pure: the network view's containment, VPC → AZ → subnet → host → units, and the AZ columns. */
export function groupNetwork(sel: Selection): { layers: Layer[]; azs: string[] } {
  const { topology } = sel;
  const layers: Layer[] = [];
  const subnets = resourcesOf(topology, 'subnet');
  const vpcs = resourcesOf(topology, 'vpc');
  const instances = resourcesOf(topology, 'containerInstance');
  const eksNodes = resourcesOf(topology, 'eksNode');
  const units = [...sel.ecs, ...sel.pods];
  const placeOf = subnetOfUnit(topology);
  // Tasks and pods whose subnet could not be read still count: they sit in an "unknown subnet" box of their AZ.
  const bySubnet = groupBy(units, placeOf);
  const unplaced = groupBy(units, (u) => (placeOf(u) ? undefined : (u.az ?? 'unknown')));
  const hostsBySubnet = fromByKey(topology, relations.hostSubnet);
  const eksNodesBySubnet = fromByKey(topology, relations.eksNodeSubnet);
  const azs = [...new Set([...subnets.map((s) => s.az), ...unplaced.keys()])].sort();
  // Without a VPC read, one "not readable" box holds what was read anyway; a region holding nothing draws nothing.
  const vpcIds = vpcs.length ? vpcs.map((v) => v.id) : subnets.length || units.length || instances.length || eksNodes.length ? ['vpc:unknown'] : [];
  for (const vpcId of vpcIds) {
    const vpc = vpcs.find((v) => v.id === vpcId);
    layers.push(node({ kind: 'vpc', id: vpcId, label: vpc ? `${vpc.name ?? vpc.id}` : 'VPC not readable', cidr: vpc?.cidrBlock ?? '' }));
    const mySubnets = subnets.filter((s) => s.vpcId === vpcId || (!vpc && !vpcs.some((v) => v.id === s.vpcId)));
    const first = vpcId === vpcIds[0];
    for (const az of azs) {
      const inAz = mySubnets.filter((s) => s.az === az).sort((a, b) => Number(b.public) - Number(a.public) || (a.name ?? a.id).localeCompare(b.name ?? b.id));
      const lost = first ? (unplaced.get(az) ?? []) : [];
      if (!inAz.length && !lost.length) continue;
      const azId = `az:${vpcId}:${az}`;
      const zone = resourcesOf(topology, 'az').find((z) => z.id === az);
      layers.push(node({ kind: 'az', id: azId, parent: vpcId, label: az, ...(zone?.zoneId ? { zoneId: zone.zoneId } : {}) }));
      for (const subnet of inAz) {
        const here = bySubnet.get(subnet.id) ?? [];
        const box = { kind: 'subnet', subnetTotal: here.length } as const;
        const pods = here.filter((u) => u.kind === 'pod').length;
        layers.push(
          node({
            kind: 'subnet',
            id: subnet.id,
            parent: azId,
            label: subnet.name ?? subnet.id,
            cidr: subnet.cidrBlock,
            exposure: subnetExposure(topology, subnet),
            az,
            taskCount: here.length - pods,
            podCount: pods,
          }),
        );
        const byHost = groupBy(here, (u) => u.hostId);
        const hostIds = new Set<string>();
        for (const host of hostsBySubnet.get(subnet.id) ?? []) {
          hostIds.add(host.id);
          layers.push(
            node({
              kind: 'instance',
              id: host.id,
              parent: subnet.id,
              label: host.ec2InstanceId ?? shortId(host.id),
              instanceType: host.instanceType ?? '',
              cpu: `${host.registered.cpu - host.remaining.cpu}/${host.registered.cpu}`,
              memory: `${host.registered.memory - host.remaining.memory}/${host.registered.memory}`,
              resourceId: host.id,
            }),
            { kind: 'units', parent: host.id, units: byHost.get(host.id) ?? [], box },
          );
        }
        for (const n of eksNodesBySubnet.get(subnet.id) ?? []) {
          hostIds.add(n.id);
          layers.push(node(eksNodeOf(n, subnet.id, topology)), { kind: 'units', parent: n.id, units: byHost.get(n.id) ?? [], box });
        }
        layers.push({ kind: 'units', parent: subnet.id, units: here.filter((u) => !(u.hostId && hostIds.has(u.hostId))), box });
      }
      if (lost.length) {
        const id = `subnet:unknown:${az}`;
        const pods = lost.filter((u) => u.kind === 'pod').length;
        layers.push(
          node({
            kind: 'subnet',
            id,
            parent: azId,
            label: 'subnet not readable',
            cidr: '',
            exposure: 'unknown',
            az,
            taskCount: lost.length - pods,
            podCount: pods,
          }),
          { kind: 'units', parent: id, units: lost, box: { kind: 'subnet', subnetTotal: lost.length } },
        );
      }
    }
  }
  return { layers, azs };
}

/** Pure: the service view's containment, ECS cluster → service → tasks and EKS cluster → namespace → workload → pods. */
export function groupServices(sel: Selection): { layers: Layer[]; azs: string[] } {
  const { topology, colorOf } = sel;
  const layers: Layer[] = [];
  const box = { kind: 'service' } as const;
  const services = groupBy(resourcesOf(topology, 'service'), (s) => s.clusterArn);
  const byService = groupBy(sel.ecs, (u) => u.ownerId);
  const routes = routeIndex(topology);
  const standaloneByCluster = groupBy(sel.ecs, (u) => (u.ownerId ? undefined : u.cluster));
  // Clusters as read: those DescribeClusters gave, and those only their services and tasks name.
  for (const cluster of ecsClusters(topology)) {
    layers.push(node({ kind: 'cluster', id: cluster.id, label: cluster.name, engine: 'ecs', detail: ecsClusterDetail(cluster) }));
    for (const s of services.get(cluster.id) ?? []) {
      const mine = byService.get(s.id) ?? [];
      layers.push(node(serviceNode(s, mine, colorOf(s.id), serviceRoutes(s, routes), cluster.id)), { kind: 'units', parent: s.id, units: mine, box });
    }
    layers.push({ kind: 'units', parent: cluster.id, units: standaloneByCluster.get(cluster.id) ?? [], box });
  }
  const tgsOfWorkload = targetGroupsByWorkload(topology);
  const podsByWorkload = groupBy(sel.pods, (u) => u.ownerId);
  const loosePods = groupBy(sel.pods, (u) => (u.ownerId ? undefined : `${u.cluster} ${u.namespace}`));
  const groupsByCluster = fromByKey(topology, relations.nodeGroupCluster);
  const nodesByCluster = fromByKey(topology, relations.eksNodeCluster);
  for (const eks of resourcesOf(topology, 'eksCluster')) {
    const groups = groupsByCluster.get(eks.id) ?? [];
    const members = nodesByCluster.get(eks.id) ?? [];
    const mine = sel.workloads.filter((w) => w.clusterArn === eks.id);
    const pods = sel.pods.filter((u) => u.cluster === eks.id);
    layers.push(
      node({
        kind: 'cluster',
        id: eks.id,
        label: eks.name,
        engine: 'eks',
        detail: `EKS ${eks.version ?? ''} · ${[counted(groups.length, 'node group'), counted(members.length, 'node'), counted(mine.length, 'workload'), counted(pods.length, 'pod')].join(' · ')}`,
      }),
    );
    // System namespaces last.
    const namespaces = [...new Set([...mine.map((w) => w.namespace), ...pods.map((u) => u.namespace)])].sort(
      (a, b) => Number(SYSTEM_NAMESPACES.has(a)) - Number(SYSTEM_NAMESPACES.has(b)) || a.localeCompare(b),
    );
    for (const ns of namespaces) {
      const nsId = `${eks.id}/namespace/${ns}`;
      const workloads = mine.filter((w) => w.namespace === ns);
      const system = SYSTEM_NAMESPACES.has(ns);
      layers.push(
        node({
          kind: 'namespace',
          id: nsId,
          parent: eks.id,
          label: ns,
          cluster: eks.name,
          detail: `${counted(workloads.length, 'workload')}${system ? ' · system' : ''}`,
        }),
      );
      for (const w of workloads) {
        const list = podsByWorkload.get(w.id) ?? [];
        layers.push(node(workloadNode(w, list, colorOf(w.id), workloadRoutes(w, tgsOfWorkload, routes), nsId)));
        // System pods are grouped under their workload here, and folded like a large service.
        if (system) layers.push({ kind: 'units', parent: w.id, units: list.map((u) => ({ ...u, groupKey: w.id })), box: { kind: 'system' } });
        else layers.push({ kind: 'units', parent: w.id, units: list, box });
      }
      layers.push({ kind: 'units', parent: nsId, units: loosePods.get(`${eks.id} ${ns}`) ?? [], box });
    }
  }
  const azs = [...new Set([...sel.ecs, ...sel.pods].map((u) => u.az ?? ''))].filter(Boolean).sort();
  return { layers, azs };
}
