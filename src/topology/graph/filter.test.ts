import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf } from '../model';
import { filterTopology, PALETTE_SIZE } from './filter';
import { cluster, pod, service, task, topologyOf, workload } from './testTopology';

const none = new Set<string>();

describe('filterTopology', () => {
  const topology = topologyOf([
    cluster('shop', { activeServices: 2, runningTasks: 2 }),
    service('shop', 'web'),
    service('shop', 'api'),
    task('shop', 'web'),
    task('shop', undefined),
    workload('orders-eks', 'orders', 'orders-api'),
    workload('orders-eks', 'kube-system', 'coredns'),
    workload('orders-eks', 'payments', 'payments'),
    pod('orders-eks', 'orders', 'orders-api-1', { workloadId: workload('orders-eks', 'orders', 'orders-api').id }),
    pod('orders-eks', 'kube-system', 'coredns-1'),
    pod('orders-eks', 'payments', 'payments-1'),
  ]);

  it('keeps every workload and pod when no namespace is hidden', () => {
    const sel = filterTopology(topology, { view: 'network', expanded: none });
    expect(sel.workloads.map((w) => w.name)).toEqual(['coredns', 'orders-api', 'payments']);
    expect(sel.pods.map((u) => u.namespace)).toEqual(['kube-system', 'orders', 'payments']);
    expect(sel.ecs).toHaveLength(2);
  });

  it('leaves out the hidden namespaces’ workloads and pods, never ECS tasks', () => {
    const sel = filterTopology(topology, { view: 'service', expanded: none, hiddenNamespaces: new Set(['payments', 'kube-system']) });
    expect(sel.workloads.map((w) => w.name)).toEqual(['orders-api']);
    expect(sel.pods.map((u) => u.namespace)).toEqual(['orders']);
    expect(sel.ecs).toHaveLength(2);
    expect(sel.view).toBe('service');
  });

  it('hands the palette to ECS services and application workloads, one slot each; system workloads and unknown ids stay neutral', () => {
    const sel = filterTopology(topology, { view: 'network', expanded: none });
    const slot = (id: string | undefined) => sel.colorOf(id);
    const owners = [
      service('shop', 'api'),
      service('shop', 'web'),
      workload('orders-eks', 'orders', 'orders-api'),
      workload('orders-eks', 'payments', 'payments'),
    ];
    const slots = owners.map((o) => slot(o.id));
    for (const s of slots) expect(s).toBeGreaterThanOrEqual(0);
    expect(new Set(slots).size).toBe(owners.length);
    expect(slot(workload('orders-eks', 'kube-system', 'coredns').id)).toBe(-1);
    expect(slot(undefined)).toBe(-1);
    expect(slot('arn:aws:ecs:us-east-1:123456789012:service/shop/gone')).toBe(-1);
  });

  it('uses every slot, and each at most twice, when one cluster holds more owners than colours', () => {
    const services = Array.from({ length: PALETTE_SIZE + 2 }, (_, i) => service('shop', `s${String(i).padStart(2, '0')}`));
    const sel = filterTopology(topologyOf(services), { view: 'network', expanded: none });
    const perSlot = Array.from({ length: PALETTE_SIZE }, (_, slot) => services.filter((s) => sel.colorOf(s.id) === slot).length);
    expect(Math.min(...perSlot)).toBe(1);
    expect(Math.max(...perSlot)).toBe(2);
  });

  it('gives every demo service and application workload a slot, and the same slots whatever the view', () => {
    const demo = demoTopology();
    const [net, svc] = (['network', 'service'] as const).map((view) => filterTopology(demo, { view, expanded: none }));
    const ids = resourcesOf(demo, 'service').map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(net?.colorOf(id)).toBeGreaterThanOrEqual(0);
      expect(svc?.colorOf(id)).toBe(net?.colorOf(id));
    }
  });
});
