import { resourcesOf, type Cluster, type Topology, shortId } from '../model';
import { counted } from './counts';

/** The states a task is counted in: DescribeTasks' lastStatus, along the ECS task lifecycle. */
export type TaskPhase = 'running' | 'pending' | 'stopping' | 'stopped';

const PHASE: Readonly<Record<string, TaskPhase>> = {
  PROVISIONING: 'pending',
  PENDING: 'pending',
  ACTIVATING: 'pending',
  RUNNING: 'running',
  DEACTIVATING: 'stopping',
  STOPPING: 'stopping',
  DEPROVISIONING: 'stopping',
  STOPPED: 'stopped',
  DELETED: 'stopped',
};

/** A status ECS adds later is still counted (and drawn), as not running. */
export const taskPhase = (lastStatus: string): TaskPhase => PHASE[lastStatus] ?? 'pending';

/** An ECS cluster as the map heads it: what was read in it, and AWS's own counters where they say otherwise. */
export interface EcsClusterSummary {
  id: string;
  name: string;
  /** DescribeClusters, when it could be read */
  cluster?: Cluster;
  /** ACTIVE services read (DescribeServices), what activeServicesCount counts */
  services: number;
  /** Every task read (DescribeTasks), as many as the map draws */
  tasks: number;
  /** The tasks read per phase; `running` is what runningTasksCount counts */
  phases: Record<TaskPhase, number>;
  /** AWS's counters, only those that differ from what was read */
  aws: { services?: number; tasks?: number };
}

const noPhases = (): Record<TaskPhase, number> => ({ running: 0, pending: 0, stopping: 0, stopped: 0 });

/**
 * Every ECS cluster the read saw, described or not: a denied or failed DescribeClusters still leaves the services
 * and tasks read, which name their cluster. In ARN order.
 */
export function ecsClusters(topology: Topology): EcsClusterSummary[] {
  const described = new Map(resourcesOf(topology, 'cluster').map((c) => [c.id, c]));
  const services = new Map<string, number>();
  const phases = new Map<string, Record<TaskPhase, number>>();
  const ids = new Set(described.keys());
  for (const s of resourcesOf(topology, 'service')) {
    ids.add(s.clusterArn);
    if (s.status === 'ACTIVE') services.set(s.clusterArn, (services.get(s.clusterArn) ?? 0) + 1);
  }
  for (const t of resourcesOf(topology, 'task')) {
    ids.add(t.clusterArn);
    const mine = phases.get(t.clusterArn) ?? noPhases();
    mine[taskPhase(t.lastStatus)] += 1;
    phases.set(t.clusterArn, mine);
  }
  return [...ids].sort().map((id) => {
    const cluster = described.get(id);
    const byPhase = phases.get(id) ?? noPhases();
    const read = { services: services.get(id) ?? 0, running: byPhase.running };
    return {
      id,
      name: cluster?.name ?? shortId(id),
      ...(cluster ? { cluster } : {}),
      services: read.services,
      tasks: Object.values(byPhase).reduce((a, b) => a + b, 0),
      phases: byPhase,
      aws: {
        ...(cluster && cluster.activeServices !== read.services ? { services: cluster.activeServices } : {}),
        ...(cluster && cluster.runningTasks !== read.running ? { tasks: cluster.runningTasks } : {}),
      },
    };
  });
}

/**
 * "3 services · 10 tasks · FARGATE" when every task read runs, else "8 running tasks · 1 pending": the numbers add up
 * to the tasks drawn. "(AWS: n)" follows a count AWS's counter disagrees with (runningTasksCount counts running ones).
 */
export function ecsClusterDetail(s: EcsClusterSummary): string {
  const aws = (n: number | undefined) => (n === undefined ? '' : ` (AWS: ${n})`);
  const c = s.cluster;
  const placement = !c
    ? 'cluster not described'
    : c.capacityProviders.length
      ? c.capacityProviders.join(', ')
      : c.containerInstances
        ? counted(c.containerInstances, 'EC2 instance')
        : 'no capacity providers';
  const { running, pending, stopping, stopped } = s.phases;
  const tasks =
    running === s.tasks
      ? `${counted(s.tasks, 'task')}${aws(s.aws.tasks)}`
      : [
          `${counted(running, 'running task')}${aws(s.aws.tasks)}`,
          ...(pending ? [`${pending} pending`] : []),
          ...(stopping ? [`${stopping} stopping`] : []),
          ...(stopped ? [`${stopped} stopped`] : []),
        ].join(' · ');
  return `${counted(s.services, 'service')}${aws(s.aws.services)} · ${tasks} · ${placement}`;
}
