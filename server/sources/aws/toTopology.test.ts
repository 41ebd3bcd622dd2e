import { readFileSync } from 'node:fs';
import type { ContainerInstance, Task } from '@aws-sdk/client-ecs';
import type { Instance, RouteTable, Subnet } from '@aws-sdk/client-ec2';
import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../src/topology/model';
import type { RawEstate } from './raw';
import { publicSubnets, toTopology } from './toTopology';

/** A wire body as the SDK hands it over: epoch-second timestamps (every `…At` member) become Dates. */
function sdkBody<T>(file: string): T {
  const text = readFileSync(new URL(`./__fixtures__/ecs/${file}`, import.meta.url), 'utf8');
  return JSON.parse(text, (key, value: unknown) => (typeof value === 'number' && key.endsWith('At') ? new Date(value * 1000) : value)) as T;
}

function estate(part: Partial<RawEstate>): RawEstate {
  return {
    region: 'us-east-1',
    clusters: [],
    services: [],
    tasks: [],
    containerInstances: [],
    taskDefinitions: [],
    instances: [],
    subnets: [],
    vpcs: [],
    routeTables: [],
    loadBalancers: [],
    listeners: [],
    rules: [],
    targetGroups: [],
    targetHealth: {},
    eksClusters: [],
    nodegroups: [],
    fargateProfiles: [],
    eksInstances: [],
    kube: [],
    errors: [],
    calls: {},
    retries: 0,
    durationMs: 0,
    ...part,
  };
}

const source = { kind: 'aws', label: 'test', fetchedAt: '2026-11-20T00:00:00.000Z' } as const;

const awsvpcTask = () => {
  const [task] = sdkBody<{ tasks: Task[] }>('ecs-DescribeTasks.awscli-fargate-awsvpc.json').tasks;
  if (!task) throw new Error('fixture has no task');
  return task;
};

