import { resourceOf, shortId, type ResourceOf, type Topology } from '../model';
import { counted } from './counts';
import { ipWords, subnetFacts, vpcFacts } from './networkFacts';
import { nodeGroupFacts } from './nodeGroupFacts';
import { azCountsOf } from './ownerNode';
import type { Problem } from './problems';
import { routeIndex, serviceRoutes, targetGroupsByWorkload, workloadRoutes, type RouteIndex } from './routes';
import { ecsUnits, podUnits, type Unit } from './units';

/** What several boxes' facts share, built once per topology and only when a box asks: units by owner and host, routes. */
interface Index {
  unitsByOwner: Map<string, Unit[]>;
  unitsByHost: Map<string, Unit[]>;
  routes: RouteIndex;
  tgsOfWorkload: Map<string, string[]>;
}

function buildIndex(topology: Topology): Index {
  const unitsByOwner = new Map<string, Unit[]>();
  const unitsByHost = new Map<string, Unit[]>();
  const add = (map: Map<string, Unit[]>, key: string | undefined, u: Unit) => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(u);
    else map.set(key, [u]);
  };
  for (const u of [...ecsUnits(topology), ...podUnits(topology)]) {
    add(unitsByOwner, u.ownerId, u);
    add(unitsByHost, u.hostId, u);
  }
  return { unitsByOwner, unitsByHost, routes: routeIndex(topology), tgsOfWorkload: targetGroupsByWorkload(topology) };
}

// A topology is never changed once read: its index is a pure function of it, kept as long as the topology lives.
const INDEXES = new WeakMap<Topology, Index>();
function indexOf(topology: Topology): Index {
  const known = INDEXES.get(topology);
  if (known) return known;
  const built = buildIndex(topology);
  INDEXES.set(topology, built);
  return built;
}

const lines = (...parts: (string | false | undefined)[]): string => parts.filter((p): p is string => Boolean(p)).join('\n');

/** "AZs: us-east-1a 2, us-east-1b 1", from the live units; none running, no line. */
function azLine(units: readonly Unit[]): string | undefined {
  const spread = Object.entries(azCountsOf(units)).sort(([a], [b]) => a.localeCompare(b));
  return spread.length ? `AZs: ${spread.map(([az, n]) => `${az} ${n}`).join(', ')}` : undefined;
}

const routesLine = (routes: readonly string[]) => (routes.length ? `Routes: ${routes.join('; ')}` : 'Routes: no load balancer');
const problemsLine = (problems: readonly Problem[]) => (problems.length ? `Problems: ${problems.map((p) => p.title).join('; ')}` : undefined);

function serviceFacts(topology: Topology, s: ResourceOf<'service'>, problems: readonly Problem[]): string {
  const index = indexOf(topology);
  const placement = s.launchType ?? s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+');
  const deployments = s.deployments.map(
    (d) => `${d.status} ${shortId(d.taskDefinitionArn)} ${d.running}/${d.desired}${d.rolloutState ? ` ${d.rolloutState}` : ''}`,
  );
  return lines(
    [`Service ${s.name}`, `cluster ${shortId(s.clusterArn)}`, `${s.running}/${s.desired} running${s.pending ? `, ${s.pending} pending` : ''}`, placement]
      .filter(Boolean)
      .join(' · '),
    deployments.length > 0 && `Deployments: ${deployments.join('; ')}`,
    routesLine(serviceRoutes(s, index.routes)),
    azLine(index.unitsByOwner.get(s.id) ?? []),
    problemsLine(problems),
  );
}

function workloadFacts(topology: Topology, w: ResourceOf<'workload'>, problems: readonly Problem[]): string {
  const index = indexOf(topology);
  return lines(
    [`${w.workloadKind} ${w.name}`, `namespace ${w.namespace}`, `${w.ready}/${w.desired} ready`, w.strategy].filter(Boolean).join(' · '),
    routesLine(workloadRoutes(w, index.tgsOfWorkload, index.routes)),
    azLine(index.unitsByOwner.get(w.id) ?? []),
    problemsLine(problems),
  );
}

/** The target states in the order a person scans them: serving, failing, then coming and going (DescribeTargetHealth: State). */
const TARGET_STATE_ORDER = ['healthy', 'unhealthy', 'unhealthy.draining', 'initial', 'draining', 'unused', 'unavailable'];
/** Targets named one by one, with their reasons: more would not fit a tooltip; the panel lists them all. */
const NAMED_TARGETS = 8;

