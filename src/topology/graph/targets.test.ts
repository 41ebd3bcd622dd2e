import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { ingressesOfLoadBalancer, servicesBehind, targetGroupUsers, targetLinks } from './targets';
import { kubeService as kubeServiceOf, pod as podOf, service, targetGroup, topologyOf } from './testTopology';

const eks = 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks';
const alb = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/k8s-orders-orders-1a2b3c4d5e/0123456789abcdef';

// The demo's cluster and namespace; a Service fronting a Deployment of its own name, as the controller's are.
const kubeService = (name: string, targetGroupArns: string[]) =>
  kubeServiceOf('orders-eks', 'orders', name, { type: 'NodePort', targetGroupArns, workloadIds: [`${eks}/deployment/orders/${name}`] });
const pod = (name: string, podIp: string, phase = 'Running') => podOf('orders-eks', 'orders', name, { podIp, phase });

const node = (id: string, name: string): ResourceOf<'eksNode'> => ({ kind: 'eksNode', id, clusterArn: eks, name, state: 'running', lifecycle: 'on-demand' });

describe('target groups made by the AWS Load Balancer Controller', () => {
  it('names the Kubernetes Service and Ingress of an ip target group, and links each target to its pod', () => {
    const tg = {
      ...targetGroup('k8s-orders-ordersap-0a1b2c3d4e', 'ip', [
        { id: '10.0.10.11', port: 8080, state: 'healthy' },
        { id: '10.0.14.12', port: 8080, state: 'unhealthy', reason: 'Target.ResponseCodeMismatch' },
      ]),
      loadBalancerArns: [alb],
    };
    const ingress: ResourceOf<'ingress'> = {
      kind: 'ingress',
      id: `${eks}/ingress/orders/orders`,
      clusterArn: eks,
      namespace: 'orders',
      name: 'orders',
      loadBalancerArn: alb,
      rules: ['*/ → orders-api:80'],
    };
    const topology = topologyOf([
      tg,
      kubeService('orders-api', [tg.id]),
      kubeService('payments', []),
      ingress,
      pod('orders-api-7c9f-abcde', '10.0.10.11'),
      pod('orders-api-7c9f-fghij', '10.0.14.12'),
      // A finished Job pod whose address was handed to a new pod.
      pod('export-29121-xyz', '10.0.14.12', 'Succeeded'),
    ]);
    const users = targetGroupUsers(topology, tg);
    expect(users.kubeServices.map((s) => s.name)).toEqual(['orders-api']);
    expect(users.services).toEqual([]);
    expect(users.ingresses.map((i) => i.name)).toEqual(['orders']);
    expect(ingressesOfLoadBalancer(topology, alb).map((i) => i.name)).toEqual(['orders']);
    const links = targetLinks(topology, tg);
    expect(links.get('10.0.10.11')).toEqual([{ kind: 'pod', id: `${eks}/pod/orders/orders-api-7c9f-abcde`, label: 'orders/orders-api-7c9f-abcde' }]);
    expect(links.get('10.0.14.12')?.map((l) => l.label)).toEqual(['orders/orders-api-7c9f-fghij']);
  });

  it('links the targets of an instance target group to the worker nodes they are', () => {
    const tg = targetGroup('k8s-orders-payments-9f8e7d6c5b', 'instance', [
      { id: 'i-0aaa1111bbbb2222c', port: 31380, state: 'healthy' },
      { id: 'i-0ddd3333eeee4444f', port: 31380, state: 'unhealthy', reason: 'Target.Timeout' },
    ]);
    const topology = topologyOf([
      tg,
      kubeService('payments', [tg.id]),
      node('i-0aaa1111bbbb2222c', 'ip-10-0-10-11.ec2.internal'),
      node('i-0ddd3333eeee4444f', 'ip-10-0-14-12.ec2.internal'),
    ]);
    const links = targetLinks(topology, tg);
    expect(links.get('i-0aaa1111bbbb2222c:31380')).toEqual([{ kind: 'eksNode', id: 'i-0aaa1111bbbb2222c', label: 'ip-10-0-10-11.ec2.internal' }]);
    expect(links.get('i-0ddd3333eeee4444f:31380')?.map((l) => l.id)).toEqual(['i-0ddd3333eeee4444f']);
  });
});

describe('what a load balancer’s target groups serve', () => {
  it('names the ECS service and the Kubernetes Service bound to each group, described or not', () => {
    const web = targetGroup('web-tg', 'ip', []);
    const orders = targetGroup('k8s-orders-ordersap-0a1b2c3d4e', 'ip', []);
    // DescribeTargetGroups did not give this one; the service's binding still names it.
    const cart = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/cart-tg/e682e6c1d92ca2a0';
    const topology = topologyOf([
      web,
      orders,
      service('storefront', 'web', { loadBalancers: [{ targetGroupArn: web.id, containerName: 'web', containerPort: 8080 }] }),
      service('storefront', 'cart', { loadBalancers: [{ targetGroupArn: cart, containerName: 'cart', containerPort: 8080 }] }),
      service('storefront', 'worker'),
      kubeService('orders-api', [orders.id]),
    ]);
    const names = (arn: string) => {
      const { services, kubeServices } = servicesBehind(topology, arn);
      return [...services.map((s) => `ECS ${s.name}`), ...kubeServices.map((s) => `k8s ${s.namespace}/${s.name}`)];
    };
    expect(names(web.id)).toEqual(['ECS web']);
    expect(names(cart)).toEqual(['ECS cart']);
    expect(names(orders.id)).toEqual(['k8s orders/orders-api']);
  });
});

describe('targets joined through the relations table', () => {
  it('links an ip target to the pod of the bound cluster, even when another cluster’s pod has the same address', () => {
    const tg = targetGroup('k8s-orders-ordersap-0a1b2c3d4e', 'ip', [{ id: '10.0.10.11', port: 8080, state: 'healthy' }]);
    // Another VPC may reuse the range; its cluster's pod sorts first by id.
    const theirs = podOf('a-analytics-eks', 'etl', 'loader-1', { podIp: '10.0.10.11' });
    const ours = podOf('orders-eks', 'orders', 'orders-api-1', { podIp: '10.0.10.11' });
    const topology = topologyOf([tg, theirs, ours, kubeServiceOf('orders-eks', 'orders', 'orders-api', { targetGroupArns: [tg.id] })]);
    expect(
      targetLinks(topology, tg)
        .get('10.0.10.11')
        ?.map((l) => l.id),
    ).toEqual([ours.id]);
  });
});
