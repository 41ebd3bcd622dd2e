import { describe, expect, it } from 'vitest';
import type { Resource, ResourceKind, ResourceOf } from '../model';
import { fromByKey, join, joinOne, linkKey, namedBy, relations, type Relation } from './relations';
import {
  containerInstance,
  eksArn,
  eksNode,
  eksCluster,
  ingress,
  kubeService,
  lbArn,
  loadBalancer,
  pod,
  service,
  subnet,
  targetGroup,
  task,
  topologyOf,
} from './testTopology';

const nodeGroupOf = (cluster: string, name: string): ResourceOf<'nodeGroup'> => ({
  kind: 'nodeGroup',
  id: `arn:aws:eks:us-east-1:123456789012:nodegroup/${cluster}/${name}/0ac4e5d2`,
  clusterArn: eksArn(cluster),
  name,
  status: 'ACTIVE',
  instanceTypes: ['m6i.large'],
  subnetIds: [],
  scaling: { min: 1, max: 3, desired: 2 },
  healthIssues: [],
  autoScalingGroups: [],
});

const pairs = <F extends ResourceKind, T extends ResourceKind, V>(resources: Resource[], rel: Relation<F, T, V>) =>
  join(topologyOf(resources), rel).map((j) => `${j.from.id} -> ${j.key} ${j.to ? 'found' : 'not read'}`);

