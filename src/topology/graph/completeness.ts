import type { ReadError, ResourceKind } from '../model';

/**
 * What a failed call can leave short: a kind of resource, a load balancer's listener rules (read inside the load
 * balancer), or the route tables that decide whether a subnet is public.
 */
export type Part = ResourceKind | 'listenerRule' | 'routeTable';

/**
 * The read finds most things through something else (collect.ts): target groups through the ECS services and
 * TargetGroupBindings that name them, load balancers through their target groups, subnets through tasks,
 * instances and load balancers. A call that fails hides what it reads and everything found only through it.
 */
const BALANCING: readonly Part[] = ['targetGroup', 'loadBalancer', 'listenerRule', 'subnet'];
const SERVICES: readonly Part[] = ['service', ...BALANCING];
const ECS: readonly Part[] = ['cluster', 'task', 'containerInstance', 'taskDefinition', ...SERVICES];
/** Everything an EKS cluster's Kubernetes API gives; TargetGroupBindings name the Load Balancer Controller's groups */
const KUBERNETES: readonly Part[] = ['eksNode', 'pod', 'workload', 'kubeService', 'ingress', 'targetGroup', 'loadBalancer', 'listenerRule'];
const EKS: readonly Part[] = ['eksCluster', 'nodeGroup', 'fargateProfile', 'subnet', ...KUBERNETES];
const WORKLOADS: readonly Part[] = ['workload'];

/** Per IAM action (and per Kubernetes list), what its failure can leave short. */
const HIDES: Readonly<Record<string, readonly Part[]>> = {
  'ecs:ListClusters': ECS,
  // Container instances are read whatever DescribeClusters says (its count only lets a read skip empty clusters).
  'ecs:DescribeClusters': ['cluster'],
  'ecs:ListServices': SERVICES,
  'ecs:DescribeServices': SERVICES,
  'ecs:ListTasks': ['task', 'subnet'],
  'ecs:DescribeTasks': ['task', 'subnet'],
  'ecs:ListContainerInstances': ['containerInstance', 'subnet'],
  'ecs:DescribeContainerInstances': ['containerInstance', 'subnet'],
  'ecs:DescribeTaskDefinition': ['taskDefinition'],
  // Container instances' placement and EKS worker nodes both come from DescribeInstances.
  'ec2:DescribeInstances': ['containerInstance', 'eksNode', 'subnet'],
  // VPC ids come from the subnets read, and route tables are read per VPC.
  'ec2:DescribeSubnets': ['subnet', 'vpc', 'routeTable'],
  'ec2:DescribeVpcs': ['vpc'],
  'ec2:DescribeRouteTables': ['routeTable'],
  'elasticloadbalancing:DescribeTargetGroups': BALANCING,
  'elasticloadbalancing:DescribeLoadBalancers': ['loadBalancer', 'listenerRule', 'subnet'],
  'elasticloadbalancing:DescribeListeners': ['listenerRule'],
  'elasticloadbalancing:DescribeRules': ['listenerRule'],
  // Each target group says on the map that its health could not be read: nothing is missing from a count.
  'elasticloadbalancing:DescribeTargetHealth': [],
  'eks:ListClusters': EKS,
  // Without DescribeCluster there is no endpoint, so the Kubernetes API of that cluster is not read either.
  'eks:DescribeCluster': EKS,
  'eks:ListNodegroups': ['nodeGroup', 'eksNode'],
  'eks:DescribeNodegroup': ['nodeGroup', 'eksNode'],
  'eks:ListFargateProfiles': ['fargateProfile'],
  'eks:DescribeFargateProfile': ['fargateProfile'],
  'k8s:token': KUBERNETES,
  'k8s:list nodes': ['eksNode'],
  'k8s:list pods': ['pod'],
  'k8s:list services': ['kubeService'],
  'k8s:list deployments': WORKLOADS,
  'k8s:list replicasets': WORKLOADS,
  'k8s:list daemonsets': WORKLOADS,
  'k8s:list statefulsets': WORKLOADS,
  'k8s:list jobs': WORKLOADS,
  'k8s:list ingresses': ['ingress'],
  'k8s:list targetgroupbindings': ['targetGroup', 'loadBalancer', 'listenerRule'],
};

/** A chain of the read that Fleetmap itself failed to put together ("fleetmap:read", resource = the part's name). */
const READ_PARTS: Readonly<Record<string, readonly Part[]>> = {
  'ECS clusters': ECS,
  'ECS services': SERVICES,
  'ECS tasks': ['task', 'subnet'],
  'container instances': ['containerInstance', 'subnet'],
  'task definitions': ['taskDefinition'],
  'EC2 instances': ['containerInstance', 'subnet'],
  'EKS clusters': EKS,
  'Kubernetes objects': KUBERNETES,
  'EKS node groups and Fargate profiles': ['nodeGroup', 'fargateProfile', 'eksNode', 'subnet'],
  'target groups': BALANCING,
  'target health': [],
  'load balancers': ['loadBalancer', 'listenerRule'],
  'listeners and rules': ['listenerRule'],
  subnets: ['subnet', 'vpc', 'routeTable'],
  VPCs: ['vpc', 'routeTable'],
  'route tables': ['routeTable'],
};

/**
 * A Kubernetes list that was refused (403, or another HTTP status) leaves that list short; one that could not
 * authenticate, reach the API server or answer in time stops the reader, so nothing after it was listed.
 */
const refusedOnly = (code: string) => code === 'Forbidden' || code.startsWith('HTTP ');

function hiddenBy(e: ReadError): readonly Part[] {
  if (e.api === 'fleetmap:read') return READ_PARTS[e.resource ?? ''] ?? [];
  if (e.api.startsWith('k8s:') && !refusedOnly(e.code)) return KUBERNETES;
  const known = HIDES[e.api];
  if (known) return known;
  // An action this table does not name yet: within EKS or Kubernetes, assume what the service reads went missing.
  if (e.api.startsWith('eks:')) return EKS;
  if (e.api.startsWith('k8s:')) return KUBERNETES;
  return [];
}

const cache = new WeakMap<readonly ReadError[], ReadonlyMap<Part, readonly ReadError[]>>();

/** Pure: per part the map may be missing some of, the errors that say why (in the read's order). */
export function unreadParts(errors: readonly ReadError[]): ReadonlyMap<Part, readonly ReadError[]> {
  const known = cache.get(errors);
  if (known) return known;
  const out = new Map<Part, ReadError[]>();
  for (const e of errors) for (const part of hiddenBy(e)) out.set(part, [...(out.get(part) ?? []), e]);
  cache.set(errors, out);
  return out;
}

/** The errors that leave a part short, or an empty list when everything of it was read. */
export function unreadBecause(errors: readonly ReadError[], part: Part): readonly ReadError[] {
  return unreadParts(errors).get(part) ?? [];
}

/** "elasticloadbalancing:DescribeTargetGroups (AccessDenied)", one per action and code. */
export function failedCalls(errors: readonly ReadError[]): string {
  return [...new Set(errors.map((e) => `${e.api} (${e.code})`))].join(', ');
}
