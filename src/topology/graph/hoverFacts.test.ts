import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { hoverFacts } from './hoverFacts';
import { eksArn, eksCluster, serviceArn, service, subnet, task, topologyOf, vpc } from './testTopology';

describe('a box’s tooltip', () => {
  const degraded: ResourceOf<'nodeGroup'> = {
    kind: 'nodeGroup',
    id: `${eksArn('orders').replace(':cluster/', ':nodegroup/')}/general/6ec9b1a2-1c3d-4e5f-8a9b-0c1d2e3f4a5b`,
    clusterArn: eksArn('orders'),
    name: 'general',
    status: 'DEGRADED',
    instanceTypes: ['m6i.large'],
    subnetIds: [],
    scaling: { min: 0, max: 2, desired: 0 },
    healthIssues: ['Ec2SubnetInvalidConfiguration: One or more Amazon EC2 Subnets does not automatically assign public IP addresses'],
    autoScalingGroups: [],
  };
  const topology = topologyOf([
    vpc('vpc-1', '10.0.0.0/16', 'shop'),
    { ...subnet('subnet-0qa', 'us-east-1a', '10.0.10.0/24', false, { name: 'private-a' }), availableIps: 249 },
    subnet('subnet-0pa', 'us-east-1a', '10.0.0.0/24', true, { name: 'public-a' }),
    { ...subnet('subnet-0da', 'us-east-1a', '10.0.20.0/24', false, { name: 'db-a' }), defaultRoute: { kind: 'none', blackhole: false } },
    service('shop', 'cart'),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.5' }),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.6' }),
    eksCluster('orders'),
    degraded,
  ]);

  it('gives a subnet’s place, block, exposure, free addresses and contents', () => {
    expect(hoverFacts(topology, 'subnet-0qa')).toBe(
      'Subnet private-a · us-east-1a · 10.0.10.0/24 · private · IPs: 249 free of 251 usable (2 seen in use) · 2 tasks, 0 pods',
    );
  });

  it('calls a subnet with no default route isolated', () => {
    expect(hoverFacts(topology, 'subnet-0da')).toBe(
      'Subnet db-a · us-east-1a · 10.0.20.0/24 · isolated · IPs: 0 seen in use of 251 usable (free count not read) · 0 tasks, 0 pods',
    );
  });

  it('gives the VPC’s block and subnets', () => {
    expect(hoverFacts(topology, 'vpc-1')).toBe(
      'VPC shop · 10.0.0.0/16 · 3 subnets (1 public, 1 private, 1 isolated) · IPs: 2 seen in use of 753 usable (free count not read)',
    );
  });

  it('gives a node group’s state and its problems', () => {
    expect(hoverFacts(topology, degraded.id)).toBe(
      'Node group general of orders · 0/0 Ready · status DEGRADED · Ec2SubnetInvalidConfiguration: One or more Amazon EC2 Subnets does not automatically assign public IP addresses',
    );
  });

  it('says ACTIVE for a node group without problems', () => {
    const active = { ...degraded, status: 'ACTIVE', healthIssues: [] };
    expect(hoverFacts(topologyOf([active]), active.id)).toBe('Node group general · 0/0 Ready · ACTIVE');
  });

  it('has nothing to add for other boxes', () => {
    expect(hoverFacts(topology, serviceArn('shop', 'cart'))).toBeUndefined();
    expect(hoverFacts(topology, 'subnet:unknown:us-east-1a')).toBeUndefined();
  });
});
