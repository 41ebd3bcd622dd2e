import {
  cidrContains,
  resourcesOf,
  type ContainerInstance,
  type DefaultRoute,
  type EksNode,
  type LoadBalancer,
  type NodeGroup,
  type RouteTarget,
  type Subnet,
  type Topology,
  type Vpc,
} from '../model';
import { taskPhase } from './clusters';
import { unreadBecause, type Part } from './completeness';
import { fromByKey, join, relations } from './relations';
import { subnetExposure, type SubnetExposure } from './subnets';

/**
 * Where a subnet's traffic to the internet goes. public: a default route to an internet gateway; private: a default
 * route elsewhere (a NAT gateway, transit gateway, peering …); isolated: no default route, or one whose target is
 * gone (a blackhole); unknown: the route tables could not be read.
 */
export type SubnetReach = 'public' | 'private' | 'isolated' | 'unknown';

/** Why, when the model holds no default route: route tables not read, or a snapshot older than schema version 4. */
const EXPOSURE_WHY: Readonly<Record<SubnetExposure, string>> = {
  public: 'its route table sends 0.0.0.0/0 to an internet gateway',
  private: 'no default route to an internet gateway (a NAT gateway or no internet route)',
  unknown: 'its route table could not be read (ec2:DescribeRouteTables)',
};

/** A route target in words, as the VPC console names it. */
const TARGET_WORDS: Readonly<Record<RouteTarget, string>> = {
  internetGateway: 'internet gateway',
  egressOnlyInternetGateway: 'egress-only internet gateway',
  natGateway: 'NAT gateway',
  transitGateway: 'transit gateway',
  vpcPeering: 'VPC peering connection',
  virtualPrivateGateway: 'virtual private gateway',
  gatewayLoadBalancerEndpoint: 'Gateway Load Balancer endpoint',
  instance: 'instance',
  networkInterface: 'network interface',
  localGateway: 'local gateway',
  carrierGateway: 'carrier gateway',
  coreNetwork: 'Cloud WAN core network',
  other: 'target',
  none: 'nothing',
};

/** Pure: a default route in words, with the table it comes from when that was read. */
export function routeWords(route: DefaultRoute): string {
  const table = route.routeTableId ? ` (${route.mainTable ? 'the VPC’s main route table' : 'route table'} ${route.routeTableId})` : '';
  if (route.kind === 'none') return `no default route${table}`;
  const to = route.targetId ? `${TARGET_WORDS[route.kind]} ${route.targetId}` : `an ${TARGET_WORDS[route.kind]}`;
  return `default route to ${to}${route.blackhole ? ' is a blackhole: its target is gone' : ''}${table}`;
}

function reachOf(exposure: SubnetExposure, route: DefaultRoute | undefined): SubnetReach {
  if (exposure !== 'private' || !route) return exposure;
  return route.kind === 'none' || route.blackhole ? 'isolated' : 'private';
}

/** AWS keeps the first four and the last address of every subnet block for itself. */
export const AWS_RESERVED_IPS = 5;

/** Addresses of a block: its size, what AWS leaves usable, what is free, and what the read saw in use. */
export interface IpUse {
  /** 2^(32 − prefix length); 0 for a block that is not IPv4 CIDR text */
  size: number;
  /** size less AWS_RESERVED_IPS per subnet */
  usable: number;
  /** DescribeSubnets: AvailableIpAddressCount (summed for a VPC), absent when not read for every subnet */
  free?: number;
  /** Distinct addresses of the live tasks, pods, EKS nodes and container instances read inside the block */
  seen: number;
}

/** An ECS service or Kubernetes workload (or the tasks and pods without one) as a subnet holds it. */
export interface Occupant {
  /** The service's or workload's id; for tasks and pods without one, `standalone:<cluster ARN>` */
  id: string;
  engine: 'ecs' | 'eks';
  name: string;
  /** Every task or pod of it the read placed in the subnet, stopped ones included */
  count: number;
  /** Those running: RUNNING tasks, Running pods */
  running: number;
}

export interface SubnetFacts {
  subnet: Subnet;
  exposure: SubnetExposure;
  /** The exposure with private split: isolated when nothing routes it beyond the VPC */
  reach: SubnetReach;
  /** Why: its default route in words, or why it is not known */
  why: string;
  ips: IpUse;
  /** Services and workloads with tasks or pods here, the most first */
  occupants: Occupant[];
  tasks: number;
  pods: number;
  /** Load balancers with a node (a zone's subnet) here */
  loadBalancers: LoadBalancer[];
  eksNodes: EksNode[];
  containerInstances: ContainerInstance[];
  /** Managed node groups that launch into it */
  nodeGroups: NodeGroup[];
  /** What a failed call may have left out of this subnet: "tasks", "pods", … */
  notAllRead: string[];
}

