import type { ContainerInstance, Task } from '@aws-sdk/client-ecs';
import type { Instance, RouteState, RouteTable, Subnet } from '@aws-sdk/client-ec2';
import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../src/topology/model';
import { rawEstate, sdkOutput } from './__fixtures__/responses';
import { publicSubnets, toTopology } from './toTopology';

const source = { kind: 'aws', label: 'test', fetchedAt: Date.UTC(2026, 10, 20) } as const;

const awsvpcTask = () => {
  const [task] = sdkOutput<{ tasks: Task[] }>('ecs/DescribeTasks/awscli-fargate-awsvpc').tasks;
  if (!task) throw new Error('fixture has no task');
  return task;
};

const subnetB: Subnet = { SubnetId: 'subnet-0d0eab1bb38d5ca64', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.1.0/24' };

describe('toTopology: where a task runs', () => {
  it('keeps DescribeTasks availabilityZone when AWS gives it', () => {
    const t = toTopology(rawEstate({ tasks: [awsvpcTask()], subnets: [{ ...subnetB, AvailabilityZone: 'us-east-1c' }] }), source);
    expect(resourcesOf(t, 'task')[0]?.az).toBe('us-east-1b');
  });

  it('takes the AZ of the task ENI’s subnet when availabilityZone is left out', () => {
    const task = awsvpcTask();
    delete task.availabilityZone;
    const t = toTopology(rawEstate({ tasks: [task], subnets: [subnetB] }), source);
    expect(resourcesOf(t, 'task')[0]).toMatchObject({ az: 'us-east-1b', subnetId: 'subnet-0d0eab1bb38d5ca64', privateIp: '10.0.1.170' });
  });

  it('takes the container instance’s AZ for an EC2-launch task without availabilityZone or ENI', () => {
    // The botocore DescribeTasks example has neither availabilityZone nor attachments, as some endpoints answer.
    const [task] = sdkOutput<{ tasks: Task[] }>('ecs/DescribeTasks/botocore-example-ec2-launch').tasks;
    const [ci] = sdkOutput<{ containerInstances: ContainerInstance[] }>('ecs/DescribeContainerInstances/botocore-example').containerInstances;
    if (!task || !ci) throw new Error('fixture is empty');
    const host: ContainerInstance = { ...ci, containerInstanceArn: task.containerInstanceArn };
    const instance: Instance = { InstanceId: ci.ec2InstanceId, Placement: { AvailabilityZone: 'us-east-1c' }, PrivateIpAddress: '10.0.2.20' };
    const t = toTopology(
      rawEstate({ tasks: [task], containerInstances: [{ clusterArn: task.clusterArn ?? '', instance: host }], instances: [instance] }),
      source,
    );
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
    const t = toTopology(rawEstate({ eksClusters: [cluster], eksInstances: [managed] }), source);
    expect(resourcesOf(t, 'eksNode')[0]).toMatchObject({ clusterArn: cluster.arn, nodeGroupName: 'general' });
  });

  it('finds a self-managed node’s cluster from its kubernetes.io/cluster/<name> tag', () => {
    const t = toTopology(rawEstate({ eksClusters: [cluster], eksInstances: [node({ 'kubernetes.io/cluster/orders-eks': 'owned' })] }), source);
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
    defaultRoute: { GatewayId?: string; NatGatewayId?: string; State?: RouteState } | undefined,
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

  it('calls a subnet private when its 0.0.0.0/0 route to an internet gateway is a blackhole (the gateway was detached)', () => {
    const tables = [
      table('rtb-0dead', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718', State: 'blackhole' }, [{ SubnetId: 'subnet-detached' }]),
      table('rtb-0live', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-live' }]),
    ];
    expect([...publicSubnets([subnet('subnet-detached'), subnet('subnet-live')], tables)]).toEqual(['subnet-live']);
  });

  it('calls an IPv6-only subnet public when ::/0 goes to an internet gateway, never when it goes to an egress-only one', () => {
    // DescribeRouteTables: an IPv6 route names DestinationIpv6CidrBlock and no DestinationCidrBlock.
    const v6 = (
      id: string,
      subnetId: string,
      target: { GatewayId?: string; EgressOnlyInternetGatewayId?: string },
      state: RouteState = 'active',
    ): RouteTable => ({
      ...table(id, 'vpc-1', undefined, [{ SubnetId: subnetId }]),
      Routes: [local, { DestinationIpv6CidrBlock: '::/0', Origin: 'CreateRoute', State: state, ...target }],
    });
    const tables = [
      v6('rtb-0v6p', 'subnet-v6-public', { GatewayId: 'igw-0c1a2b3d4e5f60718' }),
      v6('rtb-0v6e', 'subnet-v6-egress', { EgressOnlyInternetGatewayId: 'eigw-0a1b2c3d4e5f60718' }),
      v6('rtb-0v6b', 'subnet-v6-blackhole', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, 'blackhole'),
    ];
    const ids = ['subnet-v6-public', 'subnet-v6-egress', 'subnet-v6-blackhole'];
    expect([
      ...publicSubnets(
        ids.map((id) => subnet(id)),
        tables,
      ),
    ]).toEqual(['subnet-v6-public']);
  });

  it('calls nothing public without route tables, and toTopology marks each subnet as found', () => {
    expect(publicSubnets([subnet('subnet-a')], []).size).toBe(0);
    const t = toTopology(
      rawEstate({
        subnets: [subnet('subnet-pub'), subnet('subnet-priv')],
        routeTables: [table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }])],
      }),
      source,
    );
    expect(resourcesOf(t, 'subnet').map((s) => `${s.id} ${s.public}`)).toEqual(['subnet-priv false', 'subnet-pub true']);
  });
});
