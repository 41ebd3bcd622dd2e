import { resourcesOf, type Ingress, type KubeService, type Service, type TargetGroup, type Topology, shortId } from '../model';
import { targetKey, tasksByTarget } from './health';

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
    services: resourcesOf(topology, 'service').filter((s) => s.loadBalancers.some((l) => l.targetGroupArn === targetGroupArn)),
    kubeServices: resourcesOf(topology, 'kubeService').filter((s) => s.targetGroupArns.includes(targetGroupArn)),
  };
}

export function targetGroupUsers(topology: Topology, tg: TargetGroup): TargetGroupUsers {
  const { services, kubeServices } = servicesBehind(topology, tg.id);
  const clusters = new Set(kubeServices.map((s) => s.clusterArn));
  const lbs = new Set(tg.loadBalancerArns);
  return {
    services,
    kubeServices,
    ingresses: resourcesOf(topology, 'ingress').filter((i) => i.loadBalancerArn !== undefined && lbs.has(i.loadBalancerArn) && clusters.has(i.clusterArn)),
  };
}

/** The Ingresses whose status names this load balancer: the Load Balancer Controller made it for them. */
export function ingressesOfLoadBalancer(topology: Topology, loadBalancerArn: string): Ingress[] {
  return resourcesOf(topology, 'ingress').filter((i) => i.loadBalancerArn === loadBalancerArn);
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
  if (tg.targetType === 'instance') {
    for (const n of resourcesOf(topology, 'eksNode'))
      if (clusters.has(n.clusterArn)) for (const t of tg.targets ?? []) if (t.id === n.id) add(targetKey(tg, t), { kind: 'eksNode', id: n.id, label: n.name });
    return out;
  }
  // A finished pod's IP may already belong to a running one: only live pods are behind a target.
  const byIp = new Map<string, TargetLink>();
  for (const p of resourcesOf(topology, 'pod'))
    if (p.podIp && clusters.has(p.clusterArn) && p.phase !== 'Succeeded' && p.phase !== 'Failed')
      byIp.set(p.podIp, { kind: 'pod', id: p.id, label: `${p.namespace}/${p.name}` });
  for (const t of tg.targets ?? []) {
    const pod = byIp.get(t.id);
    if (pod) add(targetKey(tg, t), pod);
  }
  return out;
}