const subnetB: Subnet = { SubnetId: 'subnet-0d0eab1bb38d5ca64', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.1.0/24' };

describe('toTopology: where a task runs', () => {
  it('keeps DescribeTasks availabilityZone when AWS gives it', () => {
    const t = toTopology(estate({ tasks: [awsvpcTask()], subnets: [{ ...subnetB, AvailabilityZone: 'us-east-1c' }] }), source);
    expect(resourcesOf(t, 'task')[0]?.az).toBe('us-east-1b');
  });

  it('takes the AZ of the task ENI’s subnet when availabilityZone is left out', () => {
    const task = awsvpcTask();
    delete task.availabilityZone;
    const t = toTopology(estate({ tasks: [task], subnets: [subnetB] }), source);
    expect(resourcesOf(t, 'task')[0]).toMatchObject({ az: 'us-east-1b', subnetId: 'subnet-0d0eab1bb38d5ca64', privateIp: '10.0.1.170' });
  });

  it('takes the container instance’s AZ for an EC2-launch task without availabilityZone or ENI', () => {
    // The botocore DescribeTasks example has neither availabilityZone nor attachments, as some endpoints answer.
    const [task] = sdkBody<{ tasks: Task[] }>('ecs-DescribeTasks.botocore-example-ec2-launch.json').tasks;
    const [ci] = sdkBody<{ containerInstances: ContainerInstance[] }>('ecs-DescribeContainerInstances.botocore-example.json').containerInstances;
    if (!task || !ci) throw new Error('fixture is empty');
    const host: ContainerInstance = { ...ci, containerInstanceArn: task.containerInstanceArn };
    const instance: Instance = { InstanceId: ci.ec2InstanceId, Placement: { AvailabilityZone: 'us-east-1c' }, PrivateIpAddress: '10.0.2.20' };
    const t = toTopology(estate({ tasks: [task], containerInstances: [{ clusterArn: task.clusterArn ?? '', instance: host }], instances: [instance] }), source);
    expect(resourcesOf(t, 'task')[0]).toMatchObject({ az: 'us-east-1c', privateIp: '10.0.2.20' });
  });
});

describe('toTopology: EKS worker nodes', () => {
  const cluster: EksCluster = { name: 'orders-eks', arn: 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks', status: 'ACTIVE' };
  const node = (tags: Record<string, string>): Instance => ({
    InstanceId: 'i-0aaaabbbbccccdddd',
    PrivateDnsName: 'ip-10-0-10-11.ec2.internal',
    InstanceType: 'm6i.large',
    Placement: { AvailabilityZone: 'us-east-1a' },
    SubnetId: 'subnet-a',
    State: { Name: 'running', Code: 16 },
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  });

  it('names a managed node’s group from its eks:nodegroup-name tag when DescribeNodegroup was not read', () => {
    const managed = node({ 'eks:cluster-name': 'orders-eks', 'eks:nodegroup-name': 'general', 'aws:autoscaling:groupName': 'eks-general-1a2b' });
    const t = toTopology(estate({ eksClusters: [cluster], eksInstances: [managed] }), source);
    expect(resourcesOf(t, 'eksNode')[0]).toMatchObject({ clusterArn: cluster.arn, nodeGroupName: 'general' });
  });

  it('finds a self-managed node’s cluster from its kubernetes.io/cluster/<name> tag', () => {
    const t = toTopology(estate({ eksClusters: [cluster], eksInstances: [node({ 'kubernetes.io/cluster/orders-eks': 'owned' })] }), source);
    const [n] = resourcesOf(t, 'eksNode');
    expect(n?.clusterArn).toBe(cluster.arn);
    expect(n?.nodeGroupName).toBeUndefined();
  });
});

describe('toTopology: public and private subnets', () => {
  // DescribeRouteTables as the SDK hands it over: the VPC's own route to its CIDR, a default route, associations.
  const local = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' } as const;
  const table = (
    id: string,
    vpc: string,
    defaultRoute: { GatewayId?: string; NatGatewayId?: string } | undefined,
    associations: { SubnetId?: string; Main?: boolean }[],
  ): RouteTable => ({
    RouteTableId: id,
    VpcId: vpc,
    OwnerId: '123456789012',
    Routes: [local, ...(defaultRoute ? [{ DestinationCidrBlock: '0.0.0.0/0', Origin: 'CreateRoute', State: 'active', ...defaultRoute } as const] : [])],
    Associations: associations.map((a, i) => ({
      RouteTableAssociationId: `rtbassoc-0${i}${id.slice(-4)}`,
      RouteTableId: id,
      Main: a.Main ?? false,
      ...(a.SubnetId ? { SubnetId: a.SubnetId } : {}),
    })),
  });
  const subnet = (id: string, vpc = 'vpc-1'): Subnet => ({ ...subnetB, SubnetId: id, VpcId: vpc });

  it('calls a subnet public when its own route table sends 0.0.0.0/0 to an internet gateway, private when to a NAT gateway', () => {
    const tables = [
      table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }]),
      table('rtb-0nat1', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-nat' }]),
      table('rtb-0iso1', 'vpc-1', undefined, [{ SubnetId: 'subnet-isolated' }]),
      table('rtb-0vgw1', 'vpc-1', { GatewayId: 'vgw-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-vpn' }]),
    ];
    const ids = ['subnet-pub', 'subnet-nat', 'subnet-isolated', 'subnet-vpn'];
    expect([
      ...publicSubnets(
        ids.map((id) => subnet(id)),
        tables,
      ),
    ]).toEqual(['subnet-pub']);
  });

  it('takes the VPC’s main table for a subnet with no table of its own, and a subnet’s own table over the main one', () => {
    const tables = [
      table('rtb-0main', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ Main: true }]),
      table('rtb-0priv', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-own' }]),
      table('rtb-0othr', 'vpc-2', undefined, [{ Main: true }]),
    ];
    const found = publicSubnets([subnet('subnet-implicit'), subnet('subnet-own'), subnet('subnet-elsewhere', 'vpc-2')], tables);
    expect([...found]).toEqual(['subnet-implicit']);
  });

  it('calls nothing public without route tables, and toTopology marks each subnet as found', () => {
    expect(publicSubnets([subnet('subnet-a')], []).size).toBe(0);
    const t = toTopology(
      estate({
        subnets: [subnet('subnet-pub'), subnet('subnet-priv')],
        routeTables: [table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }])],
      }),
      source,
    );
    expect(resourcesOf(t, 'subnet').map((s) => `${s.id} ${s.public}`)).toEqual(['subnet-priv false', 'subnet-pub true']);
  });
});
