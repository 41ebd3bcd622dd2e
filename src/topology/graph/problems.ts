import { resourcesOf, shortId, type Deployment, type Service, type Topology } from '../model';
import { perTopology } from './memo';
import { readProblems } from './problemReads';
import { zoneProblems } from './problemZones';
import { namedBy, relations } from './relations';
import { targetGroupsByWorkload } from './routes';

export type Severity = 'critical' | 'warning';

export type ProblemKind =
  | 'underReplicated'
  | 'deploymentFailed'
  | 'deploymentRolledBack'
  | 'deploymentStuck'
  | 'nodeGroupDegraded'
  | 'nodeNotReady'
  | 'zoneGap'
  | 'unhealthyTargets'
  | 'crashLoop'
  | 'readFailed';

/** Something a person should see on the map: a badge on `subject`, a line in the top bar's list. */
export interface Problem {
  /** Stable across reads while the problem lasts: "<kind>:<subject>[:<detail>]" */
  id: string;
  kind: ProblemKind;
  severity: Severity;
  /** The resource id the map badges (a service, workload, node group, node, target group, or the region) */
  subject: string;
  /** The subject's name, as the map labels it */
  name: string;
  /** Other resources it concerns, badged too: the services a target group serves, the pods of a crash loop */
  related: string[];
  /** Short, for a badge or a banner: "3/4 running" */
  title: string;
  /** One sentence or two: which resource, what is wrong, what to do */
  message: string;
}

/** A deployment still rolling out this long after it began is worth a look (ECS gives no deadline of its own). */
export const STUCK_AFTER_MS = 30 * 60_000;
/** Restarts of a pod's containers that say it keeps dying even when it is not backing off right now. */
export const RESTARTS_WORTH_A_LOOK = 5;

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1 };
const clusterName = (arn: string) => shortId(arn);
/** A resource's name as the map labels it, else the last part of its id (a resource that was not read). */
function nameOf(topology: Topology, id: string): string {
  const r = topology.resources[id];
  return (r && 'name' in r ? r.name : undefined) ?? shortId(id);
}
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function replicaProblems(topology: Topology): Problem[] {
  const services = resourcesOf(topology, 'service')
    .filter((s) => s.status === 'ACTIVE' && s.desired > 0 && s.running < s.desired)
    .map((s): Problem => ({
      id: `underReplicated:${s.id}`,
      kind: 'underReplicated',
      severity: s.running === 0 ? 'critical' : 'warning',
      subject: s.id,
      name: s.name,
      related: [],
      title: `${s.running}/${s.desired} running`,
      message:
        `Service ${s.name} (cluster ${clusterName(s.clusterArn)}) runs ${s.running} of ${s.desired} desired tasks` +
        `${s.pending ? `, ${s.pending} pending` : ''}${s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS' && d.status === 'PRIMARY') ? ' while a deployment rolls out' : ''}: its events and stopped tasks say why tasks do not start or stay up.`,
    }));
  // A Job's pods finish and stop being ready by design; a bare Pod has nothing to compare with.
  const workloads = resourcesOf(topology, 'workload')
    .filter((w) => w.workloadKind !== 'Job' && w.workloadKind !== 'Pod' && w.desired > 0 && w.ready < w.desired)
    .map((w): Problem => ({
      id: `underReplicated:${w.id}`,
      kind: 'underReplicated',
      severity: w.ready === 0 ? 'critical' : 'warning',
      subject: w.id,
      name: w.name,
      related: [],
      title: `${w.ready}/${w.desired} ready`,
      message: `${w.workloadKind} ${w.namespace}/${w.name} has ${w.ready} of ${w.desired} pods ready: kubectl describe on its pods says why the others are not.`,
    }));
  return [...services, ...workloads];
}

