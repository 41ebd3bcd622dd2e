import { indexResources, SCHEMA_VERSION, type Resource, type ResourceOf, type Topology } from '../model';

/**
 * Small topologies for the graph's tests, in the model's shape: each factory fills what a read always sets and
 * takes the fields a test is about. Ids follow AWS's (ARNs, i-…, subnet-…).
 */
const ACCOUNT = 'arn:aws:ecs:us-east-1:123456789012';

export const clusterArn = (name: string) => `${ACCOUNT}:cluster/${name}`;
export const serviceArn = (cluster: string, name: string) => `${ACCOUNT}:service/${cluster}/${name}`;
export const tdArn = (family: string, revision: number) => `${ACCOUNT}:task-definition/${family}:${revision}`;

export function topologyOf(resources: Resource[]): Topology {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { kind: 'snapshot', label: 'test', region: 'us-east-1', fetchedAt: Date.UTC(2026, 10, 20) },
    resources: indexResources([{ kind: 'region', id: 'us-east-1' }, ...resources]),
    errors: [],
    stats: { calls: {}, retries: 0, durationMs: 0 },
  };
}

export function cluster(name: string, counters: { activeServices: number; runningTasks: number }): ResourceOf<'cluster'> {
  return {
    kind: 'cluster',
    id: clusterArn(name),
    name,
    status: 'ACTIVE',
    capacityProviders: ['FARGATE'],
    defaultCapacityProviderStrategy: [],
    containerInstances: 0,
    ...counters,
  };
}

export function service(
  cluster: string,
  name: string,
  extra: Partial<Pick<ResourceOf<'service'>, 'loadBalancers' | 'launchType' | 'taskDefinitionArn'>> = {},
): ResourceOf<'service'> {
  return {
    kind: 'service',
    id: serviceArn(cluster, name),
    name,
    clusterArn: clusterArn(cluster),
    status: 'ACTIVE',
    desired: 1,
    running: 1,
    pending: 0,
    launchType: 'FARGATE',
    capacityProviderStrategy: [],
    deployments: [],
    loadBalancers: [],
    events: [],
    ...extra,
  };
}

let taskCount = 0;

export function task(
  cluster: string,
  serviceName: string | undefined,
  extra: Partial<Omit<ResourceOf<'task'>, 'kind' | 'id' | 'clusterArn'>> = {},
): ResourceOf<'task'> {
  taskCount += 1;
  return {
    kind: 'task',
    id: `${ACCOUNT}:task/${cluster}/${taskCount.toString(16).padStart(32, '0')}`,
    clusterArn: clusterArn(cluster),
    ...(serviceName ? { serviceArn: serviceArn(cluster, serviceName), group: `service:${serviceName}` } : {}),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    taskDefinitionArn: tdArn(serviceName ?? 'standalone', 1),
    containers: [],
    ...extra,
  };
}

export function containerInstance(
  cluster: string,
  ec2InstanceId: string,
  extra: Partial<ResourceOf<'containerInstance'>> = {},
): ResourceOf<'containerInstance'> {
  return {
    kind: 'containerInstance',
    id: `${ACCOUNT}:container-instance/${cluster}/${ec2InstanceId.slice(2)}`,
    clusterArn: clusterArn(cluster),
    ec2InstanceId,
    status: 'ACTIVE',
    agentConnected: true,
    runningTasks: 0,
    registered: { cpu: 2048, memory: 7680 },
    remaining: { cpu: 2048, memory: 7680 },
    ...extra,
  };
}

