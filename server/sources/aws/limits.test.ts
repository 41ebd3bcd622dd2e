import { describe, expect, it } from 'vitest';
import { AWS_BATCH, AWS_PAGE, awsBucket, type AwsService, type PageBounds } from '../../fake-aws/awsLimits';
import { EC2_OPERATIONS } from '../../fake-aws/ec2-query';
import { ECS_OPERATIONS } from '../../fake-aws/ecs-json';
import { EKS_OPERATIONS } from '../../fake-aws/eks-rest';
import { ELBV2_OPERATIONS } from '../../fake-aws/elbv2-query';
import { BATCH, bucketFor, bucketSpec } from './limits';

type ClientLimit = keyof typeof BATCH;
type AwsLimit = { batch: number } | { page: PageBounds } | 'unpublished';

/**
 * Which AWS limit each of the client's batch and page sizes answers to, from the fake's table of AWS's published
 * numbers. Every key of the client's table must be here (the type says so), so a new client limit needs its AWS one.
 */
const CONTRACT: Record<ClientLimit, AwsLimit> = {
  ecsDescribeClusters: { batch: AWS_BATCH.ecsDescribeClusters },
  ecsDescribeServices: { batch: AWS_BATCH.ecsDescribeServices },
  ecsDescribeTasks: { batch: AWS_BATCH.ecsDescribeTasks },
  ecsDescribeContainerInstances: { batch: AWS_BATCH.ecsDescribeContainerInstances },
  ecsListPage: { page: AWS_PAGE.ecsList },
  ec2Ids: { batch: AWS_BATCH.ec2Ids },
  ec2Page: { page: AWS_PAGE.ec2Describe },
  ec2RouteTablesPage: { page: AWS_PAGE.ec2DescribeRouteTables },
  // The EC2 API reference gives no count of values per filter; the client's 200 is its own caution.
  ec2FilterValues: 'unpublished',
  elbLoadBalancerArns: { batch: AWS_BATCH.elbv2LoadBalancerArns },
  // DescribeTargetGroups documents no count for TargetGroupArns; the client keeps DescribeLoadBalancers' 20.
  elbTargetGroupArns: 'unpublished',
  elbPage: { page: AWS_PAGE.elbv2Describe },
  elbTagArns: { batch: AWS_BATCH.elbv2TagArns },
  eksListPage: { page: AWS_PAGE.eksList },
};

/** Each client size that AWS would refuse, as "name: size outside [min, max]". */
function refused(client: Readonly<Record<ClientLimit, number>>): string[] {
  return Object.entries(CONTRACT).flatMap(([name, aws]) => {
    const size = client[name as ClientLimit];
    if (aws === 'unpublished') return Number.isInteger(size) && size >= 1 ? [] : [`${name}: ${size} is no size`];
    const { min, max } = 'page' in aws ? aws.page : { min: 1, max: aws.batch };
    return Number.isInteger(size) && size >= min && size <= max ? [] : [`${name}: ${size} outside [${min}, ${max}]`];
  });
}

const OPERATIONS: Record<AwsService, readonly string[]> = { ecs: ECS_OPERATIONS, ec2: EC2_OPERATIONS, elbv2: ELBV2_OPERATIONS, eks: EKS_OPERATIONS };
const calls = Object.entries(OPERATIONS).flatMap(([service, ops]) => ops.map((operation) => ({ service: service as AwsService, operation })));

describe('the client stays within the limits AWS publishes', () => {
  it('sends no batch or page larger (or smaller) than AWS accepts', () => {
    expect(refused(BATCH)).toEqual([]);
  });

  it('would be caught sending a batch AWS refuses', () => {
    expect(refused({ ...BATCH, ecsDescribeServices: 11, ec2Page: 4 })).toEqual(['ecsDescribeServices: 11 outside [1, 10]', 'ec2Page: 4 outside [5, 1000]']);
  });

  it('paces each call to a bucket no larger and no faster than AWS’s', () => {
    const faster = calls.flatMap(({ service, operation }) => {
      const aws = awsBucket(service, operation);
      const client = bucketSpec(bucketFor(service, operation).spec);
      if (!aws) return [`${service}:${operation} has no AWS bucket`];
      return client.capacity <= aws.bucket.capacity && client.refillPerSecond <= aws.bucket.refillPerSecond ? [] : [`${service}:${operation}`];
    });
    expect(faster).toEqual([]);
  });

  it('counts calls that share an AWS bucket against one bucket', () => {
    // Two calls AWS draws from one bucket, paced against two, would each assume the whole bucket.
    const split = calls.flatMap((a) =>
      calls.flatMap((b) => {
        const sameAtAws = awsBucket(a.service, a.operation)?.key === awsBucket(b.service, b.operation)?.key;
        const sameInClient = bucketFor(a.service, a.operation).key === bucketFor(b.service, b.operation).key;
        return sameAtAws && !sameInClient ? [`${a.service}:${a.operation} and ${b.operation}`] : [];
      }),
    );
    expect(split).toEqual([]);
  });
});
