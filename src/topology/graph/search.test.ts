import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf } from '../model';
import { searchTopology } from './search';

const demo = demoTopology();
const hits = (q: string, limit?: number) => searchTopology(demo, q, limit).map((h) => `${h.kind} ${h.label}`);

describe('searching the map', () => {
  it('finds nothing for an empty query', () => {
    expect(searchTopology(demo, '')).toEqual([]);
    expect(searchTopology(demo, '   ')).toEqual([]);
  });

  it('puts the exact name first, then names that start with the query, then names that hold it', () => {
    // "cart" is a service; "cart-tg" starts with it; its three tasks hold it in their group ("service:cart").
    const cart = hits('cart');
    expect(cart.slice(0, 2)).toEqual(['service cart', 'targetGroup cart-tg']);
    expect(cart.slice(2).map((h) => h.split(' ')[0])).toEqual(['task', 'task', 'task']);
    expect(hits('CART')).toEqual(hits('cart'));
    const ledger = hits('ledger');
    expect(ledger.slice(0, 2)).toEqual(['service ledger', 'loadBalancer ledger-nlb']);
    expect(ledger).toContain('targetGroup ledger-tg');
  });

  it('finds a task by its private IP and says where it runs', () => {
    const task = resourcesOf(demo, 'task').find((t) => t.privateIp === '10.0.14.12');
    const [hit] = searchTopology(demo, '10.0.14.12');
    expect(hit).toEqual({ id: task?.id, kind: 'task', label: task?.id.split('/').pop(), detail: 'task · service:web · 10.0.14.12 · us-east-1b' });
  });

  it('finds a load balancer by its DNS name, pods by name, a workload by namespace/name, an EKS node by its IP', () => {
    expect(hits('storefront-alb-eb0d2b8e31.us-east-1.elb.amazonaws.com')).toEqual(['loadBalancer storefront-alb']);
    expect(hits('orders/payments')).toEqual(['workload payments']);
    expect(searchTopology(demo, 'orders/payments')[0]?.detail).toBe('Deployment · orders · 3/4 ready');
    expect(hits('10.0.14.23')).toEqual(['eksNode ip-10-0-14-23.ec2.internal']);
    expect(hits('coredns').filter((h) => h.startsWith('pod'))).toHaveLength(2);
  });

  it('does not list kinds the search does not cover, such as subnets, and keeps to the limit', () => {
    const subnet = resourcesOf(demo, 'subnet')[0];
    expect(subnet && searchTopology(demo, subnet.id)).toEqual([]);
    expect(hits('e', 5)).toHaveLength(5);
    expect(searchTopology(demo, 'e').length).toBe(12);
  });
});
