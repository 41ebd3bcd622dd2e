import { BATCH, bucketFor, bucketSpec } from '../server/sources/aws/limits';
import type { World } from '../server/fake-aws/world';

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
const batches = (n: number, size: number) => Math.ceil(n / size);

/** The fewest calls the API batch limits allow for reading a world, per IAM action. */
export function minimumCalls(world: World): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (action: string, n: number) => {
    if (n > 0) out[action] = (out[action] ?? 0) + n;
  };
  const clusters = world.ecs.clusters.map((c) => String(c['clusterArn']));
  add('ecs:ListClusters', pages(clusters.length, BATCH.ecsListPage));
  add('ecs:DescribeClusters', batches(clusters.length, BATCH.ecsDescribeClusters));
  for (const arn of clusters) {
    const services = world.ecs.services.filter((s) => s['clusterArn'] === arn).length;
    const running = world.ecs.tasks.filter((t) => t['clusterArn'] === arn && t['desiredStatus'] === 'RUNNING').length;
    const stopped = world.ecs.tasks.filter((t) => t['clusterArn'] === arn && t['desiredStatus'] === 'STOPPED').length;
    const instances = world.ecs.containerInstances.filter((c) => c.clusterArn === arn).length;
    add('ecs:ListServices', pages(services, BATCH.ecsListPage));
    add('ecs:DescribeServices', batches(services, BATCH.ecsDescribeServices));
    add('ecs:ListTasks', pages(running, BATCH.ecsListPage) + pages(stopped, BATCH.ecsListPage));
    add('ecs:DescribeTasks', batches(running + stopped, BATCH.ecsDescribeTasks));
    add('ecs:ListContainerInstances', instances ? pages(instances, BATCH.ecsListPage) : 0);
    add('ecs:DescribeContainerInstances', batches(instances, BATCH.ecsDescribeContainerInstances));
  }
  const tds = new Set([
    ...world.ecs.tasks.map((t) => String(t['taskDefinitionArn'])),
    ...world.ecs.services.flatMap((s) =>
      (Array.isArray(s['deployments']) ? s['deployments'] : []).map((d) =>
        typeof d === 'object' && d && !Array.isArray(d) ? String(d['taskDefinition']) : '',
      ),
    ),
  ]);
  add('ecs:DescribeTaskDefinition', tds.size);
  // Container instances' EC2 instances, by id (EKS nodes are found by Auto Scaling group, below).
  add('ec2:DescribeInstances', batches(world.ecs.containerInstances.length, BATCH.ec2Ids));
  add('ec2:DescribeSubnets', batches(world.ec2.subnets.length, BATCH.ec2Ids));
  add('ec2:DescribeVpcs', batches(world.ec2.vpcs.length, BATCH.ec2Ids));
  add('ec2:DescribeRouteTables', pages(world.ec2.routeTables.length, BATCH.ec2RouteTablesPage));
  const ecsTgs = new Set(
    world.ecs.services.flatMap((s) =>
      (Array.isArray(s['loadBalancers']) ? s['loadBalancers'] : []).map((l) =>
        typeof l === 'object' && l && !Array.isArray(l) ? String(l['targetGroupArn']) : '',
      ),
    ),
  );
  // Target groups the Load Balancer Controller bound to Kubernetes Services (TargetGroupBindings).
  const kubeTgs = new Set(
    Object.values(world.kube ?? {}).flatMap((k) =>
      k.targetgroupbindings.map((t) => String((t['spec'] as Record<string, unknown> | undefined)?.['targetGroupARN'] ?? '')),
    ),
  );
  const tgs = new Set([...ecsTgs, ...kubeTgs]);
  const lbs = new Set(
    world.elbv2.targetGroups
      .filter((t) => tgs.has(String(t['TargetGroupArn'])))
      .flatMap((t) => (Array.isArray(t['LoadBalancerArns']) ? t['LoadBalancerArns'].map(String) : [])),
  );
  const listeners = world.elbv2.listeners.filter((l) => lbs.has(String(l['LoadBalancerArn'])));
  const albs = new Set(world.elbv2.loadBalancers.filter((l) => l['Type'] === 'application').map((l) => String(l['LoadBalancerArn'])));
  add('elasticloadbalancing:DescribeTargetGroups', batches(tgs.size, BATCH.elbTargetGroupArns));
  add('elasticloadbalancing:DescribeTargetHealth', tgs.size);
  add('elasticloadbalancing:DescribeLoadBalancers', batches(lbs.size, BATCH.elbLoadBalancerArns));
  add('elasticloadbalancing:DescribeListeners', lbs.size);
  add('elasticloadbalancing:DescribeRules', listeners.filter((l) => albs.has(String(l['LoadBalancerArn']))).length);
  const eks = world.eks ?? { clusters: [], nodegroups: [], fargateProfiles: [] };
  add('eks:ListClusters', pages(eks.clusters.length, BATCH.eksListPage));
  add('eks:DescribeCluster', eks.clusters.length);
  for (const c of eks.clusters) {
    const name = String(c['name']);
    const groups = eks.nodegroups.filter((n) => n.clusterName === name).length;
    const profiles = eks.fargateProfiles.filter((f) => f.clusterName === name).length;
    add('eks:ListNodegroups', pages(groups, BATCH.eksListPage));
    add('eks:ListFargateProfiles', pages(profiles, BATCH.eksListPage));
    add('eks:DescribeNodegroup', groups);
    add('eks:DescribeFargateProfile', profiles);
  }
  // Worker nodes: two tag queries asked at once (eks:cluster-name for managed nodes, the kubernetes.io/cluster/<name>
  // tag key for every node, self-managed ones included), each one DescribeInstances page per 1,000 instances.
  const tagged = (needle: string) => world.ec2.instances.filter((i) => JSON.stringify(i['tagSet'] ?? []).includes(needle)).length;
  if (eks.clusters.length) {
    add('ec2:DescribeInstances', pages(tagged('"eks:cluster-name"'), BATCH.ec2Page) * batches(eks.clusters.length, BATCH.ec2FilterValues));
    add('ec2:DescribeInstances', pages(tagged('"kubernetes.io/cluster/'), BATCH.ec2Page) * batches(eks.clusters.length, BATCH.ec2FilterValues));
  }
  return out;
}

