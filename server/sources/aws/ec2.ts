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
import { tagValue } from './mapping';

/**
 * EC2 reads, limited to the ids the estate references. An empty id list would turn into an account-wide,
 * unpaginated describe-all, so every function returns early on no ids.
 */
export function createEc2Reader(client: EC2Client, ctx: ReadContext) {
  /** Instances matching one filter on any of `values`, every page; batches of values, no call when there are none. */
  const byFilter = async (Name: string, values: readonly string[]): Promise<Instance[]> => {
    const batches = await Promise.all(
      chunk([...new Set(values)], BATCH.ec2FilterValues).map((Values) =>
        allPages(
          (NextToken) =>
            ctx.call('ec2', 'DescribeInstances', Values.join(','), () =>
              client.send(new DescribeInstancesCommand({ Filters: [{ Name, Values }], MaxResults: BATCH.ec2Page, NextToken })),
            ),
          (p) => p.NextToken,
        ),
      ),
    );
    return batches.flat().flatMap((b) => (b.Reservations ?? []).flatMap((r) => r.Instances ?? []));
  };
  const byTag = (key: string, values: readonly string[]) => byFilter(`tag:${key}`, values);
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

    /**
     * The worker nodes of the named EKS clusters, by tag, filtered describes only, both asked at once: managed
     * node-group instances carry eks:cluster-name (found even when DescribeNodegroup is denied), and every node,
     * self-managed ones included, carries the cloud provider's kubernetes.io/cluster/<name> tag key (found even when
     * the Kubernetes API cannot be read). An Auto Scaling group none of them belongs to (a launch template that drops
     * the tags) is then asked for by aws:autoscaling:groupName.
     */
    async eksNodeInstances(clusterNames: readonly string[], autoScalingGroups: readonly string[]): Promise<Instance[]> {
      const [managed, owned] = await Promise.all([
        byTag('eks:cluster-name', clusterNames),
        byFilter(
          'tag-key',
          clusterNames.map((n) => `kubernetes.io/cluster/${n}`),
        ),
      ]);
      const seen = new Set([...managed, ...owned].map((i) => tagValue(i.Tags, 'aws:autoscaling:groupName')));
      const more = await byTag(
        'aws:autoscaling:groupName',
        autoScalingGroups.filter((g) => !seen.has(g)),
      );
      const out = new Map<string, Instance>();
      for (const i of [...managed, ...owned, ...more]) if (i.InstanceId && !out.has(i.InstanceId)) out.set(i.InstanceId, i);
      return [...out.values()];
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
