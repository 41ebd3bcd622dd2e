import { describe, expect, it } from 'vitest';
import type { Resource, ResourceKind, ResourceOf } from '../model';
import { join, relations, type Relation } from './relations';
import { containerInstance, lbArn, loadBalancer, service, subnet, targetGroup, task, topologyOf } from './testTopology';

const eksArn = 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks';
const eksNode = (id: string, extra: Partial<ResourceOf<'eksNode'>> = {}): ResourceOf<'eksNode'> => ({
  kind: 'eksNode',
  id,
  clusterArn: eksArn,
  name: `${id}.ec2.internal`,
  az: 'us-east-1a',
  state: 'running',
  lifecycle: 'on-demand',
  ...extra,
});
const pod = (name: string, extra: Partial<ResourceOf<'pod'>> = {}): ResourceOf<'pod'> =>
  ({
    kind: 'pod',
    id: `${eksArn}/orders/${name}`,
    clusterArn: eksArn,
    name,
    namespace: 'orders',
    phase: 'Running',
    status: 'Running',
    ready: true,
    restarts: 0,
    oldRevision: false,
    fargate: false,
    ...extra,
  }) as ResourceOf<'pod'>;
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
    const classic = service('shop', 'old', { loadBalancers: [{ loadBalancerName: 'classic-elb' } as ResourceOf<'service'>['loadBalancers'][number]] });
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
    const resources = [
      eksNode('i-0aaa'),
      pod('web-1', { instanceId: 'i-0aaa', workloadId: 'w-web' }),
      pod('web-2', { instanceId: 'i-0fff', fargate: true }),
      pod('job', { instanceId: 'i-0bbb' }),
    ];
    expect(pairs(resources, relations.podNode)).toEqual([`${eksArn}/orders/job -> i-0bbb not read`, `${eksArn}/orders/web-1 -> i-0aaa found`]);
    expect(pairs(resources, relations.podWorkload)).toEqual([`${eksArn}/orders/web-1 -> w-web not read`]);
  });

  it('worker node → subnet, cluster and node group', () => {
    const resources: Resource[] = [
      eksNode('i-0aaa', { subnetId: 'subnet-a', nodeGroupArn: 'ng-1' }),
      eksNode('i-0bbb'),
      subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', false),
    ];
    expect(pairs(resources, relations.eksNodeSubnet)).toEqual(['i-0aaa -> subnet-a found']);
    expect(pairs(resources, relations.eksNodeCluster)).toEqual([`i-0aaa -> ${eksArn} not read`, `i-0bbb -> ${eksArn} not read`]);
    expect(pairs(resources, relations.eksNodeGroup)).toEqual(['i-0aaa -> ng-1 not read']);
  });

  it('target → live pod by IP (ip targets), worker node by instance id (instance targets)', () => {
    const ip = targetGroup('pods', 'ip', [
      { id: '10.0.1.5', port: 80, state: 'healthy' },
      { id: '10.0.1.6', port: 80, state: 'draining' },
    ]);
    const inst = targetGroup('nodes', 'instance', [{ id: 'i-0aaa', port: 30080, state: 'healthy' }]);
    const resources: Resource[] = [ip, inst, pod('live', { podIp: '10.0.1.5' }), pod('done', { podIp: '10.0.1.6', phase: 'Succeeded' }), eksNode('i-0aaa')];
    expect(pairs(resources, relations.targetPods)).toEqual([`${ip.id} -> 10.0.1.5 found`, `${ip.id} -> 10.0.1.6 not read`]);
    expect(pairs(resources, relations.targetNodes)).toEqual([`${inst.id} -> i-0aaa found`]);
  });

  it('Kubernetes Service → target group and workloads; Ingress → ALB', () => {
    const tg = targetGroup('orders', 'ip', []);
    const svc = {
      kind: 'kubeService',
      id: `${eksArn}/orders/svc/web`,
      clusterArn: eksArn,
      name: 'web',
      namespace: 'orders',
      targetGroupArns: [tg.id],
      workloadIds: ['w-web'],
    } as unknown as ResourceOf<'kubeService'>;
    const ing = {
      kind: 'ingress',
      id: `${eksArn}/orders/ingress/web`,
      clusterArn: eksArn,
      name: 'web',
      namespace: 'orders',
      loadBalancerArn: lbArn('k8s-orders'),
    } as unknown as ResourceOf<'ingress'>;
    const lb = loadBalancer('k8s-orders', ['us-east-1a'], [tg.id]);
    const resources: Resource[] = [svc, ing, tg, lb];
    expect(pairs(resources, relations.kubeServiceTargetGroups)).toEqual([`${svc.id} -> ${tg.id} found`]);
    expect(pairs(resources, relations.kubeServiceWorkloads)).toEqual([`${svc.id} -> w-web not read`]);
    expect(pairs(resources, relations.ingressLoadBalancer)).toEqual([`${ing.id} -> ${lb.id} found`]);
  });
});