/** The parts whose failed read can leave a subnet's contents short, with the words the panel uses. */
const CONTENTS: readonly [Part, string][] = [
  ['task', 'tasks'],
  ['pod', 'pods'],
  ['eksNode', 'EKS nodes'],
  ['containerInstance', 'container instances'],
  ['loadBalancer', 'load balancers'],
];

/** Pure: a block's address count, or 0 for text that is not IPv4 CIDR. */
export function cidrSize(cidr: string): number {
  const bits = /^\d{1,3}(\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr)?.[2];
  return bits === undefined || Number(bits) > 32 ? 0 : 2 ** (32 - Number(bits));
}

/** Where the map draws a task or pod: in its host's subnet (the box it sits in), else its own ENI's. */
interface Placed {
  subnetId: string | undefined;
  ip: string | undefined;
  live: boolean;
  running: boolean;
  owner: Omit<Occupant, 'count' | 'running'>;
}

function placements(topology: Topology): Placed[] {
  const hostSubnet = new Map<string, string>([
    ...join(topology, relations.hostSubnet).map((j) => [j.from.id, j.key] as const),
    ...join(topology, relations.eksNodeSubnet).map((j) => [j.from.id, j.key] as const),
  ]);
  const services = new Map(resourcesOf(topology, 'service').map((s) => [s.id, s.name]));
  const workloads = new Map(resourcesOf(topology, 'workload').map((w) => [w.id, w.name]));
  const standalone = (engine: Occupant['engine'], cluster: string) => ({ id: `standalone:${cluster}`, engine, name: 'standalone' });
  const tasks = resourcesOf(topology, 'task').map((t): Placed => {
    const phase = taskPhase(t.lastStatus);
    const service = t.serviceArn;
    return {
      subnetId: (t.containerInstanceArn && hostSubnet.get(t.containerInstanceArn)) || t.subnetId,
      ip: t.privateIp,
      live: phase !== 'stopped',
      running: phase === 'running',
      owner: service ? { id: service, engine: 'ecs', name: services.get(service) ?? service.split('/').pop() ?? service } : standalone('ecs', t.clusterArn),
    };
  });
  const pods = resourcesOf(topology, 'pod').map((p): Placed => {
    const workload = p.workloadId;
    return {
      subnetId: (!p.fargate && p.instanceId && hostSubnet.get(p.instanceId)) || p.subnetId,
      ip: p.podIp,
      live: p.phase !== 'Succeeded' && p.phase !== 'Failed',
      running: p.phase === 'Running',
      owner: workload
        ? { id: workload, engine: 'eks', name: workloads.get(workload) ?? workload.split('/').pop() ?? workload }
        : standalone('eks', p.clusterArn),
    };
  });
  return [...tasks, ...pods];
}

