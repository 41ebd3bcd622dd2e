import type { ContainerInstance, Task } from '@aws-sdk/client-ecs';
import type { Instance, Subnet } from '@aws-sdk/client-ec2';
import type { Cluster as EksCluster, Nodegroup } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../src/topology/model';
import { rawEstate, sdkOutput } from './__fixtures__/responses';
import { toTopology } from './toTopology';

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

describe('toTopology: EKS node groups', () => {
  it('keeps DescribeNodegroup version and releaseVersion', () => {
    // From the AWS CLI's describe-nodegroup example output.
    const group: Nodegroup = {
      nodegroupName: 'my-eks-nodegroup',
      nodegroupArn: 'arn:aws:eks:us-east-2:111122223333:nodegroup/my-eks-cluster/my-eks-nodegroup/a8c75f2f-df78-a72f-4063-4b69af3de5b1',
      clusterName: 'my-eks-cluster',
      version: '1.26',
      releaseVersion: '1.26.12-20240329',
      status: 'ACTIVE',
      capacityType: 'ON_DEMAND',
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 1 },
      instanceTypes: ['t3.medium'],
      subnets: ['subnet-0e2907431c9988b72', 'subnet-04ad87f71c6e5ab4d', 'subnet-09d912bb63ef21b9a'],
      amiType: 'AL2_x86_64',
      resources: { autoScalingGroups: [{ name: 'eks-my-eks-nodegroup-a8c75f2f-df78-a72f-4063-4b69af3de5b1' }] },
      health: { issues: [] },
    };
    const custom = { ...group, nodegroupName: 'custom-ami', nodegroupArn: `${group.nodegroupArn ?? ''}-custom`, version: undefined, releaseVersion: undefined };
    const t = toTopology(rawEstate({ nodegroups: [group, custom] }), source);
    expect(resourcesOf(t, 'nodeGroup').map((g) => [g.name, g.version, g.releaseVersion])).toEqual([
      ['my-eks-nodegroup', '1.26', '1.26.12-20240329'],
      ['custom-ami', undefined, undefined],
    ]);
  });
});