function targetGroupFacts(tg: ResourceOf<'targetGroup'>, problems: readonly Problem[]): string {
  const head = [
    `Target group ${tg.name}`,
    `${tg.targetType} ${tg.protocol ?? ''}${tg.port !== undefined ? `:${tg.port}` : ''}`.trim(),
    tg.healthCheck.path && `health check ${tg.healthCheck.path}`,
  ]
    .filter(Boolean)
    .join(' · ');
  if (!tg.targets) return lines(head, 'Targets: health not read', problemsLine(problems));
  const rank = (state: string) => (TARGET_STATE_ORDER.includes(state) ? TARGET_STATE_ORDER.indexOf(state) : TARGET_STATE_ORDER.length);
  const states = [...new Set(tg.targets.map((t) => t.state))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const count = (state: string) => tg.targets?.filter((t) => t.state === state).length ?? 0;
  const named = tg.targets
    .filter((t) => t.state !== 'healthy')
    .sort((a, b) => rank(a.state) - rank(b.state))
    .map((t) => {
      const why = [t.reason, t.description].filter(Boolean).join(', ');
      return `${t.state} ${t.id}${t.port !== undefined ? `:${t.port}` : ''}${t.az ? ` (${t.az})` : ''}${why ? `: ${why}` : ''}`;
    });
  const more = named.length - NAMED_TARGETS;
  return lines(
    head,
    `Targets: ${states.length ? states.map((s) => `${count(s)} ${s}`).join(', ') : 'none registered'}`,
    ...named.slice(0, NAMED_TARGETS),
    more > 0 && `and ${more} more`,
    problemsLine(problems.filter((p) => p.subject !== tg.id)),
  );
}

/** How a load balancer's type is written (DescribeLoadBalancers: Type). */
const LB_TYPE: Record<string, string> = { application: 'Application load balancer', network: 'Network load balancer', gateway: 'Gateway load balancer' };

function loadBalancerFacts(lb: ResourceOf<'loadBalancer'>): string {
  const listeners = lb.listeners.map((l) => `${l.protocol ?? ''}:${l.port ?? ''} (${counted(l.rules.length, 'rule')})`);
  return lines(
    [`${LB_TYPE[lb.type] ?? 'Load balancer'} ${lb.name}`, lb.scheme, lb.state && lb.state !== 'active' && lb.state].filter(Boolean).join(' · '),
    `Listeners: ${listeners.length ? listeners.join(', ') : 'none'}`,
    lb.zones.length > 0 && `AZs: ${lb.zones.map((z) => z.az).join(', ')}`,
    lb.dnsName && `DNS: ${lb.dnsName}`,
  );
}

function instanceFacts(topology: Topology, host: ResourceOf<'containerInstance'>, problems: readonly Problem[]): string {
  const units = (indexOf(topology).unitsByHost.get(host.id) ?? []).filter((u) => u.health !== 'stopped');
  const byOwner = new Map<string, number>();
  for (const u of units) byOwner.set(u.label, (byOwner.get(u.label) ?? 0) + 1);
  const owners = [...byOwner].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => `${name} ${n}`);
  return lines(
    [`Container instance ${host.ec2InstanceId ?? shortId(host.id)}`, host.instanceType, host.status, !host.agentConnected && 'agent disconnected']
      .filter(Boolean)
      .join(' · '),
    `${counted(units.length, 'task')}${owners.length ? `: ${owners.join(', ')}` : ''}`,
    `Free: cpu ${host.remaining.cpu} of ${host.registered.cpu} units, memory ${host.remaining.memory} of ${host.registered.memory} MiB`,
    problemsLine(problems),
  );
}

/**
 * Pure: a box's key facts for its tooltip: a subnet, the VPC or a node group in one line; a service, workload,
 * target group, load balancer or container instance in a few lines. `problems` are those the map badges on the box.
 * The panel holds the rest. Undefined for any other id, whose box says its facts itself.
 */
export function hoverFacts(topology: Topology, id: string, problems: readonly Problem[] = []): string | undefined {
  const r = topology.resources[id];
  switch (r?.kind) {
    case 'subnet': {
      const f = subnetFacts(topology, r);
      return [`Subnet ${r.name ?? r.id}`, r.az, r.cidrBlock, f.reach, `IPs: ${ipWords(f.ips)}`, `${counted(f.tasks, 'task')}, ${counted(f.pods, 'pod')}`].join(
        ' · ',
      );
    }
    case 'vpc': {
      const f = vpcFacts(topology, r);
      const t = f.totals;
      return [
        `VPC ${r.name ?? r.id}`,
        r.cidrBlock,
        `${counted(t.subnets, 'subnet')} (${t.public} public, ${t.private} private${t.isolated ? `, ${t.isolated} isolated` : ''})`,
        `IPs: ${ipWords(f.ips)}`,
      ].join(' · ');
    }
    case 'nodeGroup': {
      const f = nodeGroupFacts(topology, r);
      const cluster = resourceOf(topology, 'eksCluster', r.clusterArn)?.name;
      // Its problems say its status when it is not ACTIVE; a healthy group says ACTIVE.
      return [
        `Node group ${r.name}${cluster ? ` of ${cluster}` : ''}`,
        `${f.ready}/${r.scaling.desired} Ready`,
        ...(f.problems.length ? f.problems : [r.status]),
      ].join(' · ');
    }
    case 'service':
      return serviceFacts(topology, r, problems);
    case 'workload':
      return workloadFacts(topology, r, problems);
    case 'targetGroup':
      return targetGroupFacts(r, problems);
    case 'loadBalancer':
      return loadBalancerFacts(r);
    case 'containerInstance':
      return instanceFacts(topology, r, problems);
    default:
      return undefined;
  }
}
