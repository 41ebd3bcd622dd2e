import { z } from 'zod';
import { ReadError, ReadStats, Resource, SourceInfo, Topology } from '../model';

/**
 * The live map's wire format: one topology version to the next as the resources added, removed and changed (by id),
 * what else the read said (source, errors, stats), and the changes a person would want told, in words.
 *
 * Versions rise by one per read that changed anything; an event stream sends `id: <to>` so a browser that
 * reconnects with Last-Event-ID resumes from the version it holds.
 */

/** Something that happened between two reads, as the Changes feed lists it; `subject` is the resource to show. */
export const ChangeKind = z.enum([
  'taskStarted',
  'taskStopped',
  'podStarted',
  'podStopped',
  'podRestarted',
  'targetUnhealthy',
  'targetHealthy',
  'deploymentStarted',
  'deploymentCompleted',
  'deploymentFailed',
  'deploymentRolledBack',
  'serviceScaled',
  'workloadScaled',
  /** A task's container health check (DescribeTasks: healthStatus) failing or passing again */
  'healthChanged',
  /** A service or workload created or gone */
  'resourceAdded',
  'resourceRemoved',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const ChangeEvent = z.object({
  /**
   * Stable across re-deliveries: `${read time}:${kind}:${subject}`, with `#${part}` when one subject has several
   * changes of a kind in one read (a target of a target group, a deployment of a service)
   */
  id: z.string(),
  kind: ChangeKind,
  /** The resource the change is about (a task, pod, target group, service or workload id) */
  subject: z.string(),
  /** Its owner when that is what a person knows it by (a task's service, a pod's workload) */
  owner: z.string().optional(),
  severity: z.enum(['info', 'warning', 'critical']),
  /** One line, its owner first: "cart: task 3f9a1b2c… stopped: Essential container in task exited (EssentialContainerExited; cart exit 137)" */
  message: z.string(),
  /** Epoch ms: when AWS says it happened when it says so (stoppedAt, updatedAt), else the read's fetchedAt */
  at: z.number(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const TopologyPatch = z
  .object({
    /** The version this patch applies to */
    from: z.number().int().nonnegative(),
    /** The version it makes: from + 1 */
    to: z.number().int().positive(),
    /** Resources new in `to`, whole */
    added: z.array(Resource),
    /** Ids of resources gone in `to` */
    removed: z.array(z.string()),
    /** Resources whose content differs, whole as they are in `to` (a replacement, not a field diff) */
    changed: z.array(Resource),
    /** The read's own fields, always sent whole (small) */
    source: SourceInfo,
    errors: z.array(ReadError),
    stats: ReadStats,
    changes: z.array(ChangeEvent),
  })
  .refine((p) => p.to === p.from + 1, { message: 'a patch goes from one version to the next', path: ['to'] });
export type TopologyPatch = z.infer<typeof TopologyPatch>;

/**
 * What a stream starts with, and what a browser too far behind receives instead of patches: a whole topology and
 * its version. The topology keeps its own schema; the version lives beside it, not in it.
 */
export const VersionedTopology = z.object({
  version: z.number().int().nonnegative(),
  topology: Topology,
});
export type VersionedTopology = z.infer<typeof VersionedTopology>;
