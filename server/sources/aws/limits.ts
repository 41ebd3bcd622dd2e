import type { BucketSpec } from './tokenBucket';

/**
 * AWS's own limits, in one table, used by the collector (to batch and pace its calls) and by the fake AWS (to
 * enforce them). Sources: the botocore service models (batch and page sizes) and AWS's request-throttling pages
 * for ECS and EC2 (token buckets per account and Region).
 */

/** Maximum ids or page size per call. */
export const BATCH = {
  /** DescribeClusters: "up to 100 clusters" */
  ecsDescribeClusters: 100,
  /** DescribeServices: "up to 10 services" */
  ecsDescribeServices: 10,
  /** DescribeTasks: "up to 100 tasks" */
  ecsDescribeTasks: 100,
  /** DescribeContainerInstances: "up to 100 container instances" */
  ecsDescribeContainerInstances: 100,
  /** ListClusters/ListTasks/ListContainerInstances/ListServices maxResults 1–100 (ListServices defaults to 10) */
  ecsListPage: 100,
  /** EC2: "you should not specify more than 1,000 IDs in a single call"; MaxResults 5–1000 */
  ec2Ids: 1000,
  ec2Page: 1000,
  /** DescribeRouteTables MaxResults 5–100 */
  ec2RouteTablesPage: 100,
  /** Values per EC2 filter: "up to 200" (EC2 API reference, Filter) */
  ec2FilterValues: 200,
  /** DescribeLoadBalancers: LoadBalancerArns up to 20 */
  elbLoadBalancerArns: 20,
  /** DescribeTargetGroups: TargetGroupArns has no documented count; we keep DescribeLoadBalancers' 20 to be safe */
  elbTargetGroupArns: 20,
  /** PageSize 1–400 for DescribeLoadBalancers/TargetGroups/Listeners/Rules */
  elbPage: 400,
  /** DescribeTags: ResourceArns up to 20 */
  elbTagArns: 20,
  /** EKS ListClusters/ListNodegroups/ListFargateProfiles maxResults 1–100 */
  eksListPage: 100,
} as const;

/**
 * ECS shares one bucket per category across its actions (request-throttling page). EC2 rates each API on its
 * own (100 burst, 20/s for paginated or filtered non-mutating calls). ELBv2 publishes no numbers; we assume the
 * EC2 non-mutating bucket per API, which matches the throttling users report on DescribeTargetHealth.
 */
export const THROTTLE_BUCKETS: Record<string, BucketSpec> = {
  'ecs:cluster-read': { capacity: 50, refillPerSecond: 20 },
  'ecs:task-definition-read': { capacity: 50, refillPerSecond: 20 },
  'ecs:cluster-resource-read': { capacity: 100, refillPerSecond: 20 },
  'ecs:service-read': { capacity: 100, refillPerSecond: 20 },
  'ec2:non-mutating': { capacity: 100, refillPerSecond: 20 },
  'elbv2:describe': { capacity: 100, refillPerSecond: 20 },
  /** EKS publishes no numbers either (ThrottlingException, HTTP 429); the same assumption per API */
  'eks:describe': { capacity: 100, refillPerSecond: 20 },
};

const ECS_CATEGORY: Record<string, string> = {
  ListClusters: 'ecs:cluster-read',
  DescribeClusters: 'ecs:cluster-read',
  DescribeTaskDefinition: 'ecs:task-definition-read',
  ListServices: 'ecs:service-read',
  DescribeServices: 'ecs:service-read',
  ListTasks: 'ecs:cluster-resource-read',
  DescribeTasks: 'ecs:cluster-resource-read',
  ListContainerInstances: 'ecs:cluster-resource-read',
  DescribeContainerInstances: 'ecs:cluster-resource-read',
};

/**
 * The bucket an operation draws from, as "<bucket spec>#<bucket key>": ECS actions share a bucket per category,
 * EC2 and ELBv2 have one bucket per API.
 */
export function bucketFor(service: 'ecs' | 'ec2' | 'elbv2' | 'eks', operation: string): { spec: string; key: string } {
  if (service === 'ecs') {
    const category = ECS_CATEGORY[operation] ?? 'ecs:cluster-read';
    return { spec: category, key: category };
  }
  if (service === 'ec2') return { spec: 'ec2:non-mutating', key: `ec2:${operation}` };
  if (service === 'eks') return { spec: 'eks:describe', key: `eks:${operation}` };
  return { spec: 'elbv2:describe', key: `elbv2:${operation}` };
}

export function bucketSpec(spec: string): BucketSpec {
  const found = THROTTLE_BUCKETS[spec];
  if (!found) throw new Error(`no throttle bucket ${spec}`);
  return found;
}
