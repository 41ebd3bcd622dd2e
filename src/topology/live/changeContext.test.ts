import { describe, expect, it } from 'vitest';
import { kubeService, pod, service, targetGroup, task, topologyOf, workload } from '../graph/testTopology';
import { changeContext, detail, podOwnerName, taskLabel, taskOwnerName } from './changeContext';

describe('changeContext', () => {
  const tg = targetGroup('cart-tg', 'ip', []);
  const cart = { ...service('shop', 'cart'), loadBalancers: [{ targetGroupArn: tg.id }] };
  const bound = kubeService('orders-eks', 'orders', 'payments', { targetGroupArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/k8s/1'] });

  it('finds the service or Kubernetes Service a target group routes to, in the newer read', () => {
    const ctx = changeContext(topologyOf([]), topologyOf([cart, bound, tg]));
    expect(ctx.targetGroupOwner(tg.id)).toEqual({ id: cart.id, name: 'cart' });
    expect(ctx.targetGroupOwner('arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/k8s/1')).toEqual({ id: bound.id, name: 'payments' });
    expect(ctx.targetGroupOwner('arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/none/2')).toBeUndefined();
  });

  it('counts the running tasks of a service in the newer read', () => {
    const tasks = [task('shop', 'cart'), task('shop', 'cart', { lastStatus: 'STOPPED' }), task('shop', 'cart', { lastStatus: 'PENDING' })];
    const ctx = changeContext(topologyOf([cart, task('shop', 'cart')]), topologyOf([cart, ...tasks]));
    expect(ctx.runningTasks(cart.id)).toBe(1);
    expect(ctx.runningTasks(service('shop', 'other').id)).toBe(0);
  });

  it('names a task by its service, even one gone in the newer read, else its group, else its family', () => {
    const t = task('shop', 'cart');
    const ctx = changeContext(topologyOf([cart]), topologyOf([]));
    expect(taskOwnerName(ctx, t)).toBe('cart');
    const empty = changeContext(topologyOf([]), topologyOf([]));
    expect(taskOwnerName(empty, t)).toBe('cart');
    expect(taskOwnerName(empty, task('shop', undefined, { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/report:3' }))).toBe('report');
    expect(taskLabel(t.id)).toMatch(/^task [0-9a-f]{8}…$/);
  });

  it('names a pod by its workload, else its top owner, else itself', () => {
    const w = workload('orders-eks', 'orders', 'payments');
    const ctx = changeContext(topologyOf([w]), topologyOf([w]));
    expect(podOwnerName(ctx, pod('orders-eks', 'orders', 'payments-1', { workloadId: w.id }))).toBe('payments');
    expect(podOwnerName(ctx, pod('orders-eks', 'orders', 'x-1', { owners: ['ReplicaSet x-7c9f', 'Deployment x'] }))).toBe('x');
    expect(podOwnerName(ctx, pod('orders-eks', 'orders', 'lonely'))).toBe('lonely');
  });

  it('writes the details that are there in brackets, and nothing when none is', () => {
    expect(detail('a', undefined, false, 'b')).toBe(' (a; b)');
    expect(detail(undefined, '')).toBe('');
  });
});
