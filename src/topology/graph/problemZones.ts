import { resourceOf, resourcesOf, type Topology } from '../model';
import { unreadBecause } from './completeness';
import type { Problem } from './problems';
import { join, relations } from './relations';
import { targetGroupsByWorkload } from './routes';
import { SYSTEM_NAMESPACES } from './units';

/** Why a service or workload belongs in an AZ, each with what to do when it runs nowhere there. */
type Reach = 'subnets' | 'hosts' | 'nodes' | 'fargate' | 'loadBalancer';

const REACH: Record<Reach, { where: string; fix: string }> = {
  subnets: { where: 'its network configuration has a subnet', fix: 'look at its placement constraints and the events of its tasks there' },
  hosts: { where: 'its cluster has container instances', fix: 'look at its placement constraints and the free CPU and memory of those instances' },
  nodes: { where: 'its cluster has ready nodes', fix: 'add a topology spread constraint on topology.kubernetes.io/zone' },
  fargate: { where: 'its Fargate profile has a subnet', fix: 'add a topology spread constraint on topology.kubernetes.io/zone' },
  loadBalancer: {
    where: 'load balancer <lb> takes traffic',
    fix: 'add a subnet in that AZ (or spread its pods there), so an outage in one zone takes less of it',
  },
};

function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Spread {
  id: string;
  name: string;
  what: string;
  /** "task" or "pod" */
  unit: string;
  /** AZs where it runs (running tasks, running pods) and how many of those there are */
  running: string[];
  count: number;
  /** Per AZ it should reach, why (and, for a load balancer, its name) */
  reach: Map<string, { why: Reach; lb?: string }>;
}

/** The AZs the load balancers sending to some target groups serve, each with the first balancer's name. */
type LbZones = (tgs: readonly string[]) => Map<string, string>;

function balancing(topology: Topology): LbZones {
  const lbsOf = new Map<string, Set<string>>();
  const add = (tg: string, lb: string) => lbsOf.set(tg, new Set([...(lbsOf.get(tg) ?? []), lb]));
  for (const tg of resourcesOf(topology, 'targetGroup')) for (const lb of tg.loadBalancerArns) add(tg.id, lb);
  for (const { from: lb, key: tg } of join(topology, relations.routes)) add(tg, lb.id);
  return (tgs) => {
    const out = new Map<string, string>();
    for (const arn of [...new Set(tgs.flatMap((tg) => [...(lbsOf.get(tg) ?? [])]))].sort()) {
      const lb = resourceOf(topology, 'loadBalancer', arn);
      for (const z of lb?.zones ?? []) if (lb && !out.has(z.az)) out.set(z.az, lb.name);
    }
    return out;
  };
}

function reachOf(placement: Reach, azs: readonly string[], lbs: ReadonlyMap<string, string>): Map<string, { why: Reach; lb?: string }> {
  const out = new Map<string, { why: Reach; lb?: string }>(azs.map((az) => [az, { why: placement }]));
  // Placement first: it is the nearer cause; the load balancer's zones add the AZs placement leaves out.
  for (const [az, lb] of lbs) if (!out.has(az)) out.set(az, { why: 'loadBalancer', lb });
  return out;
}

function serviceSpreads(topology: Topology, lbAzs: LbZones): Spread[] {
  const subnetAz = (id: string) => resourceOf(topology, 'subnet', id)?.az;
  const hostAzs = new Map<string, string[]>();
  for (const h of resourcesOf(topology, 'containerInstance')) if (h.status === 'ACTIVE' && h.az) push(hostAzs, h.clusterArn, h.az);
  const running = new Map<string, string[]>();
  for (const t of resourcesOf(topology, 'task')) if (t.serviceArn && t.lastStatus === 'RUNNING' && t.az) push(running, t.serviceArn, t.az);
  return resourcesOf(topology, 'service').map((s) => {
    const subnets = (s.networkConfiguration?.subnets ?? []).flatMap((id) => subnetAz(id) ?? []);
    const tgs = relations.serviceTargetGroups.links(s).map((l) => l.key);
    const azs = running.get(s.id) ?? [];
    return {
      id: s.id,
      name: s.name,
      what: `Service ${s.name}`,
      unit: 'task',
      running: azs,
      count: azs.length,
      // awsvpc services place tasks in their subnets; bridge and host ones on the cluster's instances.
      reach: subnets.length ? reachOf('subnets', subnets, lbAzs(tgs)) : reachOf('hosts', hostAzs.get(s.clusterArn) ?? [], lbAzs(tgs)),
    };
  });
}

