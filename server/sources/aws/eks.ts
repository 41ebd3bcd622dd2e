import {
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  ListClustersCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
  type Cluster,
  type EKSClient,
  type FargateProfile,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import { allPages } from './chunk';
import type { ReadContext } from './context';
import { BATCH } from './limits';

/** EKS reads: clusters, their managed node groups and Fargate profiles. Every list is paged with maxResults 100. */
export function createEksReader(client: EKSClient, ctx: ReadContext) {
  const names = async <P>(
    operation: string,
    resource: string | undefined,
    send: (nextToken: string | undefined) => Promise<P>,
    pick: (p: P) => string[] | undefined,
    next: (p: P) => string | undefined,
  ) => (await allPages((token) => ctx.call('eks', operation, resource, () => send(token)), next)).flatMap((p) => pick(p) ?? []);
  return {
    async clusters(): Promise<Cluster[]> {
      const list = await names(
        'ListClusters',
        undefined,
        (nextToken) => client.send(new ListClustersCommand({ maxResults: BATCH.eksListPage, nextToken })),
        (p) => p.clusters,
        (p) => p.nextToken,
      );
      const out = await Promise.all(list.map((name) => ctx.call('eks', 'DescribeCluster', name, () => client.send(new DescribeClusterCommand({ name })))));
      return out.flatMap((o) => (o?.cluster ? [o.cluster] : []));
    },

    async nodegroups(clusterName: string): Promise<Nodegroup[]> {
      const list = await names(
        'ListNodegroups',
        clusterName,
        (nextToken) => client.send(new ListNodegroupsCommand({ clusterName, maxResults: BATCH.eksListPage, nextToken })),
        (p) => p.nodegroups,
        (p) => p.nextToken,
      );
      const out = await Promise.all(
        list.map((nodegroupName) =>
          ctx.call('eks', 'DescribeNodegroup', `${clusterName}/${nodegroupName}`, () =>
            client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName })),
          ),
        ),
      );
      return out.flatMap((o) => (o?.nodegroup ? [o.nodegroup] : []));
    },

    async fargateProfiles(clusterName: string): Promise<FargateProfile[]> {
      const list = await names(
        'ListFargateProfiles',
        clusterName,
        (nextToken) => client.send(new ListFargateProfilesCommand({ clusterName, maxResults: BATCH.eksListPage, nextToken })),
        (p) => p.fargateProfileNames,
        (p) => p.nextToken,
      );
      const out = await Promise.all(
        list.map((fargateProfileName) =>
          ctx.call('eks', 'DescribeFargateProfile', `${clusterName}/${fargateProfileName}`, () =>
            client.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })),
          ),
        ),
      );
      return out.flatMap((o) => (o?.fargateProfile ? [o.fargateProfile] : []));
    },
  };
}

export type EksReader = ReturnType<typeof createEksReader>;