/** What a deployment's rollout says, most telling first; undefined when it is going as it should. */
function deploymentState(d: Deployment, now: number): { kind: ProblemKind; severity: Severity; title: string; why: string } | undefined {
  const reason = d.rolloutStateReason ? ` (${d.rolloutStateReason})` : '';
  // The circuit breaker writes "rolling back to deploymentId …" on the deployment it gave up on.
  if (/roll(ing|ed) back/i.test(d.rolloutStateReason ?? ''))
    return { kind: 'deploymentRolledBack', severity: 'warning', title: 'rolled back', why: `was rolled back${reason}` };
  if (d.rolloutState === 'FAILED') return { kind: 'deploymentFailed', severity: 'critical', title: 'deployment failed', why: `failed${reason}` };
  if (d.status !== 'PRIMARY' || d.rolloutState !== 'IN_PROGRESS') return undefined;
  if (d.failedTasks > 0)
    return {
      kind: 'deploymentStuck',
      severity: 'warning',
      title: `${d.failedTasks} failed to start`,
      why: `has had ${plural(d.failedTasks, 'task')} fail to start`,
    };
  const since = d.createdAt;
  if (since !== undefined && now - since >= STUCK_AFTER_MS)
    return {
      kind: 'deploymentStuck',
      severity: 'warning',
      title: 'deployment stuck',
      why: `has been in progress for ${Math.round((now - since) / 60_000)} min`,
    };
  return undefined;
}

function deploymentProblems(topology: Topology): Problem[] {
  const now = topology.source.fetchedAt;
  return resourcesOf(topology, 'service').flatMap((s: Service) =>
    s.deployments
      .filter((d) => d.status !== 'INACTIVE')
      .flatMap((d): Problem[] => {
        const state = deploymentState(d, now);
        if (!state) return [];
        return [
          {
            id: `${state.kind}:${s.id}:${d.id}`,
            kind: state.kind,
            severity: state.severity,
            subject: s.id,
            name: s.name,
            related: [],
            title: state.title,
            message: `Deployment ${d.id} of service ${s.name} (task definition ${shortId(d.taskDefinitionArn)}) ${state.why}: its events and stopped tasks say why.`,
          },
        ];
      }),
  );
}

function nodeProblems(topology: Topology): Problem[] {
  const groups = resourcesOf(topology, 'nodeGroup')
    .filter((g) => g.status === 'DEGRADED' || g.status.endsWith('_FAILED') || g.healthIssues.length > 0)
    .map((g): Problem => ({
      id: `nodeGroupDegraded:${g.id}`,
      kind: 'nodeGroupDegraded',
      severity: g.status.endsWith('_FAILED') ? 'critical' : 'warning',
      subject: g.id,
      name: g.name,
      related: [],
      title: g.status === 'ACTIVE' ? plural(g.healthIssues.length, 'health issue') : g.status,
      message:
        `Node group ${g.name} (EKS cluster ${clusterName(g.clusterArn)}) is ${g.status}` +
        `${g.healthIssues.length ? `: ${g.healthIssues.map((i) => i.replace(/\.$/, '')).join('; ')}` : ''}. New nodes may not launch until the issue is fixed.`,
    }));
  const down = new Set(['stopping', 'stopped', 'shutting-down']);
  const nodes = resourcesOf(topology, 'eksNode')
    .filter((n) => n.kube?.ready === false || down.has(n.state))
    .map((n): Problem => {
      const notReady = n.kube?.ready === false;
      return {
        id: `nodeNotReady:${n.id}`,
        kind: 'nodeNotReady',
        severity: notReady ? 'critical' : 'warning',
        subject: n.id,
        name: n.name,
        related: [],
        title: notReady ? 'NotReady' : n.state,
        message: notReady
          ? `Node ${n.name} (${n.id}) is NotReady: its pods get no new work; kubectl describe node says why (kubelet, network, pressure).`
          : `Node ${n.name} (${n.id}) is ${n.state} in EC2: the pods bound to it cannot run.`,
      };
    });
  return [...groups, ...nodes];
}

