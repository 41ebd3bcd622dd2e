import { resourceOf, resourcesOf, type ResourceKind, type ResourceOf, type Topology } from '../model';

/** One reference a resource makes to another: the key it names it by, and what the reference carries. */
export interface Link<V> {
  key: string;
  via: V;
}

/**
 * One relation of the map, declared once: from which kind to which, the field that joins them (in words, for the
 * reader), the keys a `from` resource names, and, when the join is not by id, the key each `to` resource answers to.
 */
export interface Relation<F extends ResourceKind, T extends ResourceKind, V = undefined> {
  from: F;
  to: T;
  join: string;
  links: (from: ResourceOf<F>) => readonly Link<V>[];
  /** The key a `to` resource is found by; absent: its id. Undefined leaves a resource out of the join. */
  keyOf?: (to: ResourceOf<T>) => string | undefined;
}

/** A joined pair; `to` is absent when the key names a resource that was not read (a target group not described). */
export interface Joined<F extends ResourceKind, T extends ResourceKind, V> {
  from: ResourceOf<F>;
  key: string;
  via: V;
  to?: ResourceOf<T>;
}

const one = (key: string | undefined): Link<undefined>[] => (key ? [{ key, via: undefined }] : []);
const many = (keys: readonly string[]): Link<undefined>[] => keys.map((key) => ({ key, via: undefined }));

type Listener = ResourceOf<'loadBalancer'>['listeners'][number];
type Binding = ResourceOf<'service'>['loadBalancers'][number];

/** The relations table: every join the graph, the health and the panels make, each written here once. */
export const relations = {
  /** A listener rule forwards to a target group: DescribeRules Actions[].ForwardConfig.TargetGroups[].TargetGroupArn */
  routes: {
    from: 'loadBalancer',
    to: 'targetGroup',
    join: 'listeners[].rules[].targets[].targetGroupArn = targetGroup.id',
    links: (lb) =>
      lb.listeners.flatMap((listener) => listener.rules.flatMap((rule) => rule.targets.map((t) => ({ key: t.targetGroupArn, via: { listener, rule } })))),
  } satisfies Relation<'loadBalancer', 'targetGroup', { listener: Listener; rule: Listener['rules'][number] }>,
  /** An ECS service registers its tasks in a target group: DescribeServices loadBalancers[].targetGroupArn */
  serviceTargetGroups: {
    from: 'service',
    to: 'targetGroup',
    join: 'loadBalancers[].targetGroupArn = targetGroup.id',
    links: (s) => s.loadBalancers.flatMap((binding) => (binding.targetGroupArn ? [{ key: binding.targetGroupArn, via: binding }] : [])),
  } satisfies Relation<'service', 'targetGroup', Binding>,
  /** A Kubernetes Service bound to a target group by a TargetGroupBinding */
  kubeServiceTargetGroups: {
    from: 'kubeService',
    to: 'targetGroup',
    join: 'targetGroupArns[] = targetGroup.id',
    links: (s) => many(s.targetGroupArns),
  } satisfies Relation<'kubeService', 'targetGroup'>,
  /** A Kubernetes Service selects the pods of these workloads */
  kubeServiceWorkloads: {
    from: 'kubeService',
    to: 'workload',
    join: 'workloadIds[] = workload.id',
    links: (s) => many(s.workloadIds),
  } satisfies Relation<'kubeService', 'workload'>,
  /** An Ingress's status names the ALB the Load Balancer Controller made for it */
  ingressLoadBalancer: {
    from: 'ingress',
    to: 'loadBalancer',
    join: 'loadBalancerArn = loadBalancer.id',
    links: (i) => one(i.loadBalancerArn),
  } satisfies Relation<'ingress', 'loadBalancer'>,
  /** DescribeTasks: serviceArn (absent for a standalone task) */
  taskService: { from: 'task', to: 'service', join: 'serviceArn = service.id', links: (t) => one(t.serviceArn) } satisfies Relation<'task', 'service'>,
  /** DescribeTasks: attachments ENI subnetId (awsvpc tasks) */
  taskSubnet: { from: 'task', to: 'subnet', join: 'subnetId = subnet.id', links: (t) => one(t.subnetId) } satisfies Relation<'task', 'subnet'>,
  /** DescribeTasks: containerInstanceArn (EC2 launch type) */
  taskHost: {
    from: 'task',
    to: 'containerInstance',
    join: 'containerInstanceArn = containerInstance.id',
    links: (t) => one(t.containerInstanceArn),
  } satisfies Relation<'task', 'containerInstance'>,
  /** DescribeInstances: SubnetId of the container instance's EC2 instance */
  hostSubnet: { from: 'containerInstance', to: 'subnet', join: 'subnetId = subnet.id', links: (h) => one(h.subnetId) } satisfies Relation<
    'containerInstance',
    'subnet'
  >,
  /** A pod runs on a worker node (spec.nodeName resolved to its EC2 instance); Fargate pods have no node on the map */
  podNode: {
    from: 'pod',
    to: 'eksNode',
    join: 'instanceId = eksNode.id, unless fargate',
    links: (p) => one(p.fargate ? undefined : p.instanceId),
  } satisfies Relation<'pod', 'eksNode'>,
  /** A pod's owner, through its ReplicaSet to the Deployment */
  podWorkload: { from: 'pod', to: 'workload', join: 'workloadId = workload.id', links: (p) => one(p.workloadId) } satisfies Relation<'pod', 'workload'>,
  /** DescribeInstances: SubnetId of the worker node */
  eksNodeSubnet: { from: 'eksNode', to: 'subnet', join: 'subnetId = subnet.id', links: (n) => one(n.subnetId) } satisfies Relation<'eksNode', 'subnet'>,
  eksNodeCluster: { from: 'eksNode', to: 'eksCluster', join: 'clusterArn = eksCluster.id', links: (n) => one(n.clusterArn) } satisfies Relation<
    'eksNode',
    'eksCluster'
  >,
  eksNodeGroup: { from: 'eksNode', to: 'nodeGroup', join: 'nodeGroupArn = nodeGroup.id', links: (n) => one(n.nodeGroupArn) } satisfies Relation<
    'eksNode',
    'nodeGroup'
  >,
  /**
   * An ip target is a pod by its IP (the Load Balancer Controller's ip target type). A finished pod's IP may already
   * belong to a running one: only live pods answer to their IP.
   */
  targetPods: {
    from: 'targetGroup',
    to: 'pod',
    join: 'targets[].id = pod.podIp (ip targets, live pods)',
    links: (tg) => (tg.targetType === 'ip' ? (tg.targets ?? []).map((t) => ({ key: t.id, via: t })) : []),
    keyOf: (p) => (p.phase === 'Succeeded' || p.phase === 'Failed' ? undefined : p.podIp),
  } satisfies Relation<'targetGroup', 'pod', NonNullable<ResourceOf<'targetGroup'>['targets']>[number]>,
  /** An instance target is a worker node by its EC2 instance id (the Service's NodePort) */
  targetNodes: {
    from: 'targetGroup',
    to: 'eksNode',
    join: 'targets[].id = eksNode.id (instance targets)',
    links: (tg) => (tg.targetType === 'instance' ? (tg.targets ?? []).map((t) => ({ key: t.id, via: t })) : []),
  } satisfies Relation<'targetGroup', 'eksNode', NonNullable<ResourceOf<'targetGroup'>['targets']>[number]>,
};

