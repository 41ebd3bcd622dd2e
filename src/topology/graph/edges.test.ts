import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import type { Resource } from '../model';
import { buildGraph } from './buildGraph';
import { bandEdges, routeThrough } from './edges';
import { kubeService, loadBalancer, service, targetGroup, topologyOf, workload } from './testTopology';

describe('bandEdges', () => {
  const web = targetGroup('web-tg', 'ip', [{ id: '10.0.0.5', port: 80, state: 'healthy' }]);
  const api = targetGroup('api-tg', 'ip', [{ id: '10.0.0.6', port: 80, state: 'unhealthy.draining' }]);
  // Default action and /svc1/* to web, /svc2/* to api, /svc3/* to web again.
  const lb = loadBalancer('shop-alb', ['us-east-1a'], [web.id, web.id, api.id, web.id]);
  const webService = service('shop', 'web', { loadBalancers: [{ targetGroupArn: web.id, containerPort: 80 }] });
  const orders = workload('orders-eks', 'orders', 'orders-api');
  const resources: Resource[] = [
    lb,
    web,
    api,
    webService,
    orders,
    kubeService('orders-eks', 'orders', 'orders-api', { workloadIds: [orders.id], targetGroupArns: [api.id] }),
  ];
  const all = new Set([lb.id, web.id, api.id, webService.id, orders.id]);

  it('draws one route edge per load balancer and target group, labelled with every rule that forwards to it', () => {
    const edges = bandEdges(topologyOf(resources), all).filter((e) => e.kind === 'route');
    expect(edges.map((e) => [e.target, e.label, e.unhealthy])).toEqual([
      [web.id, 'HTTPS:443, /svc1/*, /svc3/*', false],
      [api.id, '/svc2/*', true],
    ]);
  });

  it('joins a target group to the ECS service bound to it and to the workloads its Kubernetes Services select', () => {
    const edges = bandEdges(topologyOf(resources), all).filter((e) => e.kind === 'serves');
    expect(edges.map((e) => `${e.source} -> ${e.target} ${e.unhealthy ? 'unhealthy' : 'ok'}`)).toEqual([
      `${web.id} -> ${webService.id} ok`,
      `${api.id} -> ${orders.id} unhealthy`,
    ]);
  });

  it('keeps only edges between nodes that are drawn', () => {
    const edges = bandEdges(topologyOf(resources), new Set([lb.id, web.id, webService.id]));
    expect(edges.map((e) => e.id)).toEqual([`${lb.id}->${web.id}`, `${web.id}->${webService.id}`]);
    expect(bandEdges(topologyOf(resources), new Set())).toEqual([]);
  });

  it('never leaves an edge dangling on the demo, in either view', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(demoTopology(), { view, expanded: new Set() });
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(graph.edges.length).toBeGreaterThan(0);
      expect(graph.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
    }
  });
});

describe('routeThrough', () => {
  const e = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });
  // Two load balancers; alb forwards to a and b, nlb to b and c; a serves web, b serves api and web, c serves jobs.
  const edges = [e('alb', 'a'), e('alb', 'b'), e('nlb', 'b'), e('nlb', 'c'), e('a', 'web'), e('b', 'api'), e('b', 'web'), e('c', 'jobs')];
  const ids = (id: string) => [...routeThrough(edges, id)].sort();

  it('follows a load balancer down to every target group and service it reaches, and no further', () => {
    expect(ids('alb')).toEqual(['a->web', 'alb->a', 'alb->b', 'b->api', 'b->web']);
  });
  it('follows a service up to its target groups and their load balancers, not to their other services', () => {
    expect(ids('api')).toEqual(['alb->b', 'b->api', 'nlb->b']);
  });
  it('takes a target group both ways', () => {
    expect(ids('c')).toEqual(['c->jobs', 'nlb->c']);
  });
  it('is empty for a node with no edges', () => {
    expect(ids('lonely')).toEqual([]);
  });
});
