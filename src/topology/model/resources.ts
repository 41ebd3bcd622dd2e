import { z } from 'zod';
import { EksCluster, EksNode, FargateProfile, Ingress, KubeContainer, KubeService, NodeGroup, Pod, Workload } from './eks';
import { AvailabilityZone, Region, Subnet, Vpc } from './network';

/**
 * Every resource Fleetmap draws, one schema per kind. Ids are ARNs for ECS and ELBv2 resources and AWS ids
 * for EC2 ones (vpc-…, subnet-…, i-…); relations are ids, never nested objects, so a snapshot stays flat.
 */

export const CapacityProviderItem = z.object({
  /** capacityProviderStrategy[].capacityProvider */
  capacityProvider: z.string(),
  weight: z.number().optional(),
  base: z.number().optional(),
});

export const Cluster = z.object({
  kind: z.literal('cluster'),
  /** DescribeClusters: clusterArn */
  id: z.string(),
  /** DescribeClusters: clusterName */
  name: z.string(),
  /** DescribeClusters: status */
  status: z.string(),
  /** DescribeClusters: capacityProviders */
  capacityProviders: z.array(z.string()),
  /** DescribeClusters: defaultCapacityProviderStrategy */
  defaultCapacityProviderStrategy: z.array(CapacityProviderItem),
  /** DescribeClusters: runningTasksCount */
  runningTasks: z.number(),
  /** DescribeClusters: activeServicesCount */
  activeServices: z.number(),
  /** DescribeClusters: registeredContainerInstancesCount */
  containerInstances: z.number(),
});

export const Deployment = z.object({
  /** DescribeServices: deployments[].id (ecs-svc/…), equal to Task.startedBy */
  id: z.string(),
  /** PRIMARY | ACTIVE | INACTIVE */
  status: z.string(),
  /** IN_PROGRESS | COMPLETED | FAILED */
  rolloutState: z.string().optional(),
  rolloutStateReason: z.string().optional(),
  taskDefinitionArn: z.string(),
  desired: z.number(),
  running: z.number(),
  pending: z.number(),
  failedTasks: z.number(),
  /** DescribeServices: deployments[].createdAt, epoch milliseconds */
  createdAt: z.number().optional(),
  /** DescribeServices: deployments[].updatedAt, epoch milliseconds */
  updatedAt: z.number().optional(),
});

export const ServiceLoadBalancer = z.object({
  /** DescribeServices: loadBalancers[].targetGroupArn (absent for Classic LBs) */
  targetGroupArn: z.string().optional(),
  /** DescribeServices: loadBalancers[].loadBalancerName (Classic only) */
  loadBalancerName: z.string().optional(),
  containerName: z.string().optional(),
  containerPort: z.number().optional(),
});

export const NetworkConfiguration = z.object({
  /** DescribeServices: networkConfiguration.awsvpcConfiguration.subnets */
  subnets: z.array(z.string()),
  securityGroups: z.array(z.string()),
  assignPublicIp: z.string().optional(),
});

export const ServiceEvent = z.object({
  id: z.string(),
  /** DescribeServices: events[].createdAt, epoch milliseconds */
  createdAt: z.number(),
  message: z.string(),
});

export const Service = z.object({
  kind: z.literal('service'),
  /** DescribeServices: serviceArn */
  id: z.string(),
  /** DescribeServices: serviceName */
  name: z.string(),
  /** DescribeServices: clusterArn */
  clusterArn: z.string(),
  /** ACTIVE | DRAINING | INACTIVE */
  status: z.string(),
  desired: z.number(),
  running: z.number(),
  pending: z.number(),
  /** DescribeServices: launchType (absent when a capacity provider strategy is set) */
  launchType: z.string().optional(),
  capacityProviderStrategy: z.array(CapacityProviderItem),
  /** DescribeServices: taskDefinition (of the PRIMARY deployment) */
  taskDefinitionArn: z.string().optional(),
  deployments: z.array(Deployment),
  loadBalancers: z.array(ServiceLoadBalancer),
  networkConfiguration: NetworkConfiguration.optional(),
  /** DescribeServices: events (AWS keeps the latest 100; we keep the latest 10) */
  events: z.array(ServiceEvent),
  /** REPLICA | DAEMON */
  schedulingStrategy: z.string().optional(),
});

export const TaskContainer = z.object({
  name: z.string(),
  lastStatus: z.string().optional(),
  /** HEALTHY | UNHEALTHY | UNKNOWN */
  healthStatus: z.string().optional(),
  /** DescribeTasks: containers[].networkBindings[].hostPort (bridge/host mode targets register on these) */
  hostPorts: z.array(z.number()),
  exitCode: z.number().optional(),
  reason: z.string().optional(),
});