function targetProblems(topology: Topology): Problem[] {
  const workloadsOfTg = new Map<string, string[]>();
  for (const [w, tgs] of targetGroupsByWorkload(topology)) for (const tg of tgs) workloadsOfTg.set(tg, [...(workloadsOfTg.get(tg) ?? []), w]);
  return resourcesOf(topology, 'targetGroup').flatMap((tg): Problem[] => {
    const targets = tg.targets ?? [];
    // "unhealthy.draining" is on its way out of the group: it no longer takes traffic and needs nothing done.
    const unhealthy = targets.filter((t) => t.state === 'unhealthy');
    if (!unhealthy.length) return [];
    const owners = [...namedBy(topology, relations.serviceTargetGroups, tg.id).map((s) => s.id), ...(workloadsOfTg.get(tg.id) ?? [])];
    const names = owners.map((id) => nameOf(topology, id));
    const reasons = [...new Set(unhealthy.map((t) => [t.reason, t.description].filter(Boolean).join(': ')).filter(Boolean))];
    const units = tg.targetType === 'ip' || tg.targetType === 'instance' ? (workloadsOfTg.has(tg.id) ? 'pods' : 'tasks') : 'targets';
    const check = tg.healthCheck.path ? ` and the health check (${tg.healthCheck.path})` : '';
    return [
      {
        id: `unhealthyTargets:${tg.id}`,
        kind: 'unhealthyTargets',
        severity: unhealthy.length === targets.length ? 'critical' : 'warning',
        subject: tg.id,
        name: tg.name,
        related: owners,
        title: `${unhealthy.length} unhealthy`,
        message:
          `${unhealthy.length} of ${targets.length} targets of ${tg.name} ${unhealthy.length === 1 ? 'is' : 'are'} unhealthy${reasons.length ? ` (${reasons.join('; ')})` : ''}` +
          `${names.length ? `; it serves ${names.join(', ')}` : ''}: look at the logs of the unhealthy ${units}${check}.`,
      },
    ];
  });
}

function crashProblems(topology: Topology): Problem[] {
  const byOwner = new Map<string, { pods: string[]; looping: boolean; restarts: number; reason?: string }>();
  for (const p of resourcesOf(topology, 'pod')) {
    const looping = p.status === 'CrashLoopBackOff' || p.containerStatuses.some((c) => c.reason === 'CrashLoopBackOff');
    if (!looping && (p.restarts < RESTARTS_WORTH_A_LOOK || p.phase !== 'Running')) continue;
    const owner = p.workloadId ?? p.id;
    const seen = byOwner.get(owner) ?? { pods: [], looping: false, restarts: 0 };
    const last = p.containerStatuses.find((c) => c.lastTermination)?.lastTermination;
    byOwner.set(owner, {
      pods: [...seen.pods, p.id],
      looping: seen.looping || looping,
      restarts: seen.restarts + p.restarts,
      ...(last ? { reason: last } : seen.reason ? { reason: seen.reason } : {}),
    });
  }
  return [...byOwner].map(([owner, c]): Problem => {
    const name = nameOf(topology, owner);
    const pods = c.pods.map(shortId).join(', ');
    return {
      id: `crashLoop:${owner}`,
      kind: 'crashLoop',
      severity: c.looping ? 'critical' : 'warning',
      subject: owner,
      name,
      related: c.pods.filter((p) => p !== owner),
      title: c.looping ? `${plural(c.pods.length, 'pod')} crash-looping` : `${c.restarts} restarts`,
      message:
        `${c.looping ? 'CrashLoopBackOff' : `${c.restarts} restarts`} in ${plural(c.pods.length, 'pod')} of ${name} (${pods})` +
        `${c.reason ? `, last exit ${c.reason}` : ''}: kubectl logs --previous shows why the container exits.`,
    };
  });
}

/** Every finder, each a pure function of the topology. */
const FINDERS: readonly ((topology: Topology) => Problem[])[] = [
  replicaProblems,
  deploymentProblems,
  nodeProblems,
  zoneProblems,
  targetProblems,
  crashProblems,
  readProblems,
];

/** Pure: every problem a person should see on the map, critical first, then by name. */
export const problems: (topology: Topology) => readonly Problem[] = perTopology((topology) =>
  FINDERS.flatMap((find) => find(topology)).sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  ),
);