/** Four nodes per row: two that join, one that names something not read, one that names nothing. */
describe('the relations table', () => {
  it('load balancer → target group, through each listener rule', () => {
    const [a, b] = [targetGroup('a', 'ip', []), targetGroup('b', 'ip', [])];
    const lb = loadBalancer('web', ['us-east-1a'], [a.id, b.id, 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/1']);
    const joined = join(topologyOf([lb, a, b, loadBalancer('idle', ['us-east-1a'], [])]), relations.routes);
    expect(joined.map((j) => `${j.to?.name ?? j.key} ${j.via.rule.priority}`)).toEqual([
      'a default',
      'b 1',
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/1 2',
    ]);
  });

  it('ECS service → target group, through its load balancer binding', () => {
    const tg = targetGroup('api', 'ip', []);
    const bound = service('shop', 'api', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'api', containerPort: 80 }] });
    const classic = service('shop', 'old', { loadBalancers: [{ loadBalancerName: 'classic-elb' }] });
    expect(pairs([bound, classic, tg, service('shop', 'worker')], relations.serviceTargetGroups)).toEqual([`${bound.id} -> ${tg.id} found`]);
  });

  it('task → service, subnet and host; host → subnet', () => {
    const host = containerInstance('shop', 'i-0aaa', { subnetId: 'subnet-a' });
    const t = task('shop', 'web', { subnetId: 'subnet-a', containerInstanceArn: host.id });
    const standalone = task('shop', undefined, { subnetId: 'subnet-gone' });
    const resources = [host, t, standalone, subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false), service('shop', 'web')];
    expect(pairs(resources, relations.taskService)).toEqual([`${t.id} -> ${t.serviceArn ?? ''} found`]);
    expect(pairs(resources, relations.taskSubnet).sort()).toEqual([`${standalone.id} -> subnet-gone not read`, `${t.id} -> subnet-a found`].sort());
    expect(pairs(resources, relations.taskHost)).toEqual([`${t.id} -> ${host.id} found`]);
    expect(pairs(resources, relations.hostSubnet)).toEqual([`${host.id} -> subnet-a found`]);
  });

  it('pod → node, but not a Fargate pod; pod → workload', () => {
    const web1 = pod('orders-eks', 'orders', 'web-1', { instanceId: 'i-0aaa', workloadId: 'w-web' });
    const job = pod('orders-eks', 'orders', 'job', { instanceId: 'i-0bbb' });
    const resources = [eksNode('orders-eks', 'i-0aaa'), web1, pod('orders-eks', 'orders', 'web-2', { instanceId: 'i-0fff', fargate: true }), job];
    expect(pairs(resources, relations.podNode)).toEqual([`${job.id} -> i-0bbb not read`, `${web1.id} -> i-0aaa found`]);
    expect(pairs(resources, relations.podWorkload)).toEqual([`${web1.id} -> w-web not read`]);
  });

  it('pod → subnet; node group → cluster', () => {
    const placed = pod('orders-eks', 'orders', 'web-1', { subnetId: 'subnet-a' });
    const lost = pod('orders-eks', 'orders', 'web-2', { subnetId: 'subnet-gone' });
    const resources: Resource[] = [
      placed,
      lost,
      pod('orders-eks', 'orders', 'job'),
      subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false),
      eksCluster('orders-eks'),
    ];
    expect(pairs(resources, relations.podSubnet)).toEqual([`${placed.id} -> subnet-a found`, `${lost.id} -> subnet-gone not read`]);
    const group = nodeGroupOf('orders-eks', 'general');
    const stray = nodeGroupOf('gone-eks', 'spot');
    expect(pairs([...resources, group, stray], relations.nodeGroupCluster)).toEqual([
      `${stray.id} -> ${eksArn('gone-eks')} not read`,
      `${group.id} -> ${eksArn('orders-eks')} found`,
    ]);
  });

  it('worker node → subnet, cluster and node group', () => {
    const resources: Resource[] = [
      eksNode('orders-eks', 'i-0aaa', { subnetId: 'subnet-a', nodeGroupArn: 'ng-1' }),
      eksNode('orders-eks', 'i-0bbb'),
      subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false),
    ];
    expect(pairs(resources, relations.eksNodeSubnet)).toEqual(['i-0aaa -> subnet-a found']);
    expect(pairs(resources, relations.eksNodeCluster)).toEqual([`i-0aaa -> ${eksArn('orders-eks')} not read`, `i-0bbb -> ${eksArn('orders-eks')} not read`]);
    expect(pairs(resources, relations.eksNodeGroup)).toEqual(['i-0aaa -> ng-1 not read']);
  });

  it('target → live pod by IP (ip targets), worker node by instance id (instance targets)', () => {
    const ip = targetGroup('pods', 'ip', [
      { id: '10.0.1.5', port: 80, state: 'healthy' },
      { id: '10.0.1.6', port: 80, state: 'draining' },
    ]);
    const inst = targetGroup('nodes', 'instance', [{ id: 'i-0aaa', port: 30080, state: 'healthy' }]);
    const resources: Resource[] = [
      ip,
      inst,
      pod('orders-eks', 'orders', 'live', { podIp: '10.0.1.5' }),
      pod('orders-eks', 'orders', 'done', { podIp: '10.0.1.6', phase: 'Succeeded' }),
      eksNode('orders-eks', 'i-0aaa'),
    ];
    expect(pairs(resources, relations.targetPods)).toEqual([`${ip.id} -> 10.0.1.5 found`, `${ip.id} -> 10.0.1.6 not read`]);
    expect(pairs(resources, relations.targetNodes)).toEqual([`${inst.id} -> i-0aaa found`]);
  });

  it('Kubernetes Service → target group and workloads; Ingress → ALB', () => {
    const tg = targetGroup('orders', 'ip', []);
    const svc = kubeService('orders-eks', 'orders', 'web', { targetGroupArns: [tg.id], workloadIds: ['w-web'] });
    const ing = ingress('orders-eks', 'orders', 'web', { loadBalancerArn: lbArn('k8s-orders') });
    const lb = loadBalancer('k8s-orders', ['us-east-1a'], [tg.id]);
    const resources: Resource[] = [svc, ing, tg, lb];
    expect(pairs(resources, relations.kubeServiceTargetGroups)).toEqual([`${svc.id} -> ${tg.id} found`]);
    expect(pairs(resources, relations.kubeServiceWorkloads)).toEqual([`${svc.id} -> w-web not read`]);
    expect(pairs(resources, relations.ingressLoadBalancer)).toEqual([`${ing.id} -> ${lb.id} found`]);
  });

  it('writes each id join in words from its field', () => {
    expect(relations.taskSubnet.join).toBe('subnetId = subnet.id');
    expect(relations.kubeServiceWorkloads.join).toBe('workloadIds[] = workload.id');
    expect(relations.podNode.join).toBe('instanceId = eksNode.id, unless fargate');
  });

  it('finds who names a resource, each once, even one that was not read', () => {
    const gone = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/1';
    const twice = service('shop', 'api', {
      loadBalancers: [
        { targetGroupArn: gone, containerPort: 80 },
        { targetGroupArn: gone, containerPort: 81 },
      ],
    });
    const other = service('shop', 'web', { loadBalancers: [{ targetGroupArn: targetGroup('web', 'ip', []).id }] });
    expect(namedBy(topologyOf([twice, other, service('shop', 'worker')]), relations.serviceTargetGroups, gone).map((s) => s.name)).toEqual(['api']);
  });

  it('reads the one key a resource names, and the resources by the key they name', () => {
    const t = task('shop', 'web', { subnetId: 'subnet-a' });
    expect(linkKey(relations.taskService, t)).toBe(t.serviceArn);
    expect(linkKey(relations.taskService, task('shop', undefined))).toBeUndefined();
    expect(linkKey(relations.podNode, pod('orders-eks', 'orders', 'f', { instanceId: 'i-0fff', fargate: true }))).toBeUndefined();
    const [a, b, c] = [
      eksNode('orders-eks', 'i-0aaa', { subnetId: 'subnet-b' }),
      eksNode('orders-eks', 'i-0bbb', { subnetId: 'subnet-a' }),
      eksNode('orders-eks', 'i-0ccc', { subnetId: 'subnet-b' }),
    ];
    const bySubnet = fromByKey(topologyOf([c, b, a, eksNode('orders-eks', 'i-0ddd')]), relations.eksNodeSubnet);
    expect([...bySubnet].map(([key, list]) => `${key}: ${list.map((n) => n.id).join(' ')}`)).toEqual(['subnet-b: i-0aaa i-0ccc', 'subnet-a: i-0bbb']);
  });

  it('joins one resource among the candidates kept, so a pod of another cluster at the same IP hides nothing', () => {
    const tg = targetGroup('pods', 'ip', [{ id: '10.0.1.5', port: 80, state: 'healthy' }]);
    // Ids sort the other cluster's pod first: left out before indexing, it cannot shadow the one kept.
    const theirs = pod('a-other-eks', 'orders', 'web', { podIp: '10.0.1.5' });
    const ours = pod('orders-eks', 'orders', 'web', { podIp: '10.0.1.5' });
    const topology = topologyOf([tg, theirs, ours]);
    expect(joinOne(topology, relations.targetPods, tg).map((j) => j.to?.id)).toEqual([theirs.id]);
    expect(joinOne(topology, relations.targetPods, tg, (p) => p.clusterArn === ours.clusterArn).map((j) => j.to?.id)).toEqual([ours.id]);
    expect(joinOne(topology, relations.taskService, task('shop', 'web'), () => false).map((j) => j.to)).toEqual([undefined]);
  });
});
