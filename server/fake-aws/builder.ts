import { seededRandom } from '../../src/topology/synthetic/seed';
import { str, type JsonObject, type World } from './world';

/**
 * A fixed `now` for worlds whose times must not move (2026-11-20T00:00:00Z, epoch milliseconds): every timestamp
 * of a world is an offset before the instant it is built at, which the demo and `fleetmap fake-aws` take from the
 * wall clock so a demo read today shows a deployment started minutes ago, not days.
 */
export const WORLD_EPOCH = 1_795_132_800_000;

export interface ContainerSpec {
  name: string;
  image: string;
  port?: number;
  cpu?: number;
  memory?: number;
  environment?: Record<string, string>;
  secrets?: Record<string, string>;
  healthCheckCommand?: string[];
}

export interface ServiceSpec {
  cluster: string;
  name: string;
  /** Revisions in rollout order; the last one is the PRIMARY deployment */
  revisions: { taskDefinition: string; running: number }[];
  /** Subnets the tasks are spread over, round-robin (awsvpc), or container instances (bridge) */
  subnets: string[];
  containerInstances?: string[];
  launchType?: 'FARGATE' | 'EC2';
  capacityProviderStrategy?: { capacityProvider: string; weight: number; base?: number }[];
  targetGroup?: string;
  /** The container port the target group forwards to; by default the task definition's first port mapping */
  containerPort?: number;
  /** Indexes of tasks (in creation order) whose target is unhealthy, with the reason */
  unhealthy?: { index: number; reason: string; description: string }[];
  pending?: number;
  rolloutFailed?: boolean;
  events?: string[];
}

/**
 * A container instance's resources as DescribeContainerInstances gives them: every entry carries all the value
 * members (zeros where unused), and the ports the agent reserves are a STRINGSET of their own.
 */
