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
  /** The first link's key without building the links, for rows read once per task (linkKey); absent: from `links` */
  firstKey?: (from: ResourceOf<F>) => string | undefined;
}

/** A joined pair; `to` is absent when the key names a resource that was not read (a target group not described). */
export interface Joined<F extends ResourceKind, T extends ResourceKind, V> {
  from: ResourceOf<F>;
  key: string;
  via: V;
  to?: ResourceOf<T>;
}

/**
 * A row whose `from` names its `to` by id in one field: a single id (absent or empty: no link) or a list of ids.
 * Most joins of the map are this shape, so the join's words are derived from the field rather than written again.
 */
function byId<F extends ResourceKind, T extends ResourceKind>(
  from: F,
  to: T,
  field: string,
  ids: (from: ResourceOf<F>) => string | undefined | readonly string[],
  unless?: string,
): Relation<F, T> {
  return {
    from,
    to,
    join: `${field} = ${to}.id${unless ? `, unless ${unless}` : ''}`,
    // Runs for every task and pod of every build: no intermediate arrays.
    links: (r) => {
      const found = ids(r);
      if (typeof found === 'string') return found === '' ? [] : [{ key: found, via: undefined }];
      return found ? found.map((key) => ({ key, via: undefined })) : [];
    },
    firstKey: (r) => {
      const found = ids(r);
      return typeof found === 'string' ? found || undefined : found?.[0];
    },
  };
}

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
  kubeServiceTargetGroups: byId('kubeService', 'targetGroup', 'targetGroupArns[]', (s) => s.targetGroupArns),
  /** A Kubernetes Service selects the pods of these workloads */
  kubeServiceWorkloads: byId('kubeService', 'workload', 'workloadIds[]', (s) => s.workloadIds),
  /** An Ingress's status names the ALB the Load Balancer Controller made for it */
  ingressLoadBalancer: byId('ingress', 'loadBalancer', 'loadBalancerArn', (i) => i.loadBalancerArn),
  /** DescribeTasks: serviceArn (absent for a standalone task) */
  taskService: byId('task', 'service', 'serviceArn', (t) => t.serviceArn),
  /** DescribeTasks: attachments ENI subnetId (awsvpc tasks) */
  taskSubnet: byId('task', 'subnet', 'subnetId', (t) => t.subnetId),
  /** DescribeTasks: containerInstanceArn (EC2 launch type) */
  taskHost: byId('task', 'containerInstance', 'containerInstanceArn', (t) => t.containerInstanceArn),
  /** DescribeInstances: SubnetId of the container instance's EC2 instance */
  hostSubnet: byId('containerInstance', 'subnet', 'subnetId', (h) => h.subnetId),
  /** A pod runs on a worker node (spec.nodeName resolved to its EC2 instance); Fargate pods have no node on the map */
  podNode: byId('pod', 'eksNode', 'instanceId', (p) => (p.fargate ? undefined : p.instanceId), 'fargate'),
  /** The pod's ENI subnet (the VPC CNI gives each pod an address of its node's or its Fargate profile's subnet) */
  podSubnet: byId('pod', 'subnet', 'subnetId', (p) => p.subnetId),
  /** A pod's owner, through its ReplicaSet to the Deployment */
  podWorkload: byId('pod', 'workload', 'workloadId', (p) => p.workloadId),
  /** DescribeInstances: SubnetId of the worker node */
  eksNodeSubnet: byId('eksNode', 'subnet', 'subnetId', (n) => n.subnetId),
  /** The EKS cluster a worker node belongs to (EC2 tag eks:cluster-name, or the cluster whose Kubernetes API named it) */
  eksNodeCluster: byId('eksNode', 'eksCluster', 'clusterArn', (n) => n.clusterArn),
  /** The managed node group that launched a worker node; absent for self-managed nodes */
  eksNodeGroup: byId('eksNode', 'nodeGroup', 'nodeGroupArn', (n) => n.nodeGroupArn),
  /** ListNodegroups is per cluster: the cluster a managed node group was listed under */
  nodeGroupCluster: byId('nodeGroup', 'eksCluster', 'clusterArn', (g) => g.clusterArn),
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

