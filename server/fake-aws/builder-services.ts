import { createHash } from 'node:crypto';
import type { ServiceSpec, WorldBuilder } from './builder';
import { str, type JsonObject } from './world';

export function addTargetGroup(b: WorldBuilder, name: string, port: number, targetType: 'ip' | 'instance', vpcId: string, protocol = 'HTTP'): string {
  const arn = `${b.arnPrefix('elasticloadbalancing')}:targetgroup/${name}/${b.hex(16)}`;
  b.worldRef().elbv2.targetGroups.push({
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: protocol,
    Port: port,
    VpcId: vpcId,
    HealthCheckProtocol: protocol === 'TCP' ? 'TCP' : 'HTTP',
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    ...(protocol === 'TCP' ? {} : { HealthCheckPath: '/health', Matcher: { HttpCode: '200' } }),
    LoadBalancerArns: [],
    TargetType: targetType,
  });
  b.worldRef().elbv2.targetHealth[arn] = [];
  return arn;
}

export interface ListenerSpec {
  port: number;
  protocol: string;
  defaultTargetGroup: string;
  rules?: { path: string; targetGroup: string }[];
}

export function addLoadBalancer(
  b: WorldBuilder,
  name: string,
  type: 'application' | 'network',
  scheme: 'internet-facing' | 'internal',
  subnets: string[],
  listeners: ListenerSpec[],
): string {
  const w = b.worldRef();
  const short = type === 'application' ? 'app' : 'net';
  const id = b.hex(16);
  const arn = `${b.arnPrefix('elasticloadbalancing')}:loadbalancer/${short}/${name}/${id}`;
  const vpcId = str(w.ec2.subnets.find((s) => s['subnetId'] === subnets[0]) ?? {}, 'vpcId');
  w.elbv2.loadBalancers.push({
    LoadBalancerArn: arn,
    DNSName: `${scheme === 'internal' ? 'internal-' : ''}${name}-${id.slice(0, 10)}.${w.region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: b.iso(40 * 86400),
    LoadBalancerName: name,
    Scheme: scheme,
    VpcId: vpcId,
    State: { Code: 'active' },
    Type: type,
    AvailabilityZones: subnets.map((s) => ({ ZoneName: b.subnetAz(s), SubnetId: s })),
    ...(type === 'application' ? { SecurityGroups: [`sg-${b.hex(17)}`] } : {}),
    IpAddressType: 'ipv4',
  });
  for (const l of listeners) {
    const listenerArn = `${b.arnPrefix('elasticloadbalancing')}:listener/${short}/${name}/${id}/${b.hex(16)}`;
    w.elbv2.listeners.push({
      ListenerArn: listenerArn,
      LoadBalancerArn: arn,
      Port: l.port,
      Protocol: l.protocol,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: l.defaultTargetGroup, Order: 1 }],
    });
    const ruleBase = `${b.arnPrefix('elasticloadbalancing')}:listener-rule/${short}/${name}/${id}`;
    (l.rules ?? []).forEach((r, i) => {
      w.elbv2.rules.push({
        listenerArn,
        body: {
          RuleArn: `${ruleBase}/${b.hex(16)}`,
          Priority: String((i + 1) * 10),
          Conditions: [{ Field: 'path-pattern', Values: [r.path], PathPatternConfig: { Values: [r.path] } }],
          Actions: [{ Type: 'forward', TargetGroupArn: r.targetGroup, Order: 1 }],
          IsDefault: false,
        },
      });
    });
    w.elbv2.rules.push({
      listenerArn,
      body: {
        RuleArn: `${ruleBase}/${b.hex(16)}`,
        Priority: 'default',
        Conditions: [],
        Actions: [{ Type: 'forward', TargetGroupArn: l.defaultTargetGroup, Order: 1 }],
        IsDefault: true,
      },
    });
    const tgArns = new Set([l.defaultTargetGroup, ...(l.rules ?? []).map((r) => r.targetGroup)]);
    for (const tg of w.elbv2.targetGroups) {
      const lbs = tg['LoadBalancerArns'];
      if (tgArns.has(str(tg, 'TargetGroupArn')) && Array.isArray(lbs) && !lbs.includes(arn)) lbs.push(arn);
    }
  }
  return arn;
}

/** Fargate's platform version for new tasks (1.4.0: 20 GiB of ephemeral storage unless the task asks for more). */
const FARGATE_PLATFORM = '1.4.0';

/** What DescribeTasks adds for a task on Fargate. */
const fargateTask = (): JsonObject => ({
  platformVersion: FARGATE_PLATFORM,
  platformFamily: 'Linux',
  ephemeralStorage: { sizeInGiB: 20 },
  attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
});

/** What DescribeServices echoes for a service created with CreateService's defaults. */
const serviceDefaults = (): JsonObject => ({
  deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 },
  serviceRegistries: [],
  placementConstraints: [],
  placementStrategy: [],
  enableECSManagedTags: false,
  propagateTags: 'NONE',
  enableExecuteCommand: false,
});

function containerDefinitionOf(td: JsonObject): JsonObject {
  const containers = td['containerDefinitions'];
  const first = Array.isArray(containers) ? containers[0] : undefined;
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? first : {};
}

/** The first port mapping of a task definition's first container, as RegisterTaskDefinition stored it. */
function portMappingOf(td: JsonObject | undefined): { containerPort: number; hostPort: number } | undefined {
  const containers = td?.['containerDefinitions'];
  const first = Array.isArray(containers) ? (containers[0] as JsonObject | undefined) : undefined;
  const mappings = first?.['portMappings'];
  const m = Array.isArray(mappings) ? (mappings[0] as JsonObject | undefined) : undefined;
  return m ? { containerPort: Number(m['containerPort']), hostPort: Number(m['hostPort'] ?? 0) } : undefined;
}

function containerInstanceOf(b: WorldBuilder, arn: string): { body: JsonObject; instance: JsonObject } {
  const w = b.worldRef();
  const ci = w.ecs.containerInstances.find((c) => c.body['containerInstanceArn'] === arn);
  const instance = w.ec2.instances.find((i) => i['instanceId'] === ci?.body['ec2InstanceId']);
  if (!ci || !instance) throw new Error(`no container instance ${arn}`);
  return { body: ci.body, instance };
}

/** ECS's spread placement, roughly: the instance with the largest share of its CPU left, ties going round-robin from `index`. */
function leastLoaded(b: WorldBuilder, arns: readonly string[], index: number): string {
  const cpuShareLeft = (arn: string) => {
    const body = containerInstanceOf(b, arn).body;
    const cpu = (key: string) => {
      const list = body[key];
      const item = Array.isArray(list) ? (list as JsonObject[]).find((r) => r['name'] === 'CPU') : undefined;
      return Number(item?.['integerValue'] ?? 0);
    };
    return cpu('remainingResources') / Math.max(1, cpu('registeredResources'));
  };
  let best = '';
  let bestLeft = -Infinity;
  for (let k = 0; k < arns.length; k++) {
    const arn = arns[(index + k) % arns.length] ?? '';
    const left = cpuShareLeft(arn);
    if (left > bestLeft) {
      best = arn;
      bestLeft = left;
    }
  }
  return best;
}

/** A service with its deployments, tasks (spread round-robin over subnets) and their target registrations. */
export function addService(b: WorldBuilder, spec: ServiceSpec): string {
  const w = b.worldRef();
  const clusterArn = `${b.arnPrefix('ecs')}:cluster/${spec.cluster}`;
  const serviceArn = `${b.arnPrefix('ecs')}:service/${spec.cluster}/${spec.name}`;
  const cluster = w.ecs.clusters.find((c) => c['clusterArn'] === clusterArn);
  const taskDefs = w.ecs.taskDefinitions;
  const primary = spec.revisions[spec.revisions.length - 1];
  if (!cluster || !primary) throw new Error(`service ${spec.name}: unknown cluster or no revision`);
  const desired = spec.revisions.reduce((n, r) => n + r.running, 0);
  const deployments = spec.revisions.map((r, i) => {
    const isPrimary = i === spec.revisions.length - 1;
    const inProgress = spec.revisions.length > 1;
    return {
      id: `ecs-svc/${b.hex(19).replace(/[a-f]/g, '7')}`,
      status: isPrimary ? 'PRIMARY' : 'ACTIVE',
      taskDefinition: r.taskDefinition,
      desiredCount: isPrimary ? desired : 0,
      pendingCount: isPrimary ? (spec.pending ?? 0) : 0,
      runningCount: r.running,
      failedTasks: spec.rolloutFailed && isPrimary ? 3 : 0,
      createdAt: b.epoch - (inProgress && isPrimary ? 600 : 86400 * (5 - i)),
      updatedAt: b.epoch - (inProgress ? 60 : 86400),
      ...(spec.launchType ? { launchType: spec.launchType } : {}),
      ...(spec.capacityProviderStrategy ? { capacityProviderStrategy: spec.capacityProviderStrategy } : {}),
      rolloutState: isPrimary ? (spec.rolloutFailed ? 'FAILED' : inProgress ? 'IN_PROGRESS' : 'COMPLETED') : 'IN_PROGRESS',
      rolloutStateReason: isPrimary && !inProgress ? 'ECS deployment ecs-svc completed.' : 'ECS deployment in progress.',
    };
  });
  const awsvpc = spec.containerInstances === undefined;
  const tgArn = spec.targetGroup;
  const tg = w.elbv2.targetGroups.find((t) => t['TargetGroupArn'] === tgArn);
  const containerName = spec.name;
  const primaryTd = taskDefs.find((t) => t['taskDefinitionArn'] === primary.taskDefinition);
  const containerPort = spec.containerPort ?? portMappingOf(primaryTd)?.containerPort ?? 8080;
  let index = 0;
  spec.revisions.forEach((r, ri) => {
    const td = taskDefs.find((t) => t['taskDefinitionArn'] === r.taskDefinition);
    const deployment = deployments[ri];
    if (!td || !deployment) throw new Error(`unknown task definition ${r.taskDefinition}`);
    for (let i = 0; i < r.running; i++, index++) {
      const taskId = b.hex(32);
      const taskArn = `${b.arnPrefix('ecs')}:task/${spec.cluster}/${taskId}`;
      const unhealthy = spec.unhealthy?.find((u) => u.index === index);
      let az: string;
      let ip: string;
      let targetId: string;
      // awsvpc targets register the container port; bridge ones a host port, if the container maps one at all.
      let hostPort: number | undefined = containerPort;
      const mapping = portMappingOf(td);
      const attachments: JsonObject[] = [];
      let containerInstanceArn: string | undefined;
      if (awsvpc) {
        const subnetId = spec.subnets[index % spec.subnets.length] ?? '';
        az = b.subnetAz(subnetId);
        ip = b.ip(subnetId);
        targetId = ip;
        attachments.push({
          id: `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
          type: 'ElasticNetworkInterface',
          status: 'ATTACHED',
          details: [
            { name: 'subnetId', value: subnetId },
            { name: 'networkInterfaceId', value: `eni-${b.hex(17)}` },
            { name: 'macAddress', value: `0a:${b.hex(2)}:${b.hex(2)}:${b.hex(2)}:${b.hex(2)}:${b.hex(2)}` },
            { name: 'privateDnsName', value: `ip-${ip.replaceAll('.', '-')}.ec2.internal` },
            { name: 'privateIPv4Address', value: ip },
          ],
        });
      } else {
        containerInstanceArn = leastLoaded(b, spec.containerInstances ?? [], index);
        const { body, instance } = containerInstanceOf(b, containerInstanceArn);
        az = String((instance['placement'] as JsonObject)['availabilityZone']);
        ip = str(instance, 'privateIpAddress');
        targetId = str(instance, 'instanceId');
        // A static hostPort as the task definition sets it, else a dynamic one of this instance's own.
        hostPort = mapping ? mapping.hostPort || b.dynamicHostPort(containerInstanceArn) : undefined;
        body['runningTasksCount'] = Number(body['runningTasksCount']) + 1;
        const remaining = body['remainingResources'];
        if (Array.isArray(remaining))
          for (const res of remaining as JsonObject[]) {
            if (res['name'] === 'CPU' || res['name'] === 'MEMORY') res['integerValue'] = Number(res['integerValue']) - (res['name'] === 'CPU' ? 256 : 512);
          }
      }
      const healthy = unhealthy === undefined;
      const pendingTask = i >= r.running - (ri === spec.revisions.length - 1 ? (spec.pending ?? 0) : 0);
      const capacityProviderName = spec.capacityProviderStrategy ? (b.random() < 0.7 ? 'FARGATE_SPOT' : 'FARGATE') : undefined;
      const definition = containerDefinitionOf(td);
      const image = str(definition, 'image');
      const started = b.epoch - 3500 - index * 7;
      w.ecs.tasks.push({
        taskArn,
        clusterArn,
        taskDefinitionArn: r.taskDefinition,
        group: `service:${spec.name}`,
        startedBy: deployment.id,
        lastStatus: pendingTask ? 'PROVISIONING' : 'RUNNING',
        desiredStatus: 'RUNNING',
        healthStatus: pendingTask ? 'UNKNOWN' : healthy ? 'HEALTHY' : 'UNHEALTHY',
        availabilityZone: az,
        launchType: spec.launchType ?? 'FARGATE',
        ...(capacityProviderName ? { capacityProviderName } : {}),
        ...(containerInstanceArn ? { containerInstanceArn } : {}),
        attachments,
        ...(awsvpc ? fargateTask() : {}),
        overrides: { containerOverrides: [{ name: containerName }], inferenceAcceleratorOverrides: [] },
        enableExecuteCommand: false,
        containers: [
          {
            containerArn: `${b.arnPrefix('ecs')}:container/${spec.cluster}/${taskId}/${b.hex(8)}`,
            taskArn,
            name: containerName,
            image,
            // A digest is the image's content hash: the same image gives the same one in every task.
            imageDigest: `sha256:${createHash('sha256').update(image).digest('hex')}`,
            runtimeId: `${taskId}-${index}`,
            cpu: String(definition['cpu'] ?? 0),
            ...(definition['memory'] === undefined ? {} : { memory: String(definition['memory']) }),
            lastStatus: pendingTask ? 'PENDING' : 'RUNNING',
            healthStatus: pendingTask ? 'UNKNOWN' : healthy ? 'HEALTHY' : 'UNHEALTHY',
            networkBindings:
              awsvpc || hostPort === undefined
                ? []
                : [{ bindIP: '0.0.0.0', containerPort: mapping?.containerPort ?? containerPort, hostPort, protocol: 'tcp' }],
            networkInterfaces: awsvpc ? [{ attachmentId: str(attachments[0] ?? {}, 'id'), privateIpv4Address: ip }] : [],
          },
        ],
        cpu: '512',
        memory: '1024',
        createdAt: b.epoch - 3600 - index * 7,
        // A task still provisioning has neither connected, pulled its image nor started.
        ...(pendingTask
          ? {}
          : { connectivity: 'CONNECTED', connectivityAt: started - 90, pullStartedAt: started - 80, pullStoppedAt: started - 20, startedAt: started }),
        version: 3,
      });
      if (tg && tgArn && !pendingTask && hostPort !== undefined) {
        w.elbv2.targetHealth[tgArn]?.push({
          Target: { Id: targetId, Port: hostPort, AvailabilityZone: az },
          HealthCheckPort: String(hostPort),
          TargetHealth: unhealthy ? { State: 'unhealthy', Reason: unhealthy.reason, Description: unhealthy.description } : { State: 'healthy' },
        });
      }
    }
  });
  const running = spec.revisions.reduce((n, r) => n + r.running, 0) - (spec.pending ?? 0);
  const networkConfiguration = awsvpc
    ? { awsvpcConfiguration: { subnets: spec.subnets, securityGroups: [`sg-${b.hex(17)}`], assignPublicIp: 'DISABLED' } }
    : undefined;
  // Each deployment of an awsvpc service carries the network configuration and, on Fargate, the platform it runs.
  if (networkConfiguration) for (const d of deployments) Object.assign(d, { networkConfiguration, platformVersion: FARGATE_PLATFORM });
  w.ecs.services.push({
    serviceArn,
    serviceName: spec.name,
    clusterArn,
    status: 'ACTIVE',
    desiredCount: desired,
    runningCount: running,
    pendingCount: spec.pending ?? 0,
    ...(spec.launchType ? { launchType: spec.launchType } : {}),
    ...(spec.capacityProviderStrategy ? { capacityProviderStrategy: spec.capacityProviderStrategy } : {}),
    taskDefinition: primary.taskDefinition,
    deployments: [...deployments].reverse(),
    loadBalancers: tgArn ? [{ targetGroupArn: tgArn, containerName, containerPort }] : [],
    ...(networkConfiguration ? { networkConfiguration, platformVersion: 'LATEST', platformFamily: 'Linux' } : {}),
    events: (spec.events ?? [`(service ${spec.name}) has reached a steady state.`]).map((message, i) => ({
      id: `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
      createdAt: b.epoch - 60 - i * 300,
      message,
    })),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    createdAt: b.epoch - 40 * 86400,
    ...serviceDefaults(),
    roleArn: `arn:aws:iam::${w.accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
  });
  cluster['activeServicesCount'] = Number(cluster['activeServicesCount']) + 1;
  cluster['runningTasksCount'] = Number(cluster['runningTasksCount']) + running;
  cluster['pendingTasksCount'] = Number(cluster['pendingTasksCount']) + (spec.pending ?? 0);
  return serviceArn;
}

/** A task that stopped recently (ECS keeps them visible for about an hour): the reason is what SREs look for. */
export function addStoppedTask(b: WorldBuilder, serviceArn: string, reason: string, exitCode: number): void {
  const w = b.worldRef();
  const running = w.ecs.tasks.find((t) => t['group'] === `service:${serviceArn.split('/').pop() ?? ''}`);
  if (!running) return;
  const copy = structuredClone(running);
  const cluster = serviceArn.split('/')[1] ?? '';
  copy['taskArn'] = `${b.arnPrefix('ecs')}:task/${cluster}/${b.hex(32)}`;
  copy['lastStatus'] = 'STOPPED';
  copy['desiredStatus'] = 'STOPPED';
  copy['healthStatus'] = 'UNKNOWN';
  copy['stopCode'] = 'EssentialContainerExited';
  copy['stoppedReason'] = reason;
  copy['stoppedAt'] = b.epoch - 900;
  const containers = copy['containers'];
  if (Array.isArray(containers))
    for (const c of containers as JsonObject[]) Object.assign(c, { lastStatus: 'STOPPED', exitCode, reason: 'Essential container in task exited' });
  // A stopped task's ENI is deleted and its address released; DescribeTasks keeps the attachment, marked DELETED.
  const attachments = copy['attachments'];
  if (Array.isArray(attachments)) for (const a of attachments as JsonObject[]) a['status'] = 'DELETED';
  w.ecs.tasks.push(copy);
}
