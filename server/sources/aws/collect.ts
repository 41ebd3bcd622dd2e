import { createReadContext } from './context';
import type { EcsReader } from './ecs';
import type { Ec2Reader } from './ec2';
import type { EksReader } from './eks';
import type { Elbv2Reader } from './elbv2';
import type { RawEstate } from './raw';

export interface Readers {
  ecs: EcsReader;
  ec2: Ec2Reader;
  elbv2: Elbv2Reader;
  eks: EksReader;
}

function defined<T>(items: readonly (T | undefined | null | '')[]): T[] {
  return items.filter((x): x is T => x !== undefined && x !== null && x !== '');
}

/**
 * One read of the estate, as a set of chains that each start when what they need has arrived. ECS first (cluster
 * ARNs → services, tasks, container instances, in parallel per cluster); task definitions as soon as a service or
 * task names one, each revision once; ELBv2 from the services' target groups out to their load balancers, listeners
 * and rules; EC2 for exactly the instances, subnets and VPCs referenced.
 */
export async function collectEstate(
  region: string,
  makeReaders: (ctx: ReturnType<typeof createReadContext>) => Readers,
  options: { pace?: boolean; onCall?: (action: string) => void } = {},
): Promise<RawEstate> {
  const started = Date.now();
  const ctx = createReadContext(region, options);
  const { ecs, ec2, elbv2, eks } = makeReaders(ctx);

  const taskDefinitions = new Map<string, ReturnType<EcsReader['taskDefinition']>>();
  const wantTaskDefinition = (arn: string | undefined) => {
    if (arn && !taskDefinitions.has(arn)) taskDefinitions.set(arn, ecs.taskDefinition(arn));
  };

  // Services and tasks are listed as soon as the cluster ARNs are known; describing the clusters runs beside them
  // and decides only whether a cluster has container instances to read.
  const clusterArns = await ecs.clusterArns();
  const described = ecs.clusters(clusterArns);
  const servicesP = Promise.all(
    clusterArns.map((arn) =>
      ecs.services(arn).then((list) => {
        for (const s of list) for (const d of s.deployments ?? []) wantTaskDefinition(d.taskDefinition);
        return list;
      }),
    ),
  ).then((lists) => lists.flat());
  const tasksP = Promise.all(
    clusterArns.map((arn) =>
      ecs.tasks(arn).then((list) => {
        for (const t of list) wantTaskDefinition(t.taskDefinitionArn);
        return list;
      }),
    ),
  ).then((lists) => lists.flat());
  const containerInstancesP = Promise.all(
    clusterArns.map(async (arn) => {
      const cluster = (await described).find((c) => c.clusterArn === arn);
      const list = cluster?.registeredContainerInstancesCount === 0 ? [] : await ecs.containerInstances(arn);
      return list.map((instance) => ({ clusterArn: arn, instance }));
    }),
  ).then((lists) => lists.flat());

  // Each chain starts as soon as what it needs has arrived: load balancing needs only the services, EC2 instances
  // only the container instances, subnets the tasks, instances and balancers.
  const instancesP = containerInstancesP.then((list) => ec2.instances(defined(list.map((c) => c.instance.ec2InstanceId))));
  const targetGroupsP = servicesP.then((services) =>
    elbv2.targetGroups(defined(services.flatMap((s) => (s.loadBalancers ?? []).map((l) => l.targetGroupArn)))),
  );
  const healthP = targetGroupsP.then((tgs) =>
    Promise.all(tgs.map(async (tg) => [tg.TargetGroupArn ?? '', await elbv2.targetHealth(tg.TargetGroupArn ?? '')] as const)),
  );
  const loadBalancersP = targetGroupsP.then((tgs) => elbv2.loadBalancers(defined(tgs.flatMap((tg) => tg.LoadBalancerArns ?? []))));
  const listenersRulesP = loadBalancersP.then(async (loadBalancers) => {
    const listeners = (await Promise.all(loadBalancers.map((lb) => elbv2.listeners(lb.LoadBalancerArn ?? '')))).flat();
    // Only application load balancers have rules beyond the listener's default action.
    const albs = new Set(loadBalancers.filter((lb) => lb.Type === 'application').map((lb) => lb.LoadBalancerArn));
    const rules = await Promise.all(
      listeners
        .filter((l) => albs.has(l.LoadBalancerArn))
        .map(async (l) => ({ listenerArn: l.ListenerArn ?? '', rules: await elbv2.rules(l.ListenerArn ?? '') })),
    );
    return { listeners, rules };
  });
  // EKS: clusters → node groups and Fargate profiles → the node groups' instances, by their Auto Scaling groups.
  const eksClustersP = eks.clusters();
  const eksPartsP = eksClustersP.then(async (clusters) => {
    const names = clusters.flatMap((c) => (c.name ? [c.name] : []));
    const [nodegroups, fargateProfiles] = await Promise.all([
      Promise.all(names.map((n) => eks.nodegroups(n))).then((l) => l.flat()),
      Promise.all(names.map((n) => eks.fargateProfiles(n))).then((l) => l.flat()),
    ]);
    const asgs = nodegroups.flatMap((n) => (n.resources?.autoScalingGroups ?? []).flatMap((a) => (a.name ? [a.name] : [])));
    const eksInstances = asgs.length ? await ec2.instancesOfAutoScalingGroups(asgs) : [];
    return { nodegroups, fargateProfiles, eksInstances };
  });
  const eksSubnetIdsP = Promise.all([eksClustersP, eksPartsP]).then(([clusters, parts]) => [
    ...clusters.flatMap((c) => c.resourcesVpcConfig?.subnetIds ?? []),
    ...parts.nodegroups.flatMap((n) => n.subnets ?? []),
    ...parts.fargateProfiles.flatMap((f) => f.subnets ?? []),
    ...parts.eksInstances.map((i) => i.SubnetId),
  ]);
  const subnetsP = Promise.all([servicesP, tasksP, instancesP, loadBalancersP, eksSubnetIdsP]).then(
    ([services, tasks, instances, loadBalancers, eksSubnetIds]) =>
      ec2.subnets(
        defined([
          ...tasks.flatMap((t) => (t.attachments ?? []).flatMap((a) => (a.details ?? []).filter((d) => d.name === 'subnetId').map((d) => d.value))),
          ...services.flatMap((s) => s.networkConfiguration?.awsvpcConfiguration?.subnets ?? []),
          ...instances.map((i) => i.SubnetId),
          ...loadBalancers.flatMap((l) => (l.AvailabilityZones ?? []).map((z) => z.SubnetId)),
          ...eksSubnetIds,
        ]),
      ),
  );
  const vpcIdsP = subnetsP.then((subnets) => defined(subnets.map((s) => s.VpcId)));
  const vpcsP = vpcIdsP.then((ids) => ec2.vpcs(ids));
  const routeTablesP = vpcIdsP.then((ids) => ec2.routeTables(ids));

  const [clusters, services, tasks, containerInstances, instances, targetGroups, health, loadBalancers] = await Promise.all([
    described,
    servicesP,
    tasksP,
    containerInstancesP,
    instancesP,
    targetGroupsP,
    healthP,
    loadBalancersP,
  ]);
  const [{ listeners, rules }, subnets, vpcs, routeTables, eksClusters, eksParts] = await Promise.all([
    listenersRulesP,
    subnetsP,
    vpcsP,
    routeTablesP,
    eksClustersP,
    eksPartsP,
  ]);
  const resolvedTaskDefinitions = defined(await Promise.all(taskDefinitions.values()));
  const targetHealth: RawEstate['targetHealth'] = {};
  for (const [arn, h] of health) if (h) targetHealth[arn] = h;

  return {
    region,
    clusters,
    services,
    tasks,
    containerInstances,
    taskDefinitions: resolvedTaskDefinitions,
    instances,
    subnets,
    vpcs,
    routeTables,
    targetGroups,
    loadBalancers,
    listeners,
    rules,
    targetHealth,
    eksClusters,
    ...eksParts,
    errors: ctx.errors,
    calls: ctx.calls,
    retries: ctx.retries,
    durationMs: Date.now() - started,
  };
}
