import type {
  Service as AwsService,
  Task as AwsTask,
  TaskDefinition as AwsTaskDefinition,
  ContainerInstance as AwsContainerInstance,
} from '@aws-sdk/client-ecs';
import type { Instance } from '@aws-sdk/client-ec2';
import type {
  Listener as AwsListener,
  LoadBalancer as AwsLoadBalancer,
  Rule,
  RuleCondition,
  TargetGroup as AwsTargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { SCHEMA_VERSION, indexResources, type ContainerDefinition, type Resource, type SourceInfo, type Topology } from '../../../src/topology/model';
import { opt, tagName } from './mapping';
import type { RawEstate } from './raw';
import { defaultRoutes, publicSubnets } from './subnetRoutes';
import { eksResources } from './toTopologyEks';

const ms = (d: Date | undefined): number | undefined => (d === undefined ? undefined : d.getTime());

function mapService(s: AwsService): Resource {
  return {
    kind: 'service',
    id: s.serviceArn ?? '',
    name: s.serviceName ?? '',
    clusterArn: s.clusterArn ?? '',
    status: s.status ?? 'UNKNOWN',
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    ...opt('launchType', s.launchType),
    capacityProviderStrategy: (s.capacityProviderStrategy ?? []).map((c) => ({
      capacityProvider: c.capacityProvider ?? '',
      ...opt('weight', c.weight),
      ...opt('base', c.base),
    })),
    ...opt('taskDefinitionArn', s.taskDefinition),
    deployments: (s.deployments ?? []).map((d) => ({
      id: d.id ?? '',
      status: d.status ?? 'UNKNOWN',
      ...opt('rolloutState', d.rolloutState),
      ...opt('rolloutStateReason', d.rolloutStateReason),
      taskDefinitionArn: d.taskDefinition ?? '',
      desired: d.desiredCount ?? 0,
      running: d.runningCount ?? 0,
      pending: d.pendingCount ?? 0,
      failedTasks: d.failedTasks ?? 0,
      ...opt('createdAt', ms(d.createdAt)),
      ...opt('updatedAt', ms(d.updatedAt)),
    })),
    loadBalancers: (s.loadBalancers ?? []).map((l) => ({
      ...opt('targetGroupArn', l.targetGroupArn),
      ...opt('loadBalancerName', l.loadBalancerName),
      ...opt('containerName', l.containerName),
      ...opt('containerPort', l.containerPort),
    })),
    ...opt(
      'networkConfiguration',
      s.networkConfiguration?.awsvpcConfiguration && {
        subnets: s.networkConfiguration.awsvpcConfiguration.subnets ?? [],
        securityGroups: s.networkConfiguration.awsvpcConfiguration.securityGroups ?? [],
        ...opt('assignPublicIp', s.networkConfiguration.awsvpcConfiguration.assignPublicIp),
      },
    ),
    events: (s.events ?? []).slice(0, 10).map((e) => ({ id: e.id ?? '', createdAt: ms(e.createdAt) ?? 0, message: e.message ?? '' })),
    ...opt('schedulingStrategy', s.schedulingStrategy),
  };
}

/** What a task's placement is joined to: its service by group, its container instance, and the AZ of each subnet read. */
interface TaskJoins {
  serviceByGroup: Map<string, string>;
  hostOf: Map<string, { subnetId?: string; privateIp?: string; az?: string }>;
  subnetAz: Map<string, string>;
}

function mapTask(t: AwsTask, { serviceByGroup, hostOf, subnetAz }: TaskJoins): Resource {
  const eni = (t.attachments ?? []).find((a) => a.type === 'ElasticNetworkInterface');
  const detail = (name: string) => eni?.details?.find((d) => d.name === name)?.value;
  const host = t.containerInstanceArn ? hostOf.get(t.containerInstanceArn) : undefined;
  const eniSubnet = detail('subnetId');
  // Some AWS-compatible endpoints leave availabilityZone out: the ENI's subnet, then the host, say where the task runs.
  const az = t.availabilityZone ?? (eniSubnet ? subnetAz.get(eniSubnet) : undefined) ?? host?.az ?? (host?.subnetId ? subnetAz.get(host.subnetId) : undefined);
  // DescribeTasks group is "service:<name>" for service tasks; names are unique per cluster only.
  const serviceArn = t.group?.startsWith('service:') ? serviceByGroup.get(`${t.clusterArn ?? ''}|${t.group.slice(8)}`) : undefined;
  return {
    kind: 'task',
    id: t.taskArn ?? '',
    clusterArn: t.clusterArn ?? '',
    ...opt('serviceArn', serviceArn),
    ...opt('group', t.group),
    lastStatus: t.lastStatus ?? 'UNKNOWN',
    desiredStatus: t.desiredStatus ?? 'UNKNOWN',
    ...opt('healthStatus', t.healthStatus),
    ...opt('az', az),
    ...opt('subnetId', eniSubnet ?? host?.subnetId),
    ...opt('privateIp', detail('privateIPv4Address') ?? host?.privateIp),
    ...opt('eniId', detail('networkInterfaceId')),
    ...opt('containerInstanceArn', t.containerInstanceArn),
    taskDefinitionArn: t.taskDefinitionArn ?? '',
    ...opt('deploymentId', t.startedBy),
    ...opt('launchType', t.launchType),
    ...opt('capacityProviderName', t.capacityProviderName),
    ...opt('stoppedReason', t.stoppedReason),
    ...opt('stopCode', t.stopCode),
    ...opt('startedAt', ms(t.startedAt)),
    containers: (t.containers ?? []).map((c) => ({
      name: c.name ?? '',
      ...opt('lastStatus', c.lastStatus),
      ...opt('healthStatus', c.healthStatus),
      hostPorts: (c.networkBindings ?? []).map((b) => b.hostPort).filter((p): p is number => p !== undefined),
      ...opt('exitCode', c.exitCode),
      ...opt('reason', c.reason),
    })),
  };
}

function mapTaskDefinition(td: AwsTaskDefinition): Resource {
  const pairs = (list: { name?: string | undefined; value?: string | undefined; valueFrom?: string | undefined }[] | undefined) =>
    (list ?? []).map((e) => ({ name: e.name ?? '', value: e.value ?? e.valueFrom ?? '' }));
  const containers: ContainerDefinition[] = (td.containerDefinitions ?? []).map((c) => ({
    name: c.name ?? '',
    image: c.image ?? '',
    ...opt('cpu', c.cpu),
    ...opt('memory', c.memory),
    ...opt('memoryReservation', c.memoryReservation),
    ...opt('essential', c.essential),
    portMappings: (c.portMappings ?? []).map((p) => ({
      ...opt('containerPort', p.containerPort),
      ...opt('hostPort', p.hostPort),
      ...opt('protocol', p.protocol),
      ...opt('name', p.name),
    })),
    environment: pairs(c.environment),
    environmentFiles: (c.environmentFiles ?? []).map((f) => f.value ?? ''),
    secrets: pairs(c.secrets),
    command: c.command ?? [],
    entryPoint: c.entryPoint ?? [],
    dockerLabels: c.dockerLabels ?? {},
    ...opt('repositoryCredentials', c.repositoryCredentials?.credentialsParameter),
    ...opt(
      'logConfiguration',
      c.logConfiguration && {
        logDriver: c.logConfiguration.logDriver ?? '',
        options: c.logConfiguration.options ?? {},
        secretOptions: pairs(c.logConfiguration.secretOptions),
      },
    ),
    ...opt(
      'healthCheck',
      c.healthCheck && {
        command: c.healthCheck.command ?? [],
        ...opt('interval', c.healthCheck.interval),
        ...opt('timeout', c.healthCheck.timeout),
        ...opt('retries', c.healthCheck.retries),
        ...opt('startPeriod', c.healthCheck.startPeriod),
      },
    ),
  }));
  return {
    kind: 'taskDefinition',
    id: td.taskDefinitionArn ?? '',
    family: td.family ?? '',
    revision: td.revision ?? 0,
    ...opt('status', td.status),
    ...opt('networkMode', td.networkMode),
    ...opt('cpu', td.cpu),
    ...opt('memory', td.memory),
    requiresCompatibilities: td.requiresCompatibilities ?? [],
    ...opt('taskRoleArn', td.taskRoleArn),
    ...opt('executionRoleArn', td.executionRoleArn),
    containers,
  };
}

function mapContainerInstance(clusterArn: string, ci: AwsContainerInstance, instances: Map<string, Instance>): Resource {
  const ec2 = ci.ec2InstanceId ? instances.get(ci.ec2InstanceId) : undefined;
  const attr = (name: string) => ci.attributes?.find((a) => a.name === name)?.value;
  const res = (list: typeof ci.registeredResources, name: string) => list?.find((r) => r.name === name)?.integerValue ?? 0;
  return {
    kind: 'containerInstance',
    id: ci.containerInstanceArn ?? '',
    clusterArn,
    ...opt('ec2InstanceId', ci.ec2InstanceId),
    ...opt('az', ec2?.Placement?.AvailabilityZone ?? attr('ecs.availability-zone')),
    ...opt('subnetId', ec2?.SubnetId),
    ...opt('privateIp', ec2?.PrivateIpAddress),
    ...opt('instanceType', ec2?.InstanceType ?? attr('ecs.instance-type')),
    status: ci.status ?? 'UNKNOWN',
    agentConnected: ci.agentConnected ?? false,
    runningTasks: ci.runningTasksCount ?? 0,
    registered: { cpu: res(ci.registeredResources, 'CPU'), memory: res(ci.registeredResources, 'MEMORY') },
    remaining: { cpu: res(ci.remainingResources, 'CPU'), memory: res(ci.remainingResources, 'MEMORY') },
  };
}

function conditionText(c: RuleCondition): string {
  const values = c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values ?? c.Values ?? [];
  return `${c.Field ?? 'condition'} ${values.join(', ')}`.trim();
}

function mapLoadBalancer(lb: AwsLoadBalancer, listeners: AwsListener[], rules: Map<string, Rule[]>): Resource {
  return {
    kind: 'loadBalancer',
    id: lb.LoadBalancerArn ?? '',
    name: lb.LoadBalancerName ?? '',
    type: lb.Type ?? 'application',
    scheme: lb.Scheme ?? 'internet-facing',
    ...opt('dnsName', lb.DNSName),
    ...opt('vpcId', lb.VpcId),
    ...opt('state', lb.State?.Code),
    zones: (lb.AvailabilityZones ?? []).map((z) => ({ az: z.ZoneName ?? '', ...opt('subnetId', z.SubnetId) })),
    securityGroups: lb.SecurityGroups ?? [],
    listeners: listeners
      .filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn)
      .map((l) => {
        const listenerRules = rules.get(l.ListenerArn ?? '');
        const defaults = { Priority: 'default', Conditions: [], Actions: l.DefaultActions ?? [] };
        const all: Pick<Rule, 'Priority' | 'Conditions' | 'Actions'>[] = listenerRules ?? [defaults];
        return {
          id: l.ListenerArn ?? '',
          ...opt('port', l.Port),
          ...opt('protocol', l.Protocol),
          rules: all.map((r) => {
            const action = r.Actions?.[0];
            const forward = action?.ForwardConfig?.TargetGroups?.map((t) => ({ targetGroupArn: t.TargetGroupArn ?? '', ...opt('weight', t.Weight) }));
            return {
              priority: r.Priority ?? 'default',
              conditions: (r.Conditions ?? []).map(conditionText),
              action: action?.Type ?? 'forward',
              targets: forward ?? (action?.TargetGroupArn ? [{ targetGroupArn: action.TargetGroupArn }] : []),
            };
          }),
        };
      }),
  };
}

