import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Cluster,
  type ContainerInstance,
  type ECSClient,
  type Service,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { allPages, chunk } from './chunk';
import type { ReadContext } from './context';
import { BATCH } from './limits';

/** ECS reads, one domain-named function per need; each call batched to its API maximum. */
export function createEcsReader(client: ECSClient, ctx: ReadContext) {
  const listAll = async (page: (token: string | undefined) => Promise<{ nextToken?: string | undefined; ids: string[] } | undefined>) => {
    const pages = await allPages(page, (p) => p.nextToken);
    return pages.flatMap((p) => p.ids);
  };

  return {
    clusterArns(): Promise<string[]> {
      return listAll(async (nextToken) => {
        const out = await ctx.call('ecs', 'ListClusters', undefined, () => client.send(new ListClustersCommand({ maxResults: BATCH.ecsListPage, nextToken })));
        return out && { nextToken: out.nextToken, ids: out.clusterArns ?? [] };
      });
    },

    async clusters(arns: readonly string[]): Promise<Cluster[]> {
      const batches = await Promise.all(
        chunk(arns, BATCH.ecsDescribeClusters).map((clusters) =>
          ctx.call('ecs', 'DescribeClusters', clusters.join(','), () => client.send(new DescribeClustersCommand({ clusters }))),
        ),
      );
      return batches.flatMap((b) => b?.clusters ?? []);
    },

    async services(cluster: string): Promise<Service[]> {
      // ListServices returns 10 per page unless maxResults is set (API reference).
      const arns = await listAll(async (nextToken) => {
        const out = await ctx.call('ecs', 'ListServices', cluster, () =>
          client.send(new ListServicesCommand({ cluster, maxResults: BATCH.ecsListPage, nextToken })),
        );
        return out && { nextToken: out.nextToken, ids: out.serviceArns ?? [] };
      });
      const batches = await Promise.all(
        chunk(arns, BATCH.ecsDescribeServices).map((services) =>
          ctx.call('ecs', 'DescribeServices', cluster, () => client.send(new DescribeServicesCommand({ cluster, services }))),
        ),
      );
      return batches.flatMap((b) => b?.services ?? []);
    },

    /** Running tasks and those stopped in the last hour (ECS keeps them visible that long): the stop reason matters. */
    async tasks(cluster: string): Promise<Task[]> {
      const statuses = ['RUNNING', 'STOPPED'] as const;
      const arns = (
        await Promise.all(
          statuses.map((desiredStatus) =>
            listAll(async (nextToken) => {
              const out = await ctx.call('ecs', 'ListTasks', cluster, () =>
                client.send(new ListTasksCommand({ cluster, desiredStatus, maxResults: BATCH.ecsListPage, nextToken })),
              );
              return out && { nextToken: out.nextToken, ids: out.taskArns ?? [] };
            }),
          ),
        )
      ).flat();
      const batches = await Promise.all(
        chunk(arns, BATCH.ecsDescribeTasks).map((tasks) =>
          ctx.call('ecs', 'DescribeTasks', cluster, () => client.send(new DescribeTasksCommand({ cluster, tasks }))),
        ),
      );
      return batches.flatMap((b) => b?.tasks ?? []);
    },

    async containerInstances(cluster: string): Promise<ContainerInstance[]> {
      const arns = await listAll(async (nextToken) => {
        const out = await ctx.call('ecs', 'ListContainerInstances', cluster, () =>
          client.send(new ListContainerInstancesCommand({ cluster, maxResults: BATCH.ecsListPage, nextToken })),
        );
        return out && { nextToken: out.nextToken, ids: out.containerInstanceArns ?? [] };
      });
      const batches = await Promise.all(
        chunk(arns, BATCH.ecsDescribeContainerInstances).map((containerInstances) =>
          ctx.call('ecs', 'DescribeContainerInstances', cluster, () => client.send(new DescribeContainerInstancesCommand({ cluster, containerInstances }))),
        ),
      );
      return batches.flatMap((b) => b?.containerInstances ?? []);
    },

    async taskDefinition(arn: string): Promise<TaskDefinition | undefined> {
      const out = await ctx.call('ecs', 'DescribeTaskDefinition', arn, () => client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn })));
      return out?.taskDefinition;
    },
  };
}

export type EcsReader = ReturnType<typeof createEcsReader>;