export const Task = z.object({
  kind: z.literal('task'),
  /** DescribeTasks: taskArn */
  id: z.string(),
  clusterArn: z.string(),
  /** Derived from DescribeTasks: group = service:<name>, joined to the cluster's service */
  serviceArn: z.string().optional(),
  /** DescribeTasks: group */
  group: z.string().optional(),
  lastStatus: z.string(),
  desiredStatus: z.string(),
  /** DescribeTasks: healthStatus (container health checks) */
  healthStatus: z.string().optional(),
  /** DescribeTasks: availabilityZone, else its ENI subnet's AZ, else its container instance's (some endpoints omit it) */
  az: z.string().optional(),
  /** DescribeTasks: attachments[ElasticNetworkInterface].details[subnetId], else the container instance's subnet */
  subnetId: z.string().optional(),
  /** DescribeTasks: attachments[…].details[privateIPv4Address], else the container instance's IP */
  privateIp: z.string().optional(),
  /** DescribeTasks: attachments[…].details[networkInterfaceId] */
  eniId: z.string().optional(),
  containerInstanceArn: z.string().optional(),
  taskDefinitionArn: z.string(),
  /** DescribeTasks: startedBy, the deployment id for service tasks */
  deploymentId: z.string().optional(),
  launchType: z.string().optional(),
  capacityProviderName: z.string().optional(),
  stoppedReason: z.string().optional(),
  stopCode: z.string().optional(),
  /** DescribeTasks: startedAt, epoch milliseconds */
  startedAt: z.number().optional(),
  containers: z.array(TaskContainer),
  /** Not from AWS: a task the live map keeps drawing for a few minutes after it stopped or went (live/ghosts.ts) */
  ghost: z.literal(true).optional(),
});

export const KeyValue = z.object({ name: z.string(), value: z.string() });

export const ContainerDefinition = z.object({
  name: z.string(),
  image: z.string(),
  cpu: z.number().optional(),
  memory: z.number().optional(),
  memoryReservation: z.number().optional(),
  essential: z.boolean().optional(),
  portMappings: z.array(
    z.object({
      containerPort: z.number().optional(),
      hostPort: z.number().optional(),
      protocol: z.string().optional(),
      name: z.string().optional(),
    }),
  ),
  /** environment[]: names kept, every value redacted in the proxy */
  environment: z.array(KeyValue),
  /** environmentFiles[].value: S3 ARNs, masked */
  environmentFiles: z.array(z.string()),
  /** secrets[]: names kept, valueFrom masked */
  secrets: z.array(KeyValue),
  command: z.array(z.string()),
  entryPoint: z.array(z.string()),
  dockerLabels: z.record(z.string(), z.string()),
  repositoryCredentials: z.string().optional(),
  logConfiguration: z
    .object({
      logDriver: z.string(),
      options: z.record(z.string(), z.string()),
      secretOptions: z.array(KeyValue),
    })
    .optional(),
  healthCheck: z
    .object({
      command: z.array(z.string()),
      interval: z.number().optional(),
      timeout: z.number().optional(),
      retries: z.number().optional(),
      startPeriod: z.number().optional(),
    })
    .optional(),
});

export const TaskDefinition = z.object({
  kind: z.literal('taskDefinition'),
  /** DescribeTaskDefinition: taskDefinitionArn */
  id: z.string(),
  family: z.string(),
  revision: z.number(),
  status: z.string().optional(),
  networkMode: z.string().optional(),
  cpu: z.string().optional(),
  memory: z.string().optional(),
  requiresCompatibilities: z.array(z.string()),
  taskRoleArn: z.string().optional(),
  executionRoleArn: z.string().optional(),
  containers: z.array(ContainerDefinition),
});

export const Resources = z.object({ cpu: z.number(), memory: z.number() });

export const ContainerInstance = z.object({
  kind: z.literal('containerInstance'),
  /** DescribeContainerInstances: containerInstanceArn */
  id: z.string(),
  clusterArn: z.string(),
  /** DescribeContainerInstances: ec2InstanceId */
  ec2InstanceId: z.string().optional(),
  /** DescribeInstances: Placement.AvailabilityZone, else attribute ecs.availability-zone */
  az: z.string().optional(),
  /** DescribeInstances: SubnetId */
  subnetId: z.string().optional(),
  /** DescribeInstances: PrivateIpAddress */
  privateIp: z.string().optional(),
  /** DescribeInstances: InstanceType, else attribute ecs.instance-type */
  instanceType: z.string().optional(),
  status: z.string(),
  agentConnected: z.boolean(),
  runningTasks: z.number(),
  /** DescribeContainerInstances: registeredResources CPU/MEMORY */
  registered: Resources,
  /** DescribeContainerInstances: remainingResources CPU/MEMORY */
  remaining: Resources,
});