function mapTargetGroup(tg: AwsTargetGroup, health: TargetHealthDescription[] | undefined): Resource {
  return {
    kind: 'targetGroup',
    id: tg.TargetGroupArn ?? '',
    name: tg.TargetGroupName ?? '',
    targetType: tg.TargetType ?? 'instance',
    ...opt('port', tg.Port),
    ...opt('protocol', tg.Protocol),
    ...opt('vpcId', tg.VpcId),
    healthCheck: {
      ...opt('protocol', tg.HealthCheckProtocol),
      ...opt('port', tg.HealthCheckPort),
      ...opt('path', tg.HealthCheckPath),
      ...opt('intervalSeconds', tg.HealthCheckIntervalSeconds),
      ...opt('healthyThreshold', tg.HealthyThresholdCount),
      ...opt('unhealthyThreshold', tg.UnhealthyThresholdCount),
      ...opt('matcher', tg.Matcher?.HttpCode ?? tg.Matcher?.GrpcCode),
    },
    loadBalancerArns: tg.LoadBalancerArns ?? [],
    ...opt(
      'targets',
      health?.map((h) => ({
        id: h.Target?.Id ?? '',
        ...opt('port', h.Target?.Port),
        ...opt('az', h.Target?.AvailabilityZone),
        state: h.TargetHealth?.State ?? 'unavailable',
        ...opt('reason', h.TargetHealth?.Reason),
        ...opt('description', h.TargetHealth?.Description),
      })),
    ),
  };
}

