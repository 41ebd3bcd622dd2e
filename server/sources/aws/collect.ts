import type { ReadError } from '../../../src/topology/model';
import { createReadContext, type ReadContext } from './context';
import { DEFAULT_READ_TIMEOUT_MS, startDeadline } from './deadline';
import type { EcsReader } from './ecs';
import type { Ec2Reader } from './ec2';
import type { EksReader } from './eks';
import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { Elbv2Reader } from './elbv2';
import type { KubeRead } from './kube/reader';
import type { RawEstate } from './raw';

export interface Readers {
  ecs: EcsReader;
  ec2: Ec2Reader;
  elbv2: Elbv2Reader;
  eks: EksReader;
  /** Reads one EKS cluster's Kubernetes API (undefined when there is nothing to read) */
  kube: (cluster: EksCluster) => Promise<KubeRead | undefined>;
}

function defined<T>(items: readonly (T | undefined | null | '')[]): T[] {
  return items.filter((x): x is T => x !== undefined && x !== null && x !== '');
}

export interface CollectOptions {
  pace?: boolean;
  onCall?: (action: string) => void;
  /** Whose throttle buckets to pace against (context.ts) */
  account?: string;
  /** After this, what was read is returned, with an error per call that did not answer */
  readTimeoutMs?: number;
}

/**
 * One read of the estate, as a set of chains that each start when what they need has arrived. ECS first (cluster
 * ARNs → services, tasks, container instances, in parallel per cluster); task definitions as soon as a service or
 * task names one, each revision once; ELBv2 from the services' target groups out to their load balancers, listeners
 * and rules; EC2 for exactly the instances, subnets and VPCs referenced.
 */
export async function collectEstate(region: string, makeReaders: (ctx: ReadContext) => Readers, options: CollectOptions = {}): Promise<RawEstate> {
  const started = Date.now();
  const deadline = startDeadline(options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS);
  try {
    const ctx = createReadContext(region, { ...options, deadline });
    return await collectWith(region, ctx, makeReaders(ctx), started);
  } finally {
    deadline.dispose();
  }
}

/**
 * A chain's value, or its empty value and one error when it failed. ctx.call never throws, so a failure here is a
 * fault in Fleetmap's own code: it costs that part of the map, never the read, and no chain of a read ever rejects
 * (a rejection nobody awaits would take the server down).
 */
function guard(errors: ReadError[]) {
  return <T>(part: string, p: Promise<T>, empty: T): Promise<T> =>
    p.catch((e: unknown) => {
      errors.push({
        api: 'fleetmap:read',
        resource: part,
        code: e instanceof Error ? e.name : 'Error',
        message: e instanceof Error ? e.message : String(e),
        hint: `Fleetmap failed to put together the ${part} it read; they are left out and the rest of the estate is drawn. Please report this message.`,
      });
      return empty;
    });
}