function workloadSpreads(topology: Topology, lbAzs: LbZones): Spread[] {
  const nodeAzs = new Map<string, string[]>();
  for (const n of resourcesOf(topology, 'eksNode')) if (n.state === 'running' && n.kube?.ready !== false && n.az) push(nodeAzs, n.clusterArn, n.az);
  const pods = new Map<string, { azs: string[]; fargate: boolean }>();
  for (const p of resourcesOf(topology, 'pod')) {
    if (!p.workloadId || p.phase !== 'Running' || !p.az) continue;
    const seen = pods.get(p.workloadId);
    if (seen) {
      seen.azs.push(p.az);
      seen.fargate &&= p.fargate;
    } else pods.set(p.workloadId, { azs: [p.az], fargate: p.fargate });
  }
  const profiles = resourcesOf(topology, 'fargateProfile');
  const tgsOf = targetGroupsByWorkload(topology);
  // A Job runs to completion and a bare Pod is one pod: neither has a spread to keep.
  const spread = resourcesOf(topology, 'workload').filter((w) => !SYSTEM_NAMESPACES.has(w.namespace) && w.workloadKind !== 'Job' && w.workloadKind !== 'Pod');
  return spread.map((w) => {
    const mine = pods.get(w.id) ?? { azs: [], fargate: false };
    // Fargate profile selectors are written "namespace [k=v,…]": the namespace is the first word.
    const fargate = profiles
      .filter((f) => f.clusterArn === w.clusterArn && f.selectors.some((sel) => sel.split(' ')[0] === w.namespace))
      .flatMap((f) => f.subnetIds.flatMap((id) => resourceOf(topology, 'subnet', id)?.az ?? []));
    return {
      id: w.id,
      name: w.name,
      what: `${w.workloadKind} ${w.namespace}/${w.name}`,
      unit: 'pod',
      running: mine.azs,
      count: mine.azs.length,
      reach:
        mine.fargate && mine.azs.length
          ? reachOf('fargate', fargate, lbAzs(tgsOf.get(w.id) ?? []))
          : reachOf('nodes', nodeAzs.get(w.clusterArn) ?? [], lbAzs(tgsOf.get(w.id) ?? [])),
    };
  });
}

const list = (azs: readonly string[]) => (azs.length > 1 ? `${azs.slice(0, -1).join(', ')} and ${azs[azs.length - 1] ?? ''}` : (azs[0] ?? ''));

/**
 * Pure: services and workloads that run in fewer AZs than they could: they run at least one task or pod per AZ they
 * reach (their subnets, their cluster's instances or nodes, their load balancer's zones), yet none in some of them,
 * so losing one zone takes more of them than it need. Fewer tasks than AZs is a choice, not a gap. Nothing is said
 * when the tasks or pods were not all read.
 */
export function zoneProblems(topology: Topology): Problem[] {
  const lbAzs = balancing(topology);
  const spreads = [
    ...(unreadBecause(topology.errors, 'task').length ? [] : serviceSpreads(topology, lbAzs)),
    ...(unreadBecause(topology.errors, 'pod').length ? [] : workloadSpreads(topology, lbAzs)),
  ];
  return spreads.flatMap((s): Problem[] => {
    const missing = [...s.reach.keys()].filter((az) => !s.running.includes(az)).sort();
    if (!missing.length || s.count === 0 || s.count < s.reach.size) return [];
    const first = s.reach.get(missing[0] ?? '') ?? { why: 'subnets' };
    const why = REACH[first.why];
    const runs = [...new Set(s.running)].sort();
    return [
      {
        id: `zoneGap:${s.id}`,
        kind: 'zoneGap',
        severity: 'warning',
        subject: s.id,
        name: s.name,
        related: [],
        title: `not in ${list(missing)}`,
        message: `${s.what} runs ${s.count} ${s.unit}s in ${list(runs)} but none in ${list(missing)}, where ${why.where.replace('<lb>', first.lb ?? '')}: ${why.fix}.`,
      },
    ];
  });
}
