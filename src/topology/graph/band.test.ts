import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, type Resource } from '../model';
import { bandNodes, targetHealth } from './band';
import { filterTopology } from './filter';
import { cluster, kubeService, loadBalancer, pod, service, targetGroup, task, topologyOf, workload } from './testTopology';

const band = (view: 'network' | 'service', resources: Resource[]) => bandNodes(filterTopology(topologyOf(resources), { view, expanded: new Set() }));

describe('targetHealth', () => {
  it('reads DescribeTargetHealth states as the health bar counts them', () => {
    expect(['healthy', 'unhealthy', 'unhealthy.draining', 'initial', 'draining', 'unused', 'unavailable'].map(targetHealth)).toEqual([
      'healthy',
      'unhealthy',
      'unhealthy',
      'pending',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});

describe('bandNodes', () => {
  const tg = targetGroup('web-tg', 'ip', [
    { id: '10.0.0.5', port: 80, state: 'healthy' },
    { id: '10.0.0.6', port: 80, state: 'unhealthy', reason: 'Target.Timeout' },
    { id: '10.0.0.7', port: 80, state: 'initial' },
  ]);
  const unread = targetGroup('api-tg', 'ip', undefined);
  const lb = loadBalancer('shop-alb', ['us-east-1b', 'us-east-1a', 'us-east-1b'], [tg.id]);
  const web = service('shop', 'web', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'web', containerPort: 80 }] });
  const orders = workload('orders-eks', 'orders', 'orders-api');
  const dns = workload('orders-eks', 'kube-system', 'coredns');
  const resources: Resource[] = [
    lb,
    tg,
    unread,
    cluster('shop', { activeServices: 1, runningTasks: 1 }),
    web,
    task('shop', 'web', { az: 'us-east-1a' }),
    orders,
    dns,
    kubeService('orders-eks', 'orders', 'orders-api', { workloadIds: [orders.id], targetGroupArns: [tg.id] }),
    pod('orders-eks', 'orders', 'orders-api-1', { workloadId: orders.id, az: 'us-east-1b' }),
  ];

  it('draws load balancers (their AZs once, sorted) then target groups with their targets’ health', () => {
    const nodes = band('service', resources);
    expect(nodes.map((n) => `${n.kind} ${'label' in n ? n.label : ''}`)).toEqual(['loadBalancer shop-alb', 'targetGroup api-tg', 'targetGroup web-tg']);
    expect(nodes[0]).toMatchObject({ lbType: 'application', scheme: 'internet-facing', azs: ['us-east-1a', 'us-east-1b'] });
    expect(nodes[2]).toMatchObject({ detail: 'TCP:80 · ip', counts: { healthy: 1, unhealthy: 1, pending: 1, stopped: 0, unknown: 0 }, unreadable: false });
  });

  it('marks a target group whose targets could not be read', () => {
    expect(band('service', resources).find((n) => n.id === unread.id)).toMatchObject({ unreadable: true, counts: { healthy: 0 } });
  });

  it('adds, in the network view only, the services and application workloads with how traffic reaches them', () => {
    const nodes = band('network', resources);
    expect(nodes.map((n) => n.kind)).toEqual(['loadBalancer', 'targetGroup', 'targetGroup', 'service', 'workload']);
    const [svc, wl] = nodes.slice(3);
    expect(svc).toMatchObject({ id: web.id, routes: ['shop-alb HTTPS:443 → web-tg'], azCounts: { 'us-east-1a': 1 } });
    // The kube-system workload stays in its namespace, off the band.
    expect(wl).toMatchObject({ id: orders.id, workloadKind: 'Deployment', routes: ['shop-alb HTTPS:443 → web-tg'], azCounts: { 'us-east-1b': 1 } });
  });

  it('draws every demo load balancer and target group once, in both views', () => {
    const demo = demoTopology();
    const expected = [...resourcesOf(demo, 'loadBalancer'), ...resourcesOf(demo, 'targetGroup')].map((r) => r.id);
    for (const view of ['network', 'service'] as const) {
      const nodes = bandNodes(filterTopology(demo, { view, expanded: new Set() }));
      expect(nodes.filter((n) => n.kind === 'loadBalancer' || n.kind === 'targetGroup').map((n) => n.id)).toEqual(expected);
    }
  });
});