/** The fewest Kubernetes API list calls: one page of KUBE_PAGE per resource and cluster (nodes first, then nine lists). */
export function minimumKubeCalls(world: World, page: number): number {
  return Object.values(world.kube ?? {}).reduce(
    (n, k) => n + Object.values(k).reduce((m, items) => m + pages(items.length, page), 0) - pages(k.namespaces.length, page),
    0,
  );
}

/** The shortest time AWS's token buckets allow for these calls: the slowest bucket's (calls − burst) / refill. */
export function bucketBoundSeconds(calls: Record<string, number>): { seconds: number; bucket: string } {
  const perBucket = new Map<string, { spec: string; n: number }>();
  for (const [action, n] of Object.entries(calls)) {
    const [prefix = '', op = ''] = action.split(':');
    const service = prefix === 'elasticloadbalancing' ? 'elbv2' : prefix === 'ec2' ? 'ec2' : prefix === 'eks' ? 'eks' : 'ecs';
    const { spec, key } = bucketFor(service, op);
    perBucket.set(key, { spec, n: (perBucket.get(key)?.n ?? 0) + n });
  }
  let best = { seconds: 0, bucket: '(none)' };
  for (const [key, { spec, n }] of perBucket) {
    const s = bucketSpec(spec);
    const seconds = Math.max(0, (n - s.capacity) / s.refillPerSecond);
    if (seconds > best.seconds) best = { seconds, bucket: key };
  }
  return best;
}
