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
export function resourcesOf<K extends ResourceKind>(topology: Topology, kind: K): ResourceOf<K>[] {
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
  return [...((index.get(kind) ?? []) as ResourceOf<K>[])];
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