function hostResources(cpu: number, memory: number): JsonObject[] {
  const value = { doubleValue: 0, integerValue: 0, longValue: 0 };
  return [
    { name: 'CPU', type: 'INTEGER', ...value, integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', ...value, integerValue: memory },
    { name: 'PORTS', type: 'STRINGSET', ...value, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', ...value, stringSetValue: [] },
  ];
}

/** Builds worlds the way AWS would hold them: ids, ARNs, and the joins between services kept consistent. */
export class WorldBuilder {
  private readonly rand: () => number;
  private readonly world: World;
  private readonly revisions = new Map<string, number>();
  private ipCounter = new Map<string, number>();
  private hostPorts = new Map<string, number>();

  /** The instant the world is built at, in the epoch seconds ECS and EKS write (only times depend on it, never ids) */
  readonly epoch: number;

  constructor(name: string, seed: number, accountId = '123456789012', region = 'us-east-1', now = WORLD_EPOCH) {
    this.rand = seededRandom(seed);
    this.epoch = Math.floor(now / 1000);
    this.world = {
      name,
      accountId,
      region,
      ec2: { vpcs: [], subnets: [], routeTables: [], instances: [] },
      ecs: { clusters: [], services: [], tasks: [], taskDefinitions: [], containerInstances: [] },
      elbv2: { loadBalancers: [], targetGroups: [], listeners: [], rules: [], targetHealth: {} },
    };
  }

  arnPrefix(service: string): string {
    return `arn:aws:${service}:${this.world.region}:${this.world.accountId}`;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.rand() * 16).toString(16);
    return out;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rand() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  random(): number {
    return this.rand();
  }

  get region(): string {
    return this.world.region;
  }

  vpc(cidr: string, name: string): string {
    const vpcId = `vpc-${this.hex(17)}`;
    this.world.ec2.vpcs.push({
      vpcId,
      state: 'available',
      cidrBlock: cidr,
      isDefault: false,
      tagSet: [{ key: 'Name', value: name }],
    });
    // The main route table sends default traffic to a NAT gateway: subnets without their own table are private, as
    // in a VPC whose private subnets share the main table (DescribeRouteTables then shows them in no association).
    const mainTableId = `rtb-${this.hex(17)}`;
    this.world.ec2.routeTables.push({
      routeTableId: mainTableId,
      vpcId,
      ownerId: this.world.accountId,
      routeSet: [
        { destinationCidrBlock: cidr, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' },
        { destinationCidrBlock: '0.0.0.0/0', natGatewayId: `nat-${this.hex(17)}`, state: 'active', origin: 'CreateRoute' },
      ],
      associationSet: [
        { routeTableAssociationId: `rtbassoc-${this.hex(17)}`, routeTableId: mainTableId, main: true, associationState: { state: 'associated' } },
      ],
      propagatingVgwSet: [],
      tagSet: [{ key: 'Name', value: `${name}-private` }],
    });
    this.world.ec2.routeTables.push({
      routeTableId: `rtb-${this.hex(17)}`,
      vpcId,
      ownerId: this.world.accountId,
      routeSet: [
        { destinationCidrBlock: cidr, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' },
        { destinationCidrBlock: '0.0.0.0/0', gatewayId: `igw-${this.hex(17)}`, state: 'active', origin: 'CreateRoute' },
      ],
      associationSet: [],
      propagatingVgwSet: [],
      tagSet: [{ key: 'Name', value: `${name}-public` }],
    });
    return vpcId;
  }

  subnet(vpcId: string, az: string, cidr: string, name: string, isPublic: boolean): string {
    const subnetId = `subnet-${this.hex(17)}`;
    const azIndex = az.charCodeAt(az.length - 1) - 96;
    this.world.ec2.subnets.push({
      subnetId,
      state: 'available',
      vpcId,
      cidrBlock: cidr,
      availabilityZone: az,
      availabilityZoneId: `use1-az${azIndex}`,
      defaultForAz: false,
      mapPublicIpOnLaunch: isPublic,
      tagSet: [{ key: 'Name', value: name }],
    });
    if (isPublic) {
      const table = this.world.ec2.routeTables.find(
        (t) => t['vpcId'] === vpcId && t['associationSet'] instanceof Array && !(t['associationSet'] as JsonObject[]).some((a) => a['main'] === true),
      );
      const assoc = table?.['associationSet'];
      if (Array.isArray(assoc))
        assoc.push({
          routeTableAssociationId: `rtbassoc-${this.hex(17)}`,
          routeTableId: str(table ?? {}, 'routeTableId'),
          subnetId,
          main: false,
          associationState: { state: 'associated' },
        });
    }
    return subnetId;
  }

  /** The next free private IP in a subnet (the CIDR's fourth octet counts up from .10). */
  ip(subnetId: string): string {
    const subnet = this.world.ec2.subnets.find((s) => s['subnetId'] === subnetId);
    const cidr = String(subnet?.['cidrBlock'] ?? '10.0.0.0/24');
    const [a, b, c] = cidr.split('/')[0]?.split('.') ?? ['10', '0', '0'];
    const n = (this.ipCounter.get(subnetId) ?? 9) + 1;
    this.ipCounter.set(subnetId, n);
    const third = Number(c) + Math.floor(n / 250);
    return `${a}.${b}.${third}.${(n % 250) + 1}`;
  }

  /**
   * The next free dynamic host port on a container instance, as Docker hands them out from the ephemeral range
   * (32768 up on the ECS-optimized AMI): two tasks on one instance never share a host port.
   */
  dynamicHostPort(containerInstanceArn: string): number {
    const port = this.hostPorts.get(containerInstanceArn) ?? 32768;
    this.hostPorts.set(containerInstanceArn, port + 1);
    return port;
  }

  subnetAz(subnetId: string): string {
    const subnet = this.world.ec2.subnets.find((s) => s['subnetId'] === subnetId);
    return String(subnet?.['availabilityZone'] ?? `${this.world.region}a`);
  }

  private subnetVpc(subnetId: string): string {
    const subnet = this.world.ec2.subnets.find((s) => s['subnetId'] === subnetId);
    return String(subnet?.['vpcId'] ?? '');
  }

  cluster(name: string, capacityProviders: string[] = [], strategy: { capacityProvider: string; weight: number; base?: number }[] = []): string {
    const clusterArn = `${this.arnPrefix('ecs')}:cluster/${name}`;
    this.world.ecs.clusters.push({
      clusterArn,
      clusterName: name,
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      capacityProviders,
      defaultCapacityProviderStrategy: strategy,
      settings: [{ name: 'containerInsights', value: 'enabled' }],
    });
    return clusterArn;
  }

  skipRevisions(family: string, count: number): void {
    this.revisions.set(family, (this.revisions.get(family) ?? 0) + count);
  }

  taskDefinition(family: string, containers: ContainerSpec[], networkMode = 'awsvpc', compat: string[] = ['FARGATE']): string {
    const revision = (this.revisions.get(family) ?? 0) + 1;
    this.revisions.set(family, revision);
    const arn = `${this.arnPrefix('ecs')}:task-definition/${family}:${revision}`;
    const role = `arn:aws:iam::${this.world.accountId}:role`;
    this.world.ecs.taskDefinitions.push({
      taskDefinitionArn: arn,
      family,
      revision,
      status: 'ACTIVE',
      networkMode,
      cpu: '512',
      memory: '1024',
      requiresCompatibilities: compat,
      compatibilities: ['EC2', 'FARGATE'],
      taskRoleArn: `${role}/${family}-task`,
      executionRoleArn: `${role}/ecsTaskExecutionRole`,
      registeredAt: this.epoch - 86400 * (10 - Math.min(revision, 9)),
      // DescribeTaskDefinition echoes these defaults even when the registration left them out.
      volumes: [],
      placementConstraints: [],
      containerDefinitions: containers.map((c) => ({
        name: c.name,
        image: c.image,
        cpu: c.cpu ?? 256,
        memory: c.memory ?? 512,
        essential: true,
        portMappings: c.port === undefined ? [] : [{ containerPort: c.port, hostPort: networkMode === 'awsvpc' ? c.port : 0, protocol: 'tcp', name: 'http' }],
        environment: Object.entries(c.environment ?? {}).map(([name, value]) => ({ name, value })),
        secrets: Object.entries(c.secrets ?? {}).map(([name, valueFrom]) => ({ name, valueFrom })),
        mountPoints: [],
        volumesFrom: [],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': this.world.region, 'awslogs-stream-prefix': c.name },
        },
        ...(c.healthCheckCommand ? { healthCheck: { command: c.healthCheckCommand, interval: 30, timeout: 5, retries: 3, startPeriod: 10 } } : {}),
      })),
    });
    return arn;
  }

  /** An EC2 instance in a subnet, with its tags; spot instances say so in instanceLifecycle, as EC2 does. */
  ec2Instance(subnetId: string, instanceType: string, tags: Record<string, string>, spot = false): { instanceId: string; privateIp: string; az: string } {
    const instanceId = `i-${this.hex(17)}`;
    const az = this.subnetAz(subnetId);
    const privateIp = this.ip(subnetId);
    this.world.ec2.instances.push({
      instanceId,
      imageId: `ami-${this.hex(17)}`,
      instanceState: { code: 16, name: 'running' },
      privateDnsName: `ip-${privateIp.replaceAll('.', '-')}.ec2.internal`,
      instanceType,
      launchTime: this.iso(3 * 86400),
      placement: { availabilityZone: az, tenancy: 'default' },
      subnetId,
      vpcId: this.subnetVpc(subnetId),
      privateIpAddress: privateIp,
      ...(spot ? { instanceLifecycle: 'spot' } : {}),
      tagSet: Object.entries(tags).map(([key, value]) => ({ key, value })),
    });
    return { instanceId, privateIp, az };
  }

  containerInstance(clusterArn: string, subnetId: string, instanceType: string): string {
    const clusterName = clusterArn.split('/').pop() ?? '';
    const { instanceId, az } = this.ec2Instance(subnetId, instanceType, { 'aws:autoscaling:groupName': `${clusterName}-asg` });
    const arn = `${this.arnPrefix('ecs')}:container-instance/${clusterName}/${this.hex(32)}`;
    const cpu = instanceType.includes('xlarge') ? 4096 : 2048;
    const memory = instanceType.includes('xlarge') ? 15576 : 7680;
    this.world.ecs.containerInstances.push({
      clusterArn,
      body: {
        containerInstanceArn: arn,
        ec2InstanceId: instanceId,
        status: 'ACTIVE',
        agentConnected: true,
        runningTasksCount: 0,
        pendingTasksCount: 0,
        registeredResources: hostResources(cpu, memory),
        remainingResources: hostResources(cpu, memory),
        attributes: [
          { name: 'ecs.availability-zone', value: az },
          { name: 'ecs.instance-type', value: instanceType },
        ],
      },
    });
    const cluster = this.world.ecs.clusters.find((c) => c['clusterArn'] === clusterArn);
    if (cluster) cluster['registeredContainerInstancesCount'] = Number(cluster['registeredContainerInstancesCount']) + 1;
    return arn;
  }

  /** An instant `secondsAgo` before the world's now, as the ISO 8601 string EC2, ELBv2 and Kubernetes write. */
  iso(secondsAgo: number): string {
    return new Date((this.epoch - secondsAgo) * 1000).toISOString();
  }

  worldRef(): World {
    return this.world;
  }

  build(): World {
    return structuredClone(this.world);
  }
}
