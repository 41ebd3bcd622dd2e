import { resourcesOf, type Cluster, type Topology } from '../model';

/** An ECS cluster as the map heads it: what was read in it, and AWS's own counters where they say otherwise. */
export interface EcsClusterSummary {
  id: string;
  name: string;
  /** DescribeClusters, when it could be read */
  cluster?: Cluster;
  /** ACTIVE services read (DescribeServices), what activeServicesCount counts */
  services: number;
  /** RUNNING tasks read (DescribeTasks), what runningTasksCount counts */
  tasks: number;
  /** AWS's counters, only those that differ from what was read */
  aws: { services?: number; tasks?: number };
}

const nameOf = (arn: string) => arn.split('/').pop() ?? arn;

/**
 * Every ECS cluster the read saw, described or not: a denied or failed DescribeClusters still leaves the services
 * and tasks read, which name their cluster. In ARN order.
 */
export function ecsClusters(topology: Topology): EcsClusterSummary[] {
  const described = new Map(resourcesOf(topology, 'cluster').map((c) => [c.id, c]));
  const services = new Map<string, number>();
  const tasks = new Map<string, number>();
  const ids = new Set(described.keys());
  for (const s of resourcesOf(topology, 'service')) {
    ids.add(s.clusterArn);
    if (s.status === 'ACTIVE') services.set(s.clusterArn, (services.get(s.clusterArn) ?? 0) + 1);
  }
  for (const t of resourcesOf(topology, 'task')) {
    ids.add(t.clusterArn);
    if (t.lastStatus === 'RUNNING') tasks.set(t.clusterArn, (tasks.get(t.clusterArn) ?? 0) + 1);
  }
  return [...ids].sort().map((id) => {
    const cluster = described.get(id);
    const read = { services: services.get(id) ?? 0, tasks: tasks.get(id) ?? 0 };
    return {
      id,
      name: cluster?.name ?? nameOf(id),
      ...(cluster ? { cluster } : {}),
      ...read,
      aws: {
        ...(cluster && cluster.activeServices !== read.services ? { services: cluster.activeServices } : {}),
        ...(cluster && cluster.runningTasks !== read.tasks ? { tasks: cluster.runningTasks } : {}),
      },
    };
  });
}

/** "3 services · 10 tasks · FARGATE", with "(AWS: n)" after a count AWS's counter disagrees with. */
export function ecsClusterDetail(s: EcsClusterSummary): string {
  const aws = (n: number | undefined) => (n === undefined ? '' : ` (AWS: ${n})`);
  const c = s.cluster;
  const placement = !c
    ? 'cluster not described'
    : c.capacityProviders.length
      ? c.capacityProviders.join(', ')
      : c.containerInstances
        ? `${c.containerInstances} EC2 instances`
        : 'no capacity providers';
  return `${s.services} services${aws(s.aws.services)} · ${s.tasks} tasks${aws(s.aws.tasks)} · ${placement}`;
}