/**
 * Pure: how a relation finds the `to` resource a key names: by id, or through an index by `keyOf` (the first of equal
 * keys wins). `among` narrows the candidates before indexing, so a resource left out never hides one kept.
 */
function finder<T extends ResourceKind>(
  topology: Topology,
  relation: Pick<Relation<ResourceKind, T, unknown>, 'to' | 'keyOf'>,
  among: (to: ResourceOf<T>) => boolean,
): (key: string) => ResourceOf<T> | undefined {
  const { keyOf } = relation;
  if (!keyOf) {
    return (key) => {
      const to = resourceOf(topology, relation.to, key);
      return to && among(to) ? to : undefined;
    };
  }
  const index = new Map<string, ResourceOf<T>>();
  for (const r of resourcesOf(topology, relation.to)) {
    const key = among(r) ? keyOf(r) : undefined;
    if (key !== undefined && !index.has(key)) index.set(key, r);
  }
  return (key) => index.get(key);
}

/** Appends the pairs of one `from` resource to `out` (a join runs over every task: no array per resource). */
function pushJoined<F extends ResourceKind, T extends ResourceKind, V>(
  out: Joined<F, T, V>[],
  relation: Relation<F, T, V>,
  from: ResourceOf<F>,
  find: (key: string) => ResourceOf<T> | undefined,
): Joined<F, T, V>[] {
  for (const { key, via } of relation.links(from)) {
    const pair: Joined<F, T, V> = { from, key, via };
    const to = find(key);
    if (to) pair.to = to;
    out.push(pair);
  }
  return out;
}

const always = () => true;

/** Pure: every pair a relation joins in a topology, in the `from` kind's id order and each resource's link order. */
export function join<F extends ResourceKind, T extends ResourceKind, V>(topology: Topology, relation: Relation<F, T, V>): Joined<F, T, V>[] {
  const find = finder(topology, relation, always);
  const out: Joined<F, T, V>[] = [];
  for (const from of resourcesOf(topology, relation.from)) pushJoined(out, relation, from, find);
  return out;
}

/**
 * Pure: the `to` resource a key names through a relation, as join and joinOne find it; for a loop over many `from`
 * resources, which would otherwise index the `to` kind once per resource.
 */
export function lookup<F extends ResourceKind, T extends ResourceKind, V>(
  topology: Topology,
  relation: Relation<F, T, V>,
): (key: string) => ResourceOf<T> | undefined {
  return finder(topology, relation, always);
}

/**
 * Pure: the joined pairs of one `from` resource; with `among`, only those `to` resources answer (a target group's
 * pods are those of the clusters bound to it: another cluster's VPC may reuse the address).
 */
export function joinOne<F extends ResourceKind, T extends ResourceKind, V>(
  topology: Topology,
  relation: Relation<F, T, V>,
  from: ResourceOf<F>,
  among: (to: ResourceOf<T>) => boolean = always,
): Joined<F, T, V>[] {
  return pushJoined([], relation, from, finder(topology, relation, among));
}

/** Pure: the `from` resources that name `key`, each once, in id order: who points at a resource, read or not. */
export function namedBy<F extends ResourceKind, T extends ResourceKind, V>(topology: Topology, relation: Relation<F, T, V>, key: string): ResourceOf<F>[] {
  return resourcesOf(topology, relation.from).filter((from) => relation.links(from).some((l) => l.key === key));
}

/** Pure: the first key a resource names through a relation (a task's service ARN), for rows that name one at most. */
export function linkKey<F extends ResourceKind, T extends ResourceKind, V>(relation: Relation<F, T, V>, from: ResourceOf<F>): string | undefined {
  return relation.firstKey ? relation.firstKey(from) : relation.links(from)[0]?.key;
}

/** Pure: the `from` resources under each key they name, in id order: a subnet's hosts, a cluster's worker nodes. */
export function fromByKey<F extends ResourceKind, T extends ResourceKind, V>(topology: Topology, relation: Relation<F, T, V>): Map<string, ResourceOf<F>[]> {
  const out = new Map<string, ResourceOf<F>[]>();
  for (const from of resourcesOf(topology, relation.from))
    for (const key of new Set(relation.links(from).map((l) => l.key))) {
      const list = out.get(key);
      if (list) list.push(from);
      else out.set(key, [from]);
    }
  return out;
}
