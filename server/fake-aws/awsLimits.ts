/**
 * AWS's published limits, as the fake AWS enforces them: from the botocore service models (min/max on page-size
 * members, "up to N" in member docs) and AWS's request-throttling pages for ECS and EC2. The fake keeps its own
 * table rather than the client's (server/sources/aws/limits.ts): a fake that enforced the client's own numbers could
 * never catch a wrong one. server/sources/aws/limits.test.ts holds the client to this table.
 */

/** A page-size parameter's bounds: AWS rejects a value outside them with a validation error. */
export interface PageBounds {
  min: number;
  max: number;
}

/** Page sizes (maxResults, MaxResults, PageSize) per API. */
export const AWS_PAGE = {
  /** ECS ListClusters, ListServices, ListTasks, ListContainerInstances: maxResults 1–100 */
  ecsList: { min: 1, max: 100 },
  /** EC2 DescribeSubnets, DescribeVpcs, DescribeInstances: MaxResults 5–1000 (DescribeInstances' docs use 1000) */
  ec2Describe: { min: 5, max: 1000 },
  /** EC2 DescribeRouteTables: MaxResults 5–100 */
  ec2DescribeRouteTables: { min: 5, max: 100 },
  /** ELBv2 DescribeLoadBalancers, DescribeTargetGroups, DescribeListeners, DescribeRules: PageSize 1–400 */
  elbv2Describe: { min: 1, max: 400 },
  /** EKS ListClusters, ListNodegroups, ListFargateProfiles: maxResults 1–100 */
  eksList: { min: 1, max: 100 },
} as const satisfies Record<string, PageBounds>;

/** Page sizes AWS uses when a call names none. */
export const AWS_DEFAULT_PAGE = {
  /** ECS ListServices returns 10 unless asked for more; the other ECS lists 100 */
  ecsListServices: 10,
  ecsList: 100,
  /** EKS lists: 100 */
  eksList: 100,
  /** ELBv2 describes: 400 */
  elbv2Describe: 400,
} as const;

/** Most ids (or names) one call may carry. A list AWS documents no count for has no entry and is not capped. */
export const AWS_BATCH = {
  /** ECS DescribeClusters: "up to 100 clusters" */
  ecsDescribeClusters: 100,
  /** ECS DescribeServices: "up to 10 services" */
  ecsDescribeServices: 10,
  /** ECS DescribeTasks: "up to 100 tasks" */
  ecsDescribeTasks: 100,
  /** ECS DescribeContainerInstances: "up to 100 container instances" */
  ecsDescribeContainerInstances: 100,
  /** EC2 ID lists: "you should not specify more than 1,000 IDs in a single call" */
  ec2Ids: 1000,
  /** ELBv2 DescribeLoadBalancers LoadBalancerArns: "up to 20" (Names and TargetGroupArns have no documented count) */
  elbv2LoadBalancerArns: 20,
  /** ELBv2 DescribeTags ResourceArns: "up to 20" */
  elbv2TagArns: 20,
} as const;

/** A token bucket: `capacity` tokens of burst, refilled at `refillPerSecond`; each call takes one. */
export interface AwsBucket {
  capacity: number;
  refillPerSecond: number;
}

/** ECS: one bucket per category per account and Region, shared by the category's actions. */
const ECS_CATEGORIES: Record<string, { actions: readonly string[]; bucket: AwsBucket }> = {
  'cluster-read': { actions: ['DescribeClusters', 'ListClusters'], bucket: { capacity: 50, refillPerSecond: 20 } },
  'task-definition-read': {
    actions: ['DescribeTaskDefinition', 'ListTaskDefinitions', 'ListTaskDefinitionFamilies'],
    bucket: { capacity: 50, refillPerSecond: 20 },
  },
  'cluster-resource-read': {
    actions: ['DescribeContainerInstances', 'DescribeTasks', 'ListAttributes', 'ListContainerInstances', 'ListTasks'],
    bucket: { capacity: 100, refillPerSecond: 20 },
  },
  'service-read': { actions: ['DescribeServices', 'ListServices'], bucket: { capacity: 100, refillPerSecond: 20 } },
};

/** EC2 rates each non-mutating API on its own: 100 burst, 20 per second. */
const EC2_NON_MUTATING: AwsBucket = { capacity: 100, refillPerSecond: 20 };

/**
 * ELBv2 and EKS publish no numbers. The fake assumes EC2's non-mutating bucket per API, which matches the
 * throttling users report on DescribeTargetHealth.
 */
const UNPUBLISHED: AwsBucket = EC2_NON_MUTATING;

export type AwsService = 'ecs' | 'ec2' | 'elbv2' | 'eks';

/**
 * The bucket an operation draws from, and the key it shares with every other operation drawing from it; none for an
 * ECS action outside the categories above, which the fake does not answer anyway.
 */
export function awsBucket(service: AwsService, operation: string): { key: string; bucket: AwsBucket } | undefined {
  if (service === 'ecs') {
    const found = Object.entries(ECS_CATEGORIES).find(([, c]) => c.actions.includes(operation));
    if (!found) return undefined;
    const [category, { bucket }] = found;
    return { key: `ecs:${category}`, bucket };
  }
  return { key: `${service}:${operation}`, bucket: service === 'ec2' ? EC2_NON_MUTATING : UNPUBLISHED };
}

/** AWS's throttling as the fake applies it: a call that finds the bucket empty is refused. */
export class Throttle {
  private tokens: number;
  private last: number;

  constructor(
    private readonly bucket: AwsBucket,
    now: number,
  ) {
    this.tokens = bucket.capacity;
    this.last = now;
  }

  /** Takes a token if one is there. */
  tryTake(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.bucket.capacity, this.tokens + elapsed * this.bucket.refillPerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
