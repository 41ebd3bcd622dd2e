import { describe, expect, it } from 'vitest';
import type { Resource } from '../model';
import type { Layer } from './collapse';
import { filterTopology } from './filter';
import { groupNetwork, groupServices } from './group';
import { cluster, containerInstance, eksCluster, eksNode, pod, service, subnet, task, topologyOf, vpc, workload } from './testTopology';

/** One line per layer: a container node and its parent, or a run of units with its box. */
const digest = (layers: readonly Layer[]) =>
  layers.map((l) => (l.kind === 'node' ? `${l.node.kind} ${l.node.id} in ${l.node.parent ?? '-'}` : `${l.units.length} units in ${l.parent} (${l.box.kind})`));

const group = (view: 'network' | 'service', resources: Resource[]) => {
  const sel = filterTopology(topologyOf(resources), { view, expanded: new Set() });
  return view === 'network' ? groupNetwork(sel) : groupServices(sel);
};

describe('groupNetwork', () => {
  const host = containerInstance('shop', 'i-0aaa', { subnetId: 'subnet-a' });
  const node = eksNode('orders-eks', 'i-0bbb', { subnetId: 'subnet-b', az: 'us-east-1b' });
  const network: Resource[] = [
    vpc('vpc-1', '10.0.0.0/16', 'main'),
    subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false),
    subnet('subnet-p', 'us-east-1a', '10.0.9.0/24', true),
    subnet('subnet-b', 'us-east-1b', '10.0.1.0/24', false),
    host,
    node,
    task('shop', 'web', { containerInstanceArn: host.id }),
    task('shop', 'web', { subnetId: 'subnet-a', az: 'us-east-1a' }),
    // Its subnet was not read: it still counts, in an "unknown subnet" box of its AZ.
    task('shop', 'web', { subnetId: 'subnet-gone', az: 'us-east-1c' }),
    pod('orders-eks', 'orders', 'api-1', { instanceId: node.id }),
  ];

  it('nests VPC → AZ → subnet (public first) → host → units, with an unknown-subnet box for what was not placed', () => {
    const { layers, azs } = group('network', network);
    expect(azs).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(digest(layers)).toEqual([
      'vpc vpc-1 in -',
      'az az:vpc-1:us-east-1a in vpc-1',
      'subnet subnet-p in az:vpc-1:us-east-1a',
      '0 units in subnet-p (subnet)',
      'subnet subnet-a in az:vpc-1:us-east-1a',
      `instance ${host.id} in subnet-a`,
      `1 units in ${host.id} (subnet)`,
      '1 units in subnet-a (subnet)',
      'az az:vpc-1:us-east-1b in vpc-1',
      'subnet subnet-b in az:vpc-1:us-east-1b',
      'node i-0bbb in subnet-b',
      '1 units in i-0bbb (subnet)',
      '0 units in subnet-b (subnet)',
      'az az:vpc-1:us-east-1c in vpc-1',
      'subnet subnet:unknown:us-east-1c in az:vpc-1:us-east-1c',
      '1 units in subnet:unknown:us-east-1c (subnet)',
    ]);
  });

  it('counts every unit of a subnet, in all its boxes, for folding; and tasks apart from pods', () => {
    const { layers } = group('network', network);
    const subnetA = layers.find((l) => l.kind === 'node' && l.node.id === 'subnet-a');
    expect(subnetA?.kind === 'node' && subnetA.node.kind === 'subnet' ? [subnetA.node.taskCount, subnetA.node.podCount] : undefined).toEqual([2, 0]);
    const boxes = layers.filter((l) => l.kind === 'units' && (l.parent === 'subnet-a' || l.parent === host.id));
    expect(boxes.map((l) => (l.kind === 'units' && l.box.kind === 'subnet' ? l.box.subnetTotal : -1))).toEqual([2, 2]);
  });

  it('holds what was read in a "VPC not readable" box without a VPC, and draws nothing for an empty region', () => {
    const { layers } = group('network', [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false), task('shop', 'web', { subnetId: 'subnet-a' })]);
    expect(digest(layers).slice(0, 2)).toEqual(['vpc vpc:unknown in -', 'az az:vpc:unknown:us-east-1a in vpc:unknown']);
    expect(group('network', [])).toEqual({ layers: [], azs: [] });
  });
});

describe('groupServices', () => {
  const web = service('shop', 'web');
  const api = workload('orders-eks', 'orders', 'api');
  const dns = workload('orders-eks', 'kube-system', 'coredns');
  const services: Resource[] = [
    cluster('shop', { activeServices: 1, runningTasks: 2 }),
    web,
    task('shop', 'web', { az: 'us-east-1b' }),
    task('shop', undefined, { az: 'us-east-1a' }),
    eksCluster('orders-eks'),
    api,
    dns,
    pod('orders-eks', 'orders', 'api-1', { workloadId: api.id, az: 'us-east-1a' }),
    pod('orders-eks', 'orders', 'debug'),
    pod('orders-eks', 'kube-system', 'coredns-1', { workloadId: dns.id }),
  ];

  it('nests ECS cluster → service → tasks and EKS cluster → namespace (system last) → workload → pods', () => {
    const { layers, azs } = group('service', services);
    const eks = eksCluster('orders-eks').id;
    const shop = cluster('shop', { activeServices: 0, runningTasks: 0 }).id;
    expect(azs).toEqual(['us-east-1a', 'us-east-1b']);
    expect(digest(layers)).toEqual([
      `cluster ${shop} in -`,
      `service ${web.id} in ${shop}`,
      `1 units in ${web.id} (service)`,
      `1 units in ${shop} (service)`,
      `cluster ${eks} in -`,
      `namespace ${eks}/namespace/orders in ${eks}`,
      `workload ${api.id} in ${eks}/namespace/orders`,
      `1 units in ${api.id} (service)`,
      `1 units in ${eks}/namespace/orders (service)`,
      `namespace ${eks}/namespace/kube-system in ${eks}`,
      `workload ${dns.id} in ${eks}/namespace/kube-system`,
      `1 units in ${dns.id} (system)`,
      `0 units in ${eks}/namespace/kube-system (service)`,
    ]);
  });

  it('groups a system workload’s pods under the workload, so they fold as one', () => {
    const { layers } = group('service', services);
    const system = layers.find((l) => l.kind === 'units' && l.box.kind === 'system');
    expect(system?.kind === 'units' ? system.units.map((u) => u.groupKey) : []).toEqual([dns.id]);
  });
});