function occupantsOf(placed: readonly Placed[]): Occupant[] {
  const out = new Map<string, Occupant>();
  for (const p of placed) {
    const o = out.get(p.owner.id) ?? { ...p.owner, count: 0, running: 0 };
    o.count += 1;
    if (p.running) o.running += 1;
    out.set(p.owner.id, o);
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Pure: the block's addresses, and how many distinct live addresses the read saw inside it. */
function ipUse(cidr: string, free: number | undefined, addresses: readonly (string | undefined)[]): IpUse {
  const size = cidrSize(cidr);
  const seen = new Set(addresses.filter((ip): ip is string => ip !== undefined && cidrContains(cidr, ip)));
  return { size, usable: Math.max(0, size - AWS_RESERVED_IPS), ...(free === undefined ? {} : { free }), seen: seen.size };
}

/** Pure, for many subnets at once: each one's facts, computed from one pass over the tasks and pods. */
export function subnetFactsAll(topology: Topology, subnets: readonly Subnet[]): SubnetFacts[] {
  const placed = placements(topology);
  const bySubnet = new Map<string, Placed[]>();
  for (const p of placed) {
    if (!p.subnetId) continue;
    const list = bySubnet.get(p.subnetId);
    if (list) list.push(p);
    else bySubnet.set(p.subnetId, [p]);
  }
  const eksNodes = fromByKey(topology, relations.eksNodeSubnet);
  const hosts = fromByKey(topology, relations.hostSubnet);
  const lbs = resourcesOf(topology, 'loadBalancer');
  const groups = resourcesOf(topology, 'nodeGroup');
  const notAllRead = CONTENTS.filter(([part]) => unreadBecause(topology.errors, part).length).map(([, words]) => words);
  return subnets.map((subnet) => {
    const here = bySubnet.get(subnet.id) ?? [];
    const nodes = eksNodes.get(subnet.id) ?? [];
    const instances = hosts.get(subnet.id) ?? [];
    const exposure = subnetExposure(topology, subnet);
    const route = exposure === 'unknown' ? undefined : subnet.defaultRoute;
    const addresses = [...here.filter((p) => p.live).map((p) => p.ip), ...nodes.map((n) => n.privateIp), ...instances.map((h) => h.privateIp)];
    const pods = here.filter((p) => p.owner.engine === 'eks').length;
    return {
      subnet,
      exposure,
      reach: reachOf(exposure, route),
      why: route ? routeWords(route) : EXPOSURE_WHY[exposure],
      ips: ipUse(subnet.cidrBlock, subnet.availableIps, addresses),
      occupants: occupantsOf(here),
      tasks: here.length - pods,
      pods,
      loadBalancers: lbs.filter((lb) => lb.zones.some((z) => z.subnetId === subnet.id)),
      eksNodes: nodes,
      containerInstances: instances,
      nodeGroups: groups.filter((g) => g.subnetIds.includes(subnet.id)),
      notAllRead,
    };
  });
}

export function subnetFacts(topology: Topology, subnet: Subnet): SubnetFacts {
  const [facts] = subnetFactsAll(topology, [subnet]);
  if (!facts) throw new Error('subnetFactsAll returns one entry per subnet');
  return facts;
}

export interface VpcFacts {
  vpc: Vpc;
  /** AZs in name order, each with its subnets public first, then by name */
  azs: { az: string; subnets: SubnetFacts[] }[];
  ips: IpUse;
  /** Subnets by reach (private ones have a default route beyond the VPC, isolated ones none), and what runs in them */
  totals: {
    subnets: number;
    public: number;
    private: number;
    isolated: number;
    unknown: number;
    tasks: number;
    pods: number;
    eksNodes: number;
    loadBalancers: number;
  };
}

/** Pure: a VPC's subnets by AZ with their exposure, and its totals; free addresses only when every subnet gave them. */
export function vpcFacts(topology: Topology, vpc: Vpc): VpcFacts {
  const subnets = resourcesOf(topology, 'subnet')
    .filter((s) => s.vpcId === vpc.id)
    .sort((a, b) => a.az.localeCompare(b.az) || Number(b.public) - Number(a.public) || (a.name ?? a.id).localeCompare(b.name ?? b.id));
  const facts = subnetFactsAll(topology, subnets);
  const azs: VpcFacts['azs'] = [];
  for (const f of facts) {
    const last = azs[azs.length - 1];
    if (last?.az === f.subnet.az) last.subnets.push(f);
    else azs.push({ az: f.subnet.az, subnets: [f] });
  }
  const sum = (pick: (f: SubnetFacts) => number) => facts.reduce((n, f) => n + pick(f), 0);
  const reaching = (r: SubnetReach) => facts.filter((f) => f.reach === r).length;
  const size = cidrSize(vpc.cidrBlock);
  const allFree = facts.every((f) => f.ips.free !== undefined);
  return {
    vpc,
    azs,
    ips: { size, usable: sum((f) => f.ips.usable), ...(allFree && facts.length ? { free: sum((f) => f.ips.free ?? 0) } : {}), seen: sum((f) => f.ips.seen) },
    totals: {
      subnets: facts.length,
      public: reaching('public'),
      private: reaching('private'),
      isolated: reaching('isolated'),
      unknown: reaching('unknown'),
      tasks: sum((f) => f.tasks),
      pods: sum((f) => f.pods),
      eksNodes: sum((f) => f.eksNodes.length),
      loadBalancers: resourcesOf(topology, 'loadBalancer').filter((lb) => lb.vpcId === vpc.id).length,
    },
  };
}

/** "240 free of 251 (11 in use seen)", or without AvailableIpAddressCount "11 in use seen of 251 usable". */
export function ipWords(ips: IpUse): string {
  if (ips.free !== undefined) return `${ips.free} free of ${ips.usable} usable (${ips.seen} seen in use)`;
  return `${ips.seen} seen in use of ${ips.usable} usable (free count not read)`;
}