/** The account, read from the first ARN that names one (no extra call: STS is not needed for a map). */
function accountOf(raw: RawEstate): string | undefined {
  const arns = [...raw.clusters.map((c) => c.clusterArn), ...raw.eksClusters.map((c) => c.arn), ...raw.loadBalancers.map((l) => l.LoadBalancerArn)];
  for (const arn of arns) {
    const account = arn?.split(':')[4];
    if (account) return account;
  }
  return undefined;
}

/** Pure: SDK outputs of one read → the Topology the browser, snapshots and exports share. */
export function toTopology(raw: RawEstate, source: Omit<SourceInfo, 'region' | 'accountId'>): Topology {
  const instances = new Map(raw.instances.map((i) => [i.InstanceId ?? '', i]));
  const publicIds = publicSubnets(raw.subnets, raw.routeTables);
  const routes = defaultRoutes(raw.subnets, raw.routeTables);
  const serviceByGroup = new Map(raw.services.map((s) => [`${s.clusterArn ?? ''}|${s.serviceName ?? ''}`, s.serviceArn ?? '']));
  const containerInstances = raw.containerInstances.map((c) => mapContainerInstance(c.clusterArn, c.instance, instances));
  const hostOf = new Map(
    containerInstances.flatMap((c) =>
      c.kind === 'containerInstance' ? [[c.id, { ...opt('subnetId', c.subnetId), ...opt('privateIp', c.privateIp), ...opt('az', c.az) }] as const] : [],
    ),
  );
  const subnetAz = new Map(raw.subnets.flatMap((s) => (s.SubnetId && s.AvailabilityZone ? [[s.SubnetId, s.AvailabilityZone] as const] : [])));
  const rules = new Map(raw.rules.map((r) => [r.listenerArn, r.rules]));
  const azs = new Map<string, string | undefined>();
  for (const s of raw.subnets) if (s.AvailabilityZone) azs.set(s.AvailabilityZone, s.AvailabilityZoneId);

  const resources: Resource[] = [
    { kind: 'region', id: raw.region },
    ...raw.vpcs.map((v): Resource => ({ kind: 'vpc', id: v.VpcId ?? '', cidrBlock: v.CidrBlock ?? '', ...opt('name', tagName(v.Tags)) })),
    ...[...azs].map(([id, zoneId]): Resource => ({ kind: 'az', id, ...opt('zoneId', zoneId) })),
    ...raw.subnets.map((s): Resource => ({
      kind: 'subnet',
      id: s.SubnetId ?? '',
      vpcId: s.VpcId ?? '',
      az: s.AvailabilityZone ?? '',
      cidrBlock: s.CidrBlock ?? '',
      ...opt('name', tagName(s.Tags)),
      public: publicIds.has(s.SubnetId ?? ''),
      ...opt('defaultRoute', routes.get(s.SubnetId ?? '')),
      ...opt('availableIps', s.AvailableIpAddressCount),
    })),
    ...raw.clusters.map((c): Resource => ({
      kind: 'cluster',
      id: c.clusterArn ?? '',
      name: c.clusterName ?? '',
      status: c.status ?? 'UNKNOWN',
      capacityProviders: c.capacityProviders ?? [],
      defaultCapacityProviderStrategy: (c.defaultCapacityProviderStrategy ?? []).map((d) => ({
        capacityProvider: d.capacityProvider ?? '',
        ...opt('weight', d.weight),
        ...opt('base', d.base),
      })),
      runningTasks: c.runningTasksCount ?? 0,
      activeServices: c.activeServicesCount ?? 0,
      containerInstances: c.registeredContainerInstancesCount ?? 0,
    })),
    ...raw.services.map(mapService),
    ...raw.tasks.map((t) => mapTask(t, { serviceByGroup, hostOf, subnetAz })),
    ...raw.taskDefinitions.map(mapTaskDefinition),
    ...containerInstances,
    ...raw.loadBalancers.map((lb) => mapLoadBalancer(lb, raw.listeners, rules)),
    ...raw.targetGroups.map((tg) => mapTargetGroup(tg, raw.targetHealth[tg.TargetGroupArn ?? ''])),
    ...eksResources(raw),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { ...source, region: raw.region, ...opt('accountId', accountOf(raw)) },
    resources: indexResources(resources),
    errors: raw.errors,
    stats: { calls: raw.calls, retries: raw.retries, durationMs: raw.durationMs },
  };
}
