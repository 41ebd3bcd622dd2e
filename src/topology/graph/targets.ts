import { resourcesOf, type Ingress, type KubeService, type Service, type TargetGroup, type Topology, shortId } from '../model';
import { targetKey, tasksByTarget } from './health';
import { join, joinOne, namedBy, relations } from './relations';

/** Who a target group serves: ECS services bound to it, Kubernetes Services bound by TargetGroupBindings. */
export interface TargetGroupUsers {
  services: Service[];
  kubeServices: KubeService[];
  /** Ingresses whose load balancer (made by the AWS Load Balancer Controller) forwards to it */
  ingresses: Ingress[];
}

/** What a target is, on the map: the task, pod or EKS node behind it, to select. */
export interface TargetLink {
  kind: 'task' | 'pod' | 'eksNode';
  id: string;
  label: string;
}

/**
 * The ECS services and Kubernetes Services bound to a target group, by its ARN: the bindings name the group, so
 * this holds even for a group DescribeTargetGroups did not give.
 */
export function servicesBehind(topology: Topology, targetGroupArn: string): Pick<TargetGroupUsers, 'services' | 'kubeServices'> {
  return {
    services: namedBy(topology, relations.serviceTargetGroups, targetGroupArn),
    kubeServices: namedBy(topology, relations.kubeServiceTargetGroups, targetGroupArn),
  };
}

export function targetGroupUsers(topology: Topology, tg: TargetGroup): TargetGroupUsers {
  const { services, kubeServices } = servicesBehind(topology, tg.id);
  const clusters = new Set(kubeServices.map((s) => s.clusterArn));
  const lbs = new Set(tg.loadBalancerArns);
  return {
    services,
    kubeServices,
    ingresses: join(topology, relations.ingressLoadBalancer)
      .filter((j) => lbs.has(j.key) && clusters.has(j.from.clusterArn))
      .map((j) => j.from),
  };
}

/** The Ingresses whose status names this load balancer: the Load Balancer Controller made it for them. */
export function ingressesOfLoadBalancer(topology: Topology, loadBalancerArn: string): Ingress[] {
  return namedBy(topology, relations.ingressLoadBalancer, loadBalancerArn);
}

/**
 * Per target (by targetKey), what it is: ECS tasks of the services bound to the group (the same join as target
 * health), and for a group a Kubernetes Service is bound to, its cluster's pods by IP (ip targets) or its worker
 * nodes by instance id (instance targets, which forward to the Service's NodePort).
 */
export function targetLinks(topology: Topology, tg: TargetGroup): Map<string, TargetLink[]> {
  const out = new Map<string, TargetLink[]>();
  const add = (key: string, link: TargetLink) => out.set(key, [...(out.get(key) ?? []), link]);
  const services = new Map(resourcesOf(topology, 'service').map((s) => [s.id, s.name]));
  for (const [key, tasks] of tasksByTarget(topology).get(tg.id) ?? []) {
    for (const t of tasks) add(key, { kind: 'task', id: t.id, label: `${services.get(t.serviceArn ?? '') ?? 'task'} task ${shortId(t.id).slice(0, 8)}` });
  }
  const clusters = new Set(targetGroupUsers(topology, tg).kubeServices.map((s) => s.clusterArn));
  if (!clusters.size) return out;
  const bound = (to: { clusterArn: string }) => clusters.has(to.clusterArn);
  // Each of the two rows joins only the target type it is for; an instance target is the worker node itself.
  for (const { via: t, to: n } of joinOne(topology, relations.targetNodes, tg, bound))
    if (n) add(targetKey(tg, t), { kind: 'eksNode', id: n.id, label: n.name });
  for (const { via: t, to: p } of joinOne(topology, relations.targetPods, tg, bound))
    if (p) add(targetKey(tg, t), { kind: 'pod', id: p.id, label: `${p.namespace}/${p.name}` });
  return out;
}