/** Pure: the resources a `to` kind holds, by the key the relation finds them by (the first of equal keys wins). */
function indexOf<T extends ResourceKind>(topology: Topology, kind: T, keyOf: (to: ResourceOf<T>) => string | undefined): Map<string, ResourceOf<T>> {
  const out = new Map<string, ResourceOf<T>>();
  for (const r of resourcesOf(topology, kind)) {
    const key = keyOf(r);
    if (key !== undefined && !out.has(key)) out.set(key, r);
  }
  return out;
}

/** Pure: every pair a relation joins in a topology, in the `from` kind's id order and each resource's link order. */
export function join<F extends ResourceKind, T extends ResourceKind, V>(topology: Topology, relation: Relation<F, T, V>): Joined<F, T, V>[] {
  const { keyOf } = relation;
  const index = keyOf ? indexOf(topology, relation.to, keyOf) : undefined;
  const find = (key: string) => (index ? index.get(key) : resourceOf(topology, relation.to, key));
  return resourcesOf(topology, relation.from).flatMap((from) =>
    relation.links(from).map(({ key, via }) => {
      const to = find(key);
      return { from, key, via, ...(to ? { to } : {}) };
    }),
  );
}

/** Pure: the joined pairs of one `from` resource. */
export function joinOne<F extends ResourceKind, T extends ResourceKind, V>(
  topology: Topology,
  relation: Relation<F, T, V>,
  from: ResourceOf<F>,
): Joined<F, T, V>[] {
  const { keyOf } = relation;
  const index = keyOf ? indexOf(topology, relation.to, keyOf) : undefined;
  return relation.links(from).map(({ key, via }) => {
    const to = index ? index.get(key) : resourceOf(topology, relation.to, key);
    return { from, key, via, ...(to ? { to } : {}) };
  });
}
