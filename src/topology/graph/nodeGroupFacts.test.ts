import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { nodeGroupFacts, nodeGroupOf, nodeGroupsOf } from './nodeGroupFacts';
import { eksArn, eksCluster, eksNode, pod, subnet, topologyOf } from './testTopology';

const arnOf = (cluster: string, name: string) => `${eksArn(cluster).replace(':cluster/', ':nodegroup/')}/${name}/6ec9b1a2-1c3d-4e5f-8a9b-0c1d2e3f4a5b`;

function group(cluster: string, name: string, extra: Partial<ResourceOf<'nodeGroup'>> = {}): ResourceOf<'nodeGroup'> {
  return {
    kind: 'nodeGroup',
    id: arnOf(cluster, name),
    clusterArn: eksArn(cluster),
    name,
    status: 'ACTIVE',
    capacityType: 'SPOT',
    instanceTypes: ['m6i.large', 'm5.large'],
    subnetIds: ['subnet-0qa', 'subnet-0qz'],
    scaling: { min: 1, max: 4, desired: 2 },
    healthIssues: [],
    autoScalingGroups: ['eks-general-6ec9b1a2'],
    ...extra,
  };
}

const kube = (ready: boolean, kubeletVersion: string) => ({ ready, kubeletVersion, capacity: {}, allocatable: { pods: '29' }, pods: 0 });

describe('what a node group panel shows', () => {
  const degraded = group('orders', 'general', {
    status: 'DEGRADED',
    scaling: { min: 1, max: 4, desired: 3 },
    healthIssues: ['AsgInstanceLaunchFailures: Could not launch Spot Instances. UnfulfillableCapacity'],
  });
  const topology = topologyOf([
    eksCluster('orders', { version: '1.31' }),
    degraded,
    subnet('subnet-0qa', 'us-east-1a', '10.0.10.0/24', false, { name: 'private-a' }),
    eksNode('orders', 'i-0aaa00000000000a1', { nodeGroupArn: degraded.id, nodeGroupName: 'general', kube: kube(true, 'v1.31.2-eks-7f9249a') }),
    // Joined by its eks:nodegroup-name tag when its group's ARN was not.
    eksNode('orders', 'i-0aaa00000000000a2', { nodeGroupName: 'general', kube: kube(false, 'v1.30.5-eks-ce1d5eb') }),
    // Node group names are unique per cluster only: another cluster's "general" is not this one.
    eksNode('billing', 'i-0bbb00000000000b1', { nodeGroupName: 'general' }),
    pod('orders', 'orders', 'orders-api-7c9f-x1', { instanceId: 'i-0aaa00000000000a1' }),
    pod('orders', 'orders', 'orders-api-7c9f-x2', { instanceId: 'i-0aaa00000000000a1' }),
  ]);

  it('finds its nodes by ARN or, in the same cluster, by name, with readiness, pods and kubelet versions', () => {
    const facts = nodeGroupFacts(topology, degraded);
    expect(facts.nodes.map((n) => [n.node.id, n.readiness, n.pods])).toEqual([
      ['i-0aaa00000000000a1', 'Ready', 2],
      ['i-0aaa00000000000a2', 'NotReady', 0],
    ]);
    expect([facts.running, facts.ready]).toEqual([2, 1]);
    expect(facts.kubeletVersions).toEqual(['v1.30.5-eks-ce1d5eb', 'v1.31.2-eks-7f9249a']);
    expect(facts.cluster?.version).toBe('1.31');
    expect(facts.subnets.map((s) => [s.id, s.subnet?.az])).toEqual([
      ['subnet-0qa', 'us-east-1a'],
      ['subnet-0qz', undefined],
    ]);
  });

  it('puts its problems first: status, EKS health issues, fewer nodes than desired, nodes not Ready', () => {
    expect(nodeGroupFacts(topology, degraded).problems).toEqual([
      'status DEGRADED',
      'AsgInstanceLaunchFailures: Could not launch Spot Instances. UnfulfillableCapacity',
      '2 of 3 desired nodes running',
      '1 node not Ready',
    ]);
  });

  it('has no problem to show for an active group with its desired nodes Ready, and says when readiness was not read', () => {
    const healthy = group('billing', 'general', { scaling: { min: 1, max: 2, desired: 1 } });
    const facts = nodeGroupFacts(topologyOf([healthy, eksNode('billing', 'i-0bbb00000000000b1', { nodeGroupName: 'general' })]), healthy);
    expect(facts.problems).toEqual([]);
    expect(facts.nodes.map((n) => n.readiness)).toEqual(['not read']);
    expect(facts.cluster).toBeUndefined();
  });
});

describe('versions', () => {
  it('gives the control plane’s, the node group’s (DescribeNodegroup version and AMI release) and its kubelets’', () => {
    const behind = group('orders', 'general', { version: '1.30', releaseVersion: '1.30.8-20250116' });
    const topology = topologyOf([
      eksCluster('orders', { version: '1.31' }),
      behind,
      eksNode('orders', 'i-0aaa00000000000a1', { nodeGroupArn: behind.id, kube: kube(true, 'v1.30.8-eks-3025e55') }),
    ]);
    expect(nodeGroupFacts(topology, behind).versions).toBe('control plane 1.31 · node group 1.30 (AMI release 1.30.8-20250116) · kubelet v1.30.8-eks-3025e55');
    const unread = group('billing', 'general');
    expect(nodeGroupFacts(topologyOf([unread]), unread).versions).toBe('control plane not read · node group not known · kubelet not read');
  });
});

describe('the node group a node belongs to, and a cluster’s node groups', () => {
  const general = group('orders', 'general');
  const spot = group('orders', 'spot');
  const billing = group('billing', 'general');
  const byArn = eksNode('orders', 'i-0aaa00000000000a1', { nodeGroupArn: spot.id, nodeGroupName: 'spot' });
  const byName = eksNode('orders', 'i-0aaa00000000000a2', { nodeGroupName: 'general' });
  const selfManaged = eksNode('orders', 'i-0aaa00000000000a3');
  const topology = topologyOf([eksCluster('orders'), eksCluster('billing'), general, spot, billing, byArn, byName, selfManaged]);

  it('finds a node’s group by ARN, else by name in its own cluster, and none for a self-managed node', () => {
    expect(nodeGroupOf(topology, byArn)?.id).toBe(spot.id);
    expect(nodeGroupOf(topology, byName)?.id).toBe(general.id);
    expect(nodeGroupOf(topology, selfManaged)).toBeUndefined();
  });

  it('lists a cluster’s node groups by name, with their nodes counted', () => {
    const orders = topology.resources[eksArn('orders')];
    if (orders?.kind !== 'eksCluster') throw new Error('no cluster');
    expect(nodeGroupsOf(topology, orders).map((f) => [f.group.name, f.nodes.length])).toEqual([
      ['general', 1],
      ['spot', 1],
    ]);
  });
});