export const RuleTarget = z.object({ targetGroupArn: z.string(), weight: z.number().optional() });

export const ListenerRule = z.object({
  /** DescribeRules: Priority ("default" for the listener's default rule) */
  priority: z.string(),
  /** DescribeRules: Conditions, written as text (path-pattern /api/*, host-header …) */
  conditions: z.array(z.string()),
  /** DescribeRules: Actions[].Type of the first action */
  action: z.string(),
  targets: z.array(RuleTarget),
});

export const Listener = z.object({
  /** DescribeListeners: ListenerArn */
  id: z.string(),
  port: z.number().optional(),
  protocol: z.string().optional(),
  rules: z.array(ListenerRule),
});

export const LoadBalancer = z.object({
  kind: z.literal('loadBalancer'),
  /** DescribeLoadBalancers: LoadBalancerArn */
  id: z.string(),
  name: z.string(),
  /** application | network | gateway */
  type: z.string(),
  /** internet-facing | internal */
  scheme: z.string(),
  dnsName: z.string().optional(),
  vpcId: z.string().optional(),
  state: z.string().optional(),
  /** DescribeLoadBalancers: AvailabilityZones[] {ZoneName, SubnetId} */
  zones: z.array(z.object({ az: z.string(), subnetId: z.string().optional() })),
  securityGroups: z.array(z.string()),
  listeners: z.array(Listener),
});

export const TargetHealth = z.object({
  /** DescribeTargetHealth: Target.Id (an IP for ip targets, an instance id for instance targets) */
  id: z.string(),
  port: z.number().optional(),
  az: z.string().optional(),
  /** initial | healthy | unhealthy | unhealthy.draining | unused | draining | unavailable */
  state: z.string(),
  /** e.g. Target.ResponseCodeMismatch */
  reason: z.string().optional(),
  description: z.string().optional(),
});

export const TargetGroup = z.object({
  kind: z.literal('targetGroup'),
  /** DescribeTargetGroups: TargetGroupArn */
  id: z.string(),
  name: z.string(),
  /** ip | instance | lambda | alb */
  targetType: z.string(),
  port: z.number().optional(),
  protocol: z.string().optional(),
  vpcId: z.string().optional(),
  healthCheck: z.object({
    protocol: z.string().optional(),
    port: z.string().optional(),
    path: z.string().optional(),
    intervalSeconds: z.number().optional(),
    healthyThreshold: z.number().optional(),
    unhealthyThreshold: z.number().optional(),
    matcher: z.string().optional(),
  }),
  loadBalancerArns: z.array(z.string()),
  /** DescribeTargetHealth; absent when it could not be read (see errors[]) */
  targets: z.array(TargetHealth).optional(),
});

export const Resource = z.discriminatedUnion('kind', [
  Region,
  Vpc,
  AvailabilityZone,
  Subnet,
  Cluster,
  Service,
  Task,
  TaskDefinition,
  ContainerInstance,
  LoadBalancer,
  TargetGroup,
  EksCluster,
  NodeGroup,
  FargateProfile,
  EksNode,
  Pod,
  Workload,
  KubeService,
  Ingress,
]);

export type Resource = z.infer<typeof Resource>;
export type ResourceKind = Resource['kind'];
export type ResourceOf<K extends ResourceKind> = Extract<Resource, { kind: K }>;
export type Cluster = z.infer<typeof Cluster>;
export type Service = z.infer<typeof Service>;
export type Deployment = z.infer<typeof Deployment>;
export type Task = z.infer<typeof Task>;
export type TaskDefinition = z.infer<typeof TaskDefinition>;
export type ContainerDefinition = z.infer<typeof ContainerDefinition>;
export type ContainerInstance = z.infer<typeof ContainerInstance>;
export type LoadBalancer = z.infer<typeof LoadBalancer>;
export type Listener = z.infer<typeof Listener>;
export type TargetGroup = z.infer<typeof TargetGroup>;
export type TargetHealth = z.infer<typeof TargetHealth>;
export type EksCluster = z.infer<typeof EksCluster>;
export type NodeGroup = z.infer<typeof NodeGroup>;
export type FargateProfile = z.infer<typeof FargateProfile>;
export type EksNode = z.infer<typeof EksNode>;
export type Pod = z.infer<typeof Pod>;
export type Workload = z.infer<typeof Workload>;
export type KubeService = z.infer<typeof KubeService>;
export type Ingress = z.infer<typeof Ingress>;
export type KubeContainer = z.infer<typeof KubeContainer>;
