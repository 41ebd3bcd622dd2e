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
  /**
   * A cluster's child resources: every page of names, then one Describe per name (EKS has no batch describe).
   * ctx.call gets the SDK output whole (its $metadata counts the retries); the resource is picked from it after.
   */
  const listThenDescribe = async <P extends { nextToken?: string | undefined }, O, T>(
    clusterName: string,
    listOperation: string,
    list: (nextToken: string | undefined) => Promise<P>,
    pick: (p: P) => string[] | undefined,
    describeOperation: string,
    describe: (name: string) => Promise<O>,
    pickOne: (o: O) => T | undefined,
  ): Promise<T[]> => {
    const found = await names(listOperation, clusterName, list, pick, (p) => p.nextToken);
    const out = await Promise.all(found.map((name) => ctx.call('eks', describeOperation, `${clusterName}/${name}`, () => describe(name))));
    return out.flatMap((o) => {
      const one = o === undefined ? undefined : pickOne(o);
      return one === undefined ? [] : [one];
    });
  };
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

    nodegroups(clusterName: string): Promise<Nodegroup[]> {
      return listThenDescribe(
        clusterName,
        'ListNodegroups',
        (nextToken) => client.send(new ListNodegroupsCommand({ clusterName, maxResults: BATCH.eksListPage, nextToken })),
        (p) => p.nodegroups,
        'DescribeNodegroup',
        (nodegroupName) => client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName })),
        (o) => o.nodegroup,
      );
    },

    fargateProfiles(clusterName: string): Promise<FargateProfile[]> {
      return listThenDescribe(
        clusterName,
        'ListFargateProfiles',
        (nextToken) => client.send(new ListFargateProfilesCommand({ clusterName, maxResults: BATCH.eksListPage, nextToken })),
        (p) => p.fargateProfileNames,
        'DescribeFargateProfile',
        (fargateProfileName) => client.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })),
        (o) => o.fargateProfile,
      );
    },
  };
}

export type EksReader = ReturnType<typeof createEksReader>;
