import type { Readers } from './collect';

/** How long what changes rarely (VPCs, subnets, route tables, balancers, listeners, rules, node groups) is trusted. */
export const RARELY_CHANGING_MS = 5 * 60_000;

/**
 * What a watcher's reads keep from one cycle to the next, so a cycle asks AWS only for what changes every minute
 * (services, tasks, target health) and for what it has not seen yet:
 * - task definitions are immutable (a new revision is a new ARN): read once per ARN, kept for the process;
 * - the network and load balancing change rarely: read when first referenced, again after `rarelyChangingMs`.
 * Only what AWS answered is kept: a call that failed is asked again next cycle rather than hidden for minutes.
 */
export interface ReadCache {
  readonly rarelyChangingMs: number;
  readonly clock: () => number;
  readonly immutable: Map<string, Promise<unknown>>;
  readonly byId: Map<string, { value: unknown; at: number }>;
}

export function createReadCache(options: { rarelyChangingMs?: number; clock?: () => number } = {}): ReadCache {
  return { rarelyChangingMs: options.rarelyChangingMs ?? RARELY_CHANGING_MS, clock: options.clock ?? Date.now, immutable: new Map(), byId: new Map() };
}

/** One value per id, kept while fresh; the ids not known (or gone stale) are fetched together, in one batch. */
async function byIds<T>(
  cache: ReadCache,
  kind: string,
  ids: readonly string[],
  fetch: (ids: string[]) => Promise<T[]>,
  idOf: (item: T) => string | undefined,
): Promise<T[]> {
  const now = cache.clock();
  const key = (id: string) => `${kind}:${id}`;
  const fresh = (id: string) => {
    const hit = cache.byId.get(key(id));
    return hit !== undefined && now - hit.at < cache.rarelyChangingMs;
  };
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !fresh(id));
  if (missing.length) {
    for (const item of await fetch(missing)) {
      const id = idOf(item);
      if (id !== undefined) cache.byId.set(key(id), { value: item, at: now });
    }
  }
  return unique.flatMap((id) => {
    const hit = cache.byId.get(key(id));
    return hit ? [hit.value as T] : [];
  });
}

/** A list per owner (a balancer's listeners, a cluster's node groups); an empty answer is not kept (it may be a failure). */
async function listOf<T>(cache: ReadCache, kind: string, owner: string, fetch: () => Promise<T[]>): Promise<T[]> {
  const key = `${kind}[]:${owner}`;
  const now = cache.clock();
  const hit = cache.byId.get(key);
  if (hit && now - hit.at < cache.rarelyChangingMs) return hit.value as T[];
  const list = await fetch();
  if (list.length) cache.byId.set(key, { value: list, at: now });
  return list;
}

/** Route tables by VPC: a VPC always has its main table, so an empty answer for one is a failure and not kept. */
async function routeTablesOf(cache: ReadCache, readers: Readers, vpcIds: readonly string[]) {
  type Table = Awaited<ReturnType<Readers['ec2']['routeTables']>>[number];
  const now = cache.clock();
  const key = (vpc: string) => `routeTables[]:${vpc}`;
  const unique = [...new Set(vpcIds)];
  const missing = unique.filter((vpc) => {
    const hit = cache.byId.get(key(vpc));
    return !hit || now - hit.at >= cache.rarelyChangingMs;
  });
  if (missing.length) {
    const byVpc = new Map<string, Table[]>();
    for (const table of await readers.ec2.routeTables(missing)) {
      if (table.VpcId) byVpc.set(table.VpcId, [...(byVpc.get(table.VpcId) ?? []), table]);
    }
    for (const [vpc, tables] of byVpc) cache.byId.set(key(vpc), { value: tables, at: now });
  }
  return unique.flatMap((vpc) => (cache.byId.get(key(vpc))?.value as Table[] | undefined) ?? []);
}

/** The same readers, answering from `cache` what it holds and keeping what AWS answers. */
export function incrementalReaders(readers: Readers, cache: ReadCache): Readers {
  const { ecs, ec2, elbv2, eks } = readers;
  return {
    ...readers,
    ecs: {
      ...ecs,
      taskDefinition(arn) {
        const hit = cache.immutable.get(arn) as ReturnType<typeof ecs.taskDefinition> | undefined;
        if (hit) return hit;
        const read = ecs.taskDefinition(arn);
        cache.immutable.set(arn, read);
        // Not kept when it could not be read: the next cycle asks again.
        void read.then(
          (td) => (td ? undefined : cache.immutable.delete(arn)),
          () => cache.immutable.delete(arn),
        );
        return read;
      },
    },
    ec2: {
      ...ec2,
      subnets: (ids) =>
        byIds(
          cache,
          'subnet',
          ids,
          (missing) => ec2.subnets(missing),
          (s) => s.SubnetId,
        ),
      vpcs: (ids) =>
        byIds(
          cache,
          'vpc',
          ids,
          (missing) => ec2.vpcs(missing),
          (v) => v.VpcId,
        ),
      routeTables: (vpcIds) => routeTablesOf(cache, readers, vpcIds),
    },
    elbv2: {
      ...elbv2,
      targetGroups: (arns) =>
        byIds(
          cache,
          'targetGroup',
          arns,
          (missing) => elbv2.targetGroups(missing),
          (t) => t.TargetGroupArn,
        ),
      loadBalancers: (arns) =>
        byIds(
          cache,
          'loadBalancer',
          arns,
          (missing) => elbv2.loadBalancers(missing),
          (l) => l.LoadBalancerArn,
        ),
      listeners: (arn) => listOf(cache, 'listeners', arn, () => elbv2.listeners(arn)),
      rules: (arn) => listOf(cache, 'rules', arn, () => elbv2.rules(arn)),
    },
    eks: {
      ...eks,
      nodegroups: (name) => listOf(cache, 'nodegroups', name, () => eks.nodegroups(name)),
      fargateProfiles: (name) => listOf(cache, 'fargateProfiles', name, () => eks.fargateProfiles(name)),
    },
  };
}
