import {
  DescribeInstancesCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Instance,
  type RouteTable,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { allPages, chunk } from './chunk';
import type { ReadContext } from './context';
import { BATCH } from './limits';

/**
 * EC2 reads, limited to the ids the estate references. An empty id list would turn into an account-wide,
 * unpaginated describe-all, so every function returns early on no ids.
 */
export function createEc2Reader(client: EC2Client, ctx: ReadContext) {
  return {
    async instances(ids: readonly string[]): Promise<Instance[]> {
      // MaxResults cannot be combined with InstanceIds; batches of ids need no pagination.
      const batches = await Promise.all(
        chunk([...new Set(ids)], BATCH.ec2Ids).map((InstanceIds) =>
          ctx.call('ec2', 'DescribeInstances', InstanceIds.join(','), () => client.send(new DescribeInstancesCommand({ InstanceIds }))),
        ),
      );
      return batches.flatMap((b) => (b?.Reservations ?? []).flatMap((r) => r.Instances ?? []));
    },

    /** Instances of the named Auto Scaling groups (EKS managed node groups), by tag: never an account-wide describe. */
    async instancesOfAutoScalingGroups(names: readonly string[]): Promise<Instance[]> {
      const batches = await Promise.all(
        chunk([...new Set(names)], BATCH.ec2FilterValues).map((Values) =>
          allPages(
            (NextToken) =>
              ctx.call('ec2', 'DescribeInstances', Values.join(','), () =>
                client.send(
                  new DescribeInstancesCommand({ Filters: [{ Name: 'tag:aws:autoscaling:groupName', Values }], MaxResults: BATCH.ec2Page, NextToken }),
                ),
              ),
            (p) => p.NextToken,
          ),
        ),
      );
      return batches.flat().flatMap((b) => (b.Reservations ?? []).flatMap((r) => r.Instances ?? []));
    },

    async subnets(ids: readonly string[]): Promise<Subnet[]> {
      const batches = await Promise.all(
        chunk([...new Set(ids)], BATCH.ec2Ids).map((SubnetIds) =>
          ctx.call('ec2', 'DescribeSubnets', SubnetIds.join(','), () => client.send(new DescribeSubnetsCommand({ SubnetIds }))),
        ),
      );
      return batches.flatMap((b) => b?.Subnets ?? []);
    },

    async vpcs(ids: readonly string[]): Promise<Vpc[]> {
      const batches = await Promise.all(
        chunk([...new Set(ids)], BATCH.ec2Ids).map((VpcIds) =>
          ctx.call('ec2', 'DescribeVpcs', VpcIds.join(','), () => client.send(new DescribeVpcsCommand({ VpcIds }))),
        ),
      );
      return batches.flatMap((b) => b?.Vpcs ?? []);
    },

    /** Route tables of the VPCs in use: a subnet is public when its table (or the VPC's main one) routes 0.0.0.0/0 to an internet gateway. */
    async routeTables(vpcIds: readonly string[]): Promise<RouteTable[]> {
      const unique = [...new Set(vpcIds)];
      if (unique.length === 0) return [];
      const pages = await allPages(
        (NextToken) =>
          ctx.call('ec2', 'DescribeRouteTables', unique.join(','), () =>
            client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: unique }], MaxResults: BATCH.ec2RouteTablesPage, NextToken })),
          ),
        (p) => p.NextToken,
      );
      return pages.flatMap((p) => p.RouteTables ?? []);
    },
  };
}

export type Ec2Reader = ReturnType<typeof createEc2Reader>;