async function collectWith(region: string, ctx: ReadContext, readers: Readers, started: number): Promise<RawEstate> {
  const { ecs, ec2, elbv2, eks, kube } = readers;
  const safe = guard(ctx.errors);
  const { deadline } = ctx;

  const taskDefinitions = new Map<string, ReturnType<EcsReader['taskDefinition']>>();
  const wantTaskDefinition = (arn: string | undefined) => {
    if (arn && !taskDefinitions.has(arn)) taskDefinitions.set(arn, safe('task definitions', ecs.taskDefinition(arn), undefined));
  };

  // EKS and ECS start together; neither waits for the other's cluster list.
  const eksClustersP = safe('EKS clusters', eks.clusters(), []);
  // Services and tasks are listed as soon as the cluster ARNs are known; describing the clusters runs beside them
  // and decides only whether a cluster has container instances to read.
  const clusterArns = await safe('ECS clusters', ecs.clusterArns(), []);
  const described = safe('ECS clusters', ecs.clusters(clusterArns), []);
  const servicesP = safe(
    'ECS services',
    Promise.all(
      clusterArns.map((arn) =>
        ecs.services(arn).then((list) => {
          for (const s of list) for (const d of s.deployments ?? []) wantTaskDefinition(d.taskDefinition);
          return list;
        }),
      ),
    ).then((lists) => lists.flat()),
    [],
  );
  const tasksP = safe(
    'ECS tasks',
    Promise.all(
      clusterArns.map((arn) =>
        ecs.tasks(arn).then((list) => {
          for (const t of list) wantTaskDefinition(t.taskDefinitionArn);
          return list;
        }),
      ),
    ).then((lists) => lists.flat()),
    [],
  );
  const containerInstancesP = safe(
    'container instances',
    Promise.all(
      clusterArns.map(async (arn) => {
        // Only a hint (skip clusters with none): a DescribeClusters that does not come does not hold this up.
        const cluster = (await deadline.join(described, [])).find((c) => c.clusterArn === arn);
        const list = cluster?.registeredContainerInstancesCount === 0 ? [] : await ecs.containerInstances(arn);
        return list.map((instance) => ({ clusterArn: arn, instance }));
      }),
    ).then((lists) => lists.flat()),
    [],
  );

  // Each chain starts as soon as what it needs has arrived: load balancing needs only the services, EC2 instances
  // only the container instances, subnets the tasks, instances and balancers.
  const instancesP = safe(
    'EC2 instances',
    containerInstancesP.then((list) => ec2.instances(defined(list.map((c) => c.instance.ec2InstanceId)))),
    [],
  );
  // EKS: clusters → their Kubernetes APIs (beside node groups and Fargate profiles below).
  const kubeP = safe(
    'Kubernetes objects',
    eksClustersP.then(async (clusters) => defined(await Promise.all(clusters.map((c) => kube(c))))),
    [],
  );
  // Target groups come from ECS services and from the Load Balancer Controller's TargetGroupBindings; each side is
  // described as soon as it is known, a group both name only once.
  const ecsTgArnsP = safe(
    'target groups',
    servicesP.then((services) => defined(services.flatMap((s) => (s.loadBalancers ?? []).map((l) => l.targetGroupArn)))),
    [],
  );
  const ecsTargetGroupsP = safe(
    'target groups',
    ecsTgArnsP.then((arns) => (arns.length ? elbv2.targetGroups(arns) : [])),
    [],
  );
  const kubeTargetGroupsP = safe(
    'target groups',
    // The ECS side's balancers wait for this one: a Kubernetes API that does not answer holds them only until the cutoff.
    Promise.all([deadline.join(kubeP, []), ecsTgArnsP]).then(([reads, ecsArns]) => {
      const taken = new Set(ecsArns);
      const arns = defined(reads.flatMap((r) => r.targetGroupBindings.map((b) => b.spec?.targetGroupARN))).filter((a) => !taken.has(a));
      return arns.length ? elbv2.targetGroups(arns) : [];
    }),
    [],
  );
  const targetGroupsP = safe(
    'target groups',
    Promise.all([ecsTargetGroupsP, kubeTargetGroupsP]).then(([a, b]) => [...a, ...b]),
    [],
  );
  const healthP = safe(
    'target health',
    targetGroupsP.then((tgs) => Promise.all(tgs.map(async (tg) => [tg.TargetGroupArn ?? '', await elbv2.targetHealth(tg.TargetGroupArn ?? '')] as const))),
    [],
  );
  const loadBalancersP = safe(
    'load balancers',
    targetGroupsP.then((tgs) => elbv2.loadBalancers(defined(tgs.flatMap((tg) => tg.LoadBalancerArns ?? [])))),
    [],
  );
  const listenersRulesP = safe(
    'listeners and rules',
    loadBalancersP.then(async (loadBalancers) => {
      const listeners = (await Promise.all(loadBalancers.map((lb) => elbv2.listeners(lb.LoadBalancerArn ?? '')))).flat();
      // Only application load balancers have rules beyond the listener's default action.
      const albs = new Set(loadBalancers.filter((lb) => lb.Type === 'application').map((lb) => lb.LoadBalancerArn));
      const rules = await Promise.all(
        listeners
          .filter((l) => albs.has(l.LoadBalancerArn))
          .map(async (l) => ({ listenerArn: l.ListenerArn ?? '', rules: await elbv2.rules(l.ListenerArn ?? '') })),
      );
      return { listeners, rules };
    }),
    { listeners: [], rules: [] },
  );
  // EKS: clusters → node groups and Fargate profiles → the worker nodes' instances, by their EKS tags and the node
  // groups' Auto Scaling groups; nodes Kubernetes knows that none of these found are described by instance id.
  const eksPartsP = safe(
    'EKS node groups and Fargate profiles',
    eksClustersP.then(async (clusters) => {
      const names = clusters.flatMap((c) => (c.name ? [c.name] : []));
      const [nodegroups, fargateProfiles] = await Promise.all([
        Promise.all(names.map((n) => eks.nodegroups(n))).then((l) => l.flat()),
        Promise.all(names.map((n) => eks.fargateProfiles(n))).then((l) => l.flat()),
      ]);
      const asgs = nodegroups.flatMap((n) => (n.resources?.autoScalingGroups ?? []).flatMap((a) => (a.name ? [a.name] : [])));
      const [managed, reads] = await Promise.all([ec2.eksNodeInstances(names, asgs), deadline.join(kubeP, [])]);
      const found = new Set(managed.map((i) => i.InstanceId));
      const others = reads
        .flatMap((r) => r.nodes.map((n) => (n.spec?.providerID ?? '').split('/').pop() ?? ''))
        .filter((id) => id.startsWith('i-') && !found.has(id));
      const eksInstances = others.length ? [...managed, ...(await ec2.instances(others))] : managed;
      return { nodegroups, fargateProfiles, eksInstances };
    }),
    { nodegroups: [], fargateProfiles: [], eksInstances: [] },
  );
  const eksSubnetIdsP = Promise.all([eksClustersP, eksPartsP]).then(([clusters, parts]) => [
    ...clusters.flatMap((c) => c.resourcesVpcConfig?.subnetIds ?? []),
    ...parts.nodegroups.flatMap((n) => n.subnets ?? []),
    ...parts.fargateProfiles.flatMap((f) => f.subnets ?? []),
    ...parts.eksInstances.map((i) => i.SubnetId),
  ]);
  // One DescribeSubnets for every subnet referenced. Near the deadline it stops waiting for what has not come (a
  // load balancer API that does not answer), so the subnets of everything else are still read and drawn.
  const subnetsP = safe(
    'subnets',
    Promise.all([
      deadline.join(servicesP, []),
      deadline.join(tasksP, []),
      deadline.join(instancesP, []),
      deadline.join(loadBalancersP, []),
      deadline.join(safe('subnets', eksSubnetIdsP, []), []),
    ]).then(([services, tasks, instances, loadBalancers, eksSubnetIds]) =>
      ec2.subnets(
        defined([
          ...tasks.flatMap((t) => (t.attachments ?? []).flatMap((a) => (a.details ?? []).filter((d) => d.name === 'subnetId').map((d) => d.value))),
          ...services.flatMap((s) => s.networkConfiguration?.awsvpcConfiguration?.subnets ?? []),
          ...instances.map((i) => i.SubnetId),
          ...loadBalancers.flatMap((l) => (l.AvailabilityZones ?? []).map((z) => z.SubnetId)),
          ...eksSubnetIds,
        ]),
      ),
    ),
    [],
  );
  const vpcIdsP = safe(
    'VPCs',
    subnetsP.then((subnets) => defined(subnets.map((s) => s.VpcId))),
    [],
  );
  const vpcsP = safe(
    'VPCs',
    vpcIdsP.then((ids) => ec2.vpcs(ids)),
    [],
  );
  const routeTablesP = safe(
    'route tables',
    vpcIdsP.then((ids) => ec2.routeTables(ids)),
    [],
  );

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
  const [{ listeners, rules }, subnets, vpcs, routeTables, eksClusters, eksParts, kubeReads] = await Promise.all([
    listenersRulesP,
    subnetsP,
    vpcsP,
    routeTablesP,
    eksClustersP,
    eksPartsP,
    kubeP,
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
    kube: kubeReads,
    // In a stable order (by API, then resource), whichever answered first: reads of one estate compare equal.
    errors: [...ctx.errors].sort((a, b) => a.api.localeCompare(b.api) || (a.resource ?? '').localeCompare(b.resource ?? '')),
    calls: ctx.calls,
    retries: ctx.retries,
    durationMs: Date.now() - started,
  };
}
