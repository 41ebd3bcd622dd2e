import { z } from 'zod';

/**
 * How fresh the live map is, as the server's watcher tells every viewer (`event: status` on /api/events) and the
 * status bar says it: "Live · updated 8 s ago", "Reading… 412 of 1,040 calls", "Stale · last good read …: <error>".
 */

const Calls = z.object({ done: z.number().int().nonnegative(), expected: z.number().int().nonnegative() });

/** Calls done of calls expected, in all and per service (ecs, ec2, elasticloadbalancing, eks, kube…). */
export const ReadProgress = Calls.extend({ byService: z.record(z.string(), Calls) });
export type ReadProgress = z.infer<typeof ReadProgress>;

/** How often the watcher reads and what a cycle costs (server/live/budget.ts plans it). */
export const RefreshPlan = z.object({
  /** Start to start: the asked interval, or longer when one cycle's calls would spend more than the budget in it */
  everyMs: z.number().nonnegative(),
  askedMs: z.number().nonnegative(),
  stretched: z.boolean(),
  /** The calls the last cycle made */
  callsPerCycle: z.number().int().nonnegative(),
  /** The bucket that sets the pace: its most called action, its calls per cycle and its sustained rate */
  limiting: z.object({ action: z.string(), calls: z.number(), refillPerSecond: z.number() }).optional(),
  /** One line for the status bar: "refreshing every 75 s (30 s asked): 1,040 calls per cycle at 25 % of DescribeTasks' 20/s" */
  message: z.string(),
  /** What the first, full read cost */
  callsFullRead: z.number().int().nonnegative(),
});
export type RefreshPlan = z.infer<typeof RefreshPlan>;

export const LiveStatus = z.object({
  state: z.enum(['live', 'reading', 'stale']),
  /** The version the map is at (0 before the first read) */
  version: z.number().int().nonnegative(),
  /** Epoch ms the last good read finished reading */
  updatedAt: z.number().optional(),
  /** Why the last read failed, while the last good map stays */
  error: z.string().optional(),
  progress: ReadProgress.optional(),
  /** Absent when the watcher reads only when asked (a snapshot) */
  refresh: RefreshPlan.optional(),
});
export type LiveStatus = z.infer<typeof LiveStatus>;
