import { createReadContext } from './context';
import type { EcsReader } from './ecs';
import type { Ec2Reader } from './ec2';
import type { Elbv2Reader } from './elbv2';
import type { RawEstate } from './raw';

export interface Readers {
  ecs: EcsReader;
  ec2: Ec2Reader;
  elbv2: Elbv2Reader;
}

function defined<T>(items: readonly (T | undefined | null | '')[]): T[] {
  return items.filter((x): x is T => x !== undefined && x !== null && x !== '');
}

/**
 * One read of the estate. ECS first (clusters → services, tasks, container instances, in parallel per cluster);
 * task definitions start as soon as a service or task names one, each revision once; then EC2 for exactly the
 * subnets and instances referenced, and ELBv2 from the services' target groups out to their load balancers.
 */
export async function collectEstate(
  region: string,
  makeReaders: (ctx: ReturnType<typeof createReadContext>) => Readers,
  options: { pace?: boolean } = {},
): Promise<RawEstate> {
  const started = Date.now();
  const ctx = createReadContext(region, options);
  const { ecs, ec2, elbv2 } = makeReaders(ctx);

  const taskDefinitions = new Map<string, ReturnType<EcsReader['taskDefinition']>>();
  const wantTaskDefinition = (arn: string | undefined) => {
    if (arn && !taskDefinitions.has(arn)) taskDefinitions.set(arn, ecs.taskDefinition(arn));
  };

  const clusters = await ecs.clusters();
  const perCluster = await Promise.all(
    clusters.map(async (cluster) => {
      const arn = cluster.clusterArn ?? '';
      const [services, tasks, containerInstances] = await Promise.all([
        ecs.services(arn).then((list) => {
          for (const s of list) for (const d of s.deployments ?? []) wantTaskDefinition(d.taskDefinition);
          return list;
        }),
        ecs.tasks(arn).then((list) => {
          for (const t of list) wantTaskDefinition(t.taskDefinitionArn);
          return list;
        }),
        cluster.registeredContainerInstancesCount === 0 ? Promise.resolve([]) : ecs.containerInstances(arn),
      ]);
      return { services, tasks, containerInstances: containerInstances.map((instance) => ({ clusterArn: arn, instance })) };
    }),
  );
  const services = perCluster.flatMap((c) => c.services);
  const tasks = perCluster.flatMap((c) => c.tasks);
  const containerInstances = perCluster.flatMap((c) => c.containerInstances);

  const readNetwork = async () => {
    const instances = await ec2.instances(defined(containerInstances.map((c) => c.instance.ec2InstanceId)));
    const subnetIds = defined([
      ...tasks.flatMap((t) => (t.attachments ?? []).flatMap((a) => (a.details ?? []).filter((d) => d.name === 'subnetId').map((d) => d.value))),
      ...services.flatMap((s) => s.networkConfiguration?.awsvpcConfiguration?.subnets ?? []),
      ...instances.map((i) => i.SubnetId),
    ]);
    return { instances, subnetIds };
  };

  const readLoadBalancing = async () => {
    const tgArns = defined(services.flatMap((s) => (s.loadBalancers ?? []).map((l) => l.targetGroupArn)));
    const targetGroups = await elbv2.targetGroups(tgArns);
    const healthPromise = Promise.all(targetGroups.map(async (tg) => [tg.TargetGroupArn ?? '', await elbv2.targetHealth(tg.TargetGroupArn ?? '')] as const));
    const loadBalancers = await elbv2.loadBalancers(defined(targetGroups.flatMap((tg) => tg.LoadBalancerArns ?? [])));
    const listeners = (await Promise.all(loadBalancers.map((lb) => elbv2.listeners(lb.LoadBalancerArn ?? '')))).flat();
    // Only application load balancers have rules beyond the listener's default action.
    const albs = new Set(loadBalancers.filter((lb) => lb.Type === 'application').map((lb) => lb.LoadBalancerArn));
    const rules = await Promise.all(
      listeners
        .filter((l) => albs.has(l.LoadBalancerArn))
        .map(async (l) => ({ listenerArn: l.ListenerArn ?? '', rules: await elbv2.rules(l.ListenerArn ?? '') })),
    );
    const targetHealth: RawEstate['targetHealth'] = {};
    for (const [arn, health] of await healthPromise) if (health) targetHealth[arn] = health;
    return { targetGroups, loadBalancers, listeners, rules, targetHealth };
  };

  const [network, lb] = await Promise.all([readNetwork(), readLoadBalancing()]);
  const subnets = await ec2.subnets(defined([...network.subnetIds, ...lb.loadBalancers.flatMap((l) => (l.AvailabilityZones ?? []).map((z) => z.SubnetId))]));
  const vpcIds = defined(subnets.map((s) => s.VpcId));
  const [vpcs, routeTables] = await Promise.all([ec2.vpcs(vpcIds), ec2.routeTables(vpcIds)]);
  const resolvedTaskDefinitions = defined(await Promise.all(taskDefinitions.values()));

  return {
    region,
    clusters,
    services,
    tasks,
    containerInstances,
    taskDefinitions: resolvedTaskDefinitions,
    instances: network.instances,
    subnets,
    vpcs,
    routeTables,
    ...lb,
    errors: ctx.errors,
    calls: ctx.calls,
    retries: ctx.retries,
    durationMs: Date.now() - started,
  };
}
