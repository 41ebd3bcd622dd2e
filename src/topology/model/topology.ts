import { z } from 'zod';
import { Resource, type ResourceKind, type ResourceOf } from './resources';

/**
 * 2: pod start times in epoch milliseconds, as every other time (1 held them in seconds).
 * 3: source.fetchedAt in epoch milliseconds (2 held ISO-8601 text).
 * 4: a subnet's default route (target, its id, blackhole, the table) beside `public` (3 held `public` alone).
 */
export const SCHEMA_VERSION = 4;

export const SourceInfo = z.object({
  /** aws: a real account; demo: the built-in estate read from the in-process fake AWS; snapshot: a saved file */
  kind: z.enum(['aws', 'demo', 'snapshot']),
  /** What the status bar shows, e.g. "Demo estate (simulated AWS)" or "profile prod" */
  label: z.string(),
  region: z.string(),
  /** STS is not called (read-only, no extra permission); the account comes from the ARNs read */
  accountId: z.string().optional(),
  /** When the read finished, in epoch milliseconds like every time in the model (the proxy's clock, not an AWS field) */
  fetchedAt: z.number(),
});

/** What could not be read: drawn in the status bar with the IAM action to grant, never a blank map. */
export const ReadError = z.object({
  /** e.g. elasticloadbalancing:DescribeTargetHealth, also the IAM action the call needs */
  api: z.string(),
  /** the resource the call was about (an ARN or id), when there was one */
  resource: z.string().optional(),
  /** the AWS error code, e.g. AccessDenied, ThrottlingException */
  code: z.string(),
  message: z.string(),
  /** what to do about it, in one sentence */
  hint: z.string(),
});

export const ReadStats = z.object({
  /** AWS calls per operation, e.g. { "ecs:DescribeTasks": 3 } (attempts beyond the first counted in retries) */
  calls: z.record(z.string(), z.number()),
  /** Retries the SDK made (throttling and transient faults) */
  retries: z.number(),
  durationMs: z.number(),
});

export const Topology = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceInfo,
  /** Flat map of every resource by id (ARN or AWS id) */
  resources: z.record(z.string(), Resource),
  errors: z.array(ReadError),
  stats: ReadStats,
});

export type SourceInfo = z.infer<typeof SourceInfo>;
export type ReadError = z.infer<typeof ReadError>;
export type ReadStats = z.infer<typeof ReadStats>;
export type Topology = z.infer<typeof Topology>;

/** Per resources object: its resources grouped by kind, in id order. Topologies are never mutated once built. */
const byKind = new WeakMap<Topology['resources'], Map<ResourceKind, Resource[]>>();

/** Resources of one kind, in id order so every consumer sees the same stable order. */
const byId = (a: Resource, b: Resource) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two lists in id order as one. */
function merge(a: readonly Resource[], b: readonly Resource[]): Resource[] {
  const out: Resource[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byId(x, y) <= 0)) {
      if (x !== undefined) out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * Pure: a new resources record, `resources` with `put` added or replacing by id and without the ids in `drop`.
 * When the old record was indexed by kind (resourcesOf), the new one's index is derived from it, touching only the
 * kinds that changed: a live patch of a hundred tasks does not sort ten thousand ids again.
 */
export function replaceResources(resources: Topology['resources'], put: readonly Resource[], drop: Iterable<string>): Topology['resources'] {
  const next = { ...resources };
  const touched = new Map<ResourceKind, { out: Set<string>; in: Map<string, Resource> }>();
  const touch = (kind: ResourceKind) => {
    let t = touched.get(kind);
    if (!t) touched.set(kind, (t = { out: new Set(), in: new Map() }));
    return t;
  };
  for (const id of drop) {
    const was = next[id];
    if (!was) continue;
    delete next[id];
    touch(was.kind).out.add(id);
    touched.get(was.kind)?.in.delete(id);
  }
  for (const r of put) {
    const was = next[r.id];
    if (was) touch(was.kind).out.add(r.id);
    if (was && was.kind !== r.kind) touched.get(was.kind)?.in.delete(r.id);
    next[r.id] = r;
    touch(r.kind).in.set(r.id, r);
  }
  const old = byKind.get(resources);
  if (old) {
    const index = new Map(old);
    for (const [kind, t] of touched) {
      const kept = (old.get(kind) ?? []).filter((r) => !t.out.has(r.id));
      const list = merge(kept, [...t.in.values()].sort(byId));
      if (list.length) index.set(kind, list);
      else index.delete(kind);
    }
    byKind.set(next, index);
  }
  return next;
}

/** Whether any resource matches, looking no further than the first that does (no list of them is made). */
export function someResource(topology: Topology, test: (r: Resource) => boolean): boolean {
  for (const id in topology.resources) {
    const r = topology.resources[id];
    if (r && test(r)) return true;
  }
  return false;
}

export function resourcesOf<K extends ResourceKind>(topology: Topology, kind: K): ResourceOf<K>[] {
  return [...kindList(topology, kind)];
}

/**
 * The resources of one kind in id order, the cached list itself: for a caller that only reads it (resourcesOf hands
 * out a copy to sort or change).
 */
export function kindList<K extends ResourceKind>(topology: Topology, kind: K): readonly ResourceOf<K>[] {
  let index = byKind.get(topology.resources);
  if (!index) {
    index = new Map();
    for (const id of Object.keys(topology.resources).sort()) {
      const r = topology.resources[id];
      if (!r) continue;
      const list = index.get(r.kind);
      if (list) list.push(r);
      else index.set(r.kind, [r]);
    }
    byKind.set(topology.resources, index);
  }
  return (index.get(kind) ?? []) as ResourceOf<K>[];
}

export function resourceOf<K extends ResourceKind>(topology: Topology, kind: K, id: string | undefined): ResourceOf<K> | undefined {
  if (id === undefined) return undefined;
  const r = topology.resources[id];
  return r && r.kind === kind ? (r as ResourceOf<K>) : undefined;
}

export function indexResources(list: readonly Resource[]): Record<string, Resource> {
  const out: Record<string, Resource> = {};
  for (const r of list) out[r.id] = r;
  return out;
}