export function targetGroup(name: string, targetType: 'ip' | 'instance', targets: ResourceOf<'targetGroup'>['targets']): ResourceOf<'targetGroup'> {
  return {
    kind: 'targetGroup',
    id: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/0123456789abcdef`,
    name,
    targetType,
    port: 80,
    protocol: 'TCP',
    healthCheck: {},
    loadBalancerArns: [],
    ...(targets ? { targets } : {}),
  };
}

export function taskDefinition(
  family: string,
  networkMode: string,
  portMappings: { containerPort: number; hostPort?: number }[],
): ResourceOf<'taskDefinition'> {
  return {
    kind: 'taskDefinition',
    id: tdArn(family, 1),
    family,
    revision: 1,
    networkMode,
    requiresCompatibilities: ['EC2'],
    containers: [
      {
        name: family,
        image: `registry.example/${family}:1`,
        portMappings,
        environment: [],
        environmentFiles: [],
        secrets: [],
        command: [],
        entryPoint: [],
        dockerLabels: {},
      },
    ],
  };
}

export function vpc(id: string, cidrBlock: string, name?: string): ResourceOf<'vpc'> {
  return { kind: 'vpc', id, cidrBlock, ...(name ? { name } : {}) };
}

export function subnet(
  id: string,
  az: string,
  cidrBlock: string,
  isPublic: boolean,
  extra: Partial<Pick<ResourceOf<'subnet'>, 'name' | 'vpcId'>> = {},
): ResourceOf<'subnet'> {
  return { kind: 'subnet', id, vpcId: 'vpc-1', az, cidrBlock, public: isPublic, ...extra };
}

export const lbArn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/${name}/50dc6c495c0c9188`;

/** An application load balancer in `azs` with one HTTPS listener: the first group is its default action, each other one a path rule. */
export function loadBalancer(name: string, azs: readonly string[], targetGroupArns: readonly string[]): ResourceOf<'loadBalancer'> {
  const id = lbArn(name);
  return {
    kind: 'loadBalancer',
    id,
    name,
    type: 'application',
    scheme: 'internet-facing',
    zones: azs.map((az) => ({ az })),
    securityGroups: [],
    listeners: [
      {
        id: `${id.replace(':loadbalancer/', ':listener/')}/f2f7dc8efc522ab2`,
        port: 443,
        protocol: 'HTTPS',
        rules: targetGroupArns.map((tg, i) => ({
          priority: i === 0 ? 'default' : String(i),
          conditions: i === 0 ? [] : [`path-pattern /svc${i}/*`],
          action: 'forward',
          targets: [{ targetGroupArn: tg }],
        })),
      },
    ],
  };
}

export const eksArn = (name: string) => `arn:aws:eks:us-east-1:123456789012:cluster/${name}`;
/** Kubernetes objects' ids: `<cluster ARN>/<kind>/<namespace>/<name>`, as the Kubernetes read writes them. */
export const kubeId = (cluster: string, kind: string, namespace: string, name: string) => `${eksArn(cluster)}/${kind}/${namespace}/${name}`;

export function eksCluster(name: string, extra: Partial<Omit<ResourceOf<'eksCluster'>, 'kind' | 'id' | 'name'>> = {}): ResourceOf<'eksCluster'> {
  return {
    kind: 'eksCluster',
    id: eksArn(name),
    name,
    version: '1.31',
    status: 'ACTIVE',
    subnetIds: [],
    securityGroupIds: [],
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    ...extra,
  };
}

/** A worker node (its EC2 instance) of EKS cluster `cluster`, named by its private DNS name as EKS names nodes. */
export function eksNode(
  cluster: string,
  instanceId: string,
  extra: Partial<Omit<ResourceOf<'eksNode'>, 'kind' | 'id' | 'clusterArn'>> = {},
): ResourceOf<'eksNode'> {
  return {
    kind: 'eksNode',
    id: instanceId,
    clusterArn: eksArn(cluster),
    name: `ip-${instanceId.slice(2)}.ec2.internal`,
    state: 'running',
    lifecycle: 'on-demand',
    ...extra,
  };
}

export function workload(
  cluster: string,
  namespace: string,
  name: string,
  extra: Partial<Omit<ResourceOf<'workload'>, 'kind' | 'id' | 'clusterArn' | 'namespace' | 'name'>> = {},
): ResourceOf<'workload'> {
  const workloadKind = extra.workloadKind ?? 'Deployment';
  return {
    kind: 'workload',
    id: kubeId(cluster, workloadKind.toLowerCase(), namespace, name),
    clusterArn: eksArn(cluster),
    namespace,
    name,
    workloadKind,
    desired: 1,
    ready: 1,
    selector: [`app.kubernetes.io/name=${name}`],
    template: [],
    ...extra,
  };
}

/** A running, ready pod; `extra` sets where it runs (instanceId, podIp, subnetId) and who owns it (workloadId). */
export function pod(
  cluster: string,
  namespace: string,
  name: string,
  extra: Partial<Omit<ResourceOf<'pod'>, 'kind' | 'id' | 'clusterArn' | 'namespace' | 'name'>> = {},
): ResourceOf<'pod'> {
  const phase = extra.phase ?? 'Running';
  return {
    kind: 'pod',
    id: kubeId(cluster, 'pod', namespace, name),
    clusterArn: eksArn(cluster),
    namespace,
    name,
    fargate: false,
    phase,
    status: phase,
    ready: phase === 'Running',
    restarts: 0,
    owners: [],
    oldRevision: false,
    containers: [],
    containerStatuses: [],
    ...extra,
  };
}

/** A Kubernetes Service; `targetGroupArns` as TargetGroupBindings name them, `workloadIds` the workloads it selects. */
export function kubeService(
  cluster: string,
  namespace: string,
  name: string,
  extra: Partial<Pick<ResourceOf<'kubeService'>, 'type' | 'targetGroupArns' | 'workloadIds' | 'hostname'>> = {},
): ResourceOf<'kubeService'> {
  return {
    kind: 'kubeService',
    id: kubeId(cluster, 'service', namespace, name),
    clusterArn: eksArn(cluster),
    namespace,
    name,
    type: 'ClusterIP',
    selector: [`app.kubernetes.io/name=${name}`],
    ports: ['80→8080/TCP'],
    targetGroupArns: [],
    workloadIds: [],
    ...extra,
  };
}

/** An Ingress; `loadBalancerArn` is the ALB whose DNS name its status holds. */
export function ingress(
  cluster: string,
  namespace: string,
  name: string,
  extra: Partial<Pick<ResourceOf<'ingress'>, 'loadBalancerArn' | 'hostname' | 'rules' | 'className'>> = {},
): ResourceOf<'ingress'> {
  return {
    kind: 'ingress',
    id: kubeId(cluster, 'ingress', namespace, name),
    clusterArn: eksArn(cluster),
    namespace,
    name,
    className: 'alb',
    rules: [`*/ → ${name}:80`],
    ...extra,
  };
}
