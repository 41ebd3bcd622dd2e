import { describe, expect, it } from 'vitest';
import { Resource, Topology, type ResourceKind } from '../model';
import {
  cluster,
  containerInstance,
  eksCluster,
  eksNode,
  ingress,
  kubeService,
  loadBalancer,
  pod,
  service,
  subnet,
  targetGroup,
  task,
  taskDefinition,
  topologyOf,
  vpc,
  workload,
} from './testTopology';

/** One of each factory, with the optional fields a test most often sets. */
const made: Resource[] = [
  cluster('shop', { activeServices: 1, runningTasks: 1 }),
  service('shop', 'web', { loadBalancers: [{ targetGroupArn: targetGroup('web', 'ip', []).id, containerName: 'web', containerPort: 80 }] }),
  task('shop', 'web', { subnetId: 'subnet-a', az: 'us-east-1a' }),
  task('shop', undefined),
  containerInstance('shop', 'i-0aaa', { subnetId: 'subnet-a' }),
  targetGroup('web', 'ip', [{ id: '10.0.0.5', port: 80, state: 'healthy' }]),
  targetGroup('unread', 'instance', undefined),
  taskDefinition('web', 'awsvpc', [{ containerPort: 80 }]),
  vpc('vpc-1', '10.0.0.0/16', 'main'),
  subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', true, { name: 'public-a' }),
  loadBalancer('shop-alb', ['us-east-1a'], [targetGroup('web', 'ip', []).id]),
  eksCluster('orders-eks'),
  eksNode('orders-eks', 'i-0bbb', { subnetId: 'subnet-a' }),
  workload('orders-eks', 'orders', 'api'),
  workload('orders-eks', 'kube-system', 'aws-node', { workloadKind: 'DaemonSet' }),
  pod('orders-eks', 'orders', 'api-1', { podIp: '10.0.0.9', phase: 'Pending' }),
  kubeService('orders-eks', 'orders', 'api', { targetGroupArns: [], workloadIds: [] }),
  ingress('orders-eks', 'orders', 'api', { loadBalancerArn: loadBalancer('k8s', [], []).id }),
];

describe('the test topology factories', () => {
  it('make resources the model accepts as they are (no field missing, none it would drop)', () => {
    for (const r of made) expect(Resource.parse(r)).toEqual(r);
  });

  it('cover every resource kind the graph joins', () => {
    const kinds = new Set<ResourceKind>(made.map((r) => r.kind));
    const joined: ResourceKind[] = [
      'loadBalancer',
      'targetGroup',
      'service',
      'task',
      'containerInstance',
      'subnet',
      'pod',
      'eksNode',
      'workload',
      'kubeService',
      'ingress',
      'eksCluster',
    ];
    expect(joined.filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('name Kubernetes objects `<cluster ARN>/<kind>/<namespace>/<name>`, a workload by its kind', () => {
    expect(pod('orders-eks', 'orders', 'api-1').id).toBe('arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/pod/orders/api-1');
    expect(workload('orders-eks', 'kube-system', 'aws-node', { workloadKind: 'DaemonSet' }).id).toBe(
      'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks/daemonset/kube-system/aws-node',
    );
    expect(pod('orders-eks', 'orders', 'done', { phase: 'Succeeded' })).toMatchObject({ status: 'Succeeded', ready: false });
  });

  it('give each task its own id and build a topology the model accepts', () => {
    expect(task('shop', 'web').id).not.toBe(task('shop', 'web').id);
    const topology = topologyOf(made);
    expect(Topology.parse(topology)).toEqual(topology);
  });
});
