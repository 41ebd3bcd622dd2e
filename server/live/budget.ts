import { bucketFor, bucketSpec } from '../sources/aws/limits';

/** The default share of each AWS throttle bucket the watcher spends (serve --api-budget). */
export const DEFAULT_API_BUDGET = 0.25;

/** The IAM prefix of each service whose calls draw from a throttle bucket (limits.ts); Kubernetes calls do not. */
const SERVICE_OF_PREFIX: Record<string, 'ecs' | 'ec2' | 'elbv2' | 'eks'> = { ecs: 'ecs', ec2: 'ec2', elasticloadbalancing: 'elbv2', eks: 'eks' };

export interface RefreshPlan {
  /** Start to start: the asked interval, or longer when one cycle's calls would spend more than the budget in it */
  everyMs: number;
  askedMs: number;
  stretched: boolean;
  /** The calls the last cycle made */
  callsPerCycle: number;
  /** The bucket that sets the pace: its most called action, its calls per cycle and its sustained rate */
  limiting?: { action: string; calls: number; refillPerSecond: number };
  /** One line for the status bar: "refreshing every 75 s (30 s asked): 1,040 calls per cycle at 25 % of DescribeTasks' 20/s" */
  message: string;
}

const n = (x: number) => x.toLocaleString('en-US');
/** Whole seconds as such, shorter intervals to a tenth: "30 s", "0.2 s" */
const s = (ms: number) => `${n(ms % 1000 === 0 ? ms / 1000 : Math.round(ms / 100) / 10)} s`;

/**
 * How often a watcher may read when a cycle costs `calls` (IAM action → calls, as a topology's stats count them)
 * and it may spend `budget` of each bucket's sustained rate: each bucket's calls over its budgeted rate is the
 * shortest cycle that keeps within it; the slowest bucket sets the pace. Pure.
 */
export function planRefresh(calls: Readonly<Record<string, number>>, askedMs: number, budget: number): RefreshPlan {
  const buckets = new Map<string, { calls: number; refillPerSecond: number; top: { action: string; calls: number } }>();
  let callsPerCycle = 0;
  for (const [action, count] of Object.entries(calls)) {
    callsPerCycle += count;
    const [prefix = '', operation = ''] = action.split(':');
    const service = SERVICE_OF_PREFIX[prefix];
    if (!service) continue;
    const { spec, key } = bucketFor(service, operation);
    const bucket = buckets.get(key) ?? { calls: 0, refillPerSecond: bucketSpec(spec).refillPerSecond, top: { action: operation, calls: 0 } };
    bucket.calls += count;
    if (count > bucket.top.calls) bucket.top = { action: operation, calls: count };
    buckets.set(key, bucket);
  }
  let slowest: { ms: number; action: string; calls: number; refillPerSecond: number } | undefined;
  for (const b of buckets.values()) {
    const ms = Math.ceil((b.calls / (b.refillPerSecond * budget)) * 1000);
    if (!slowest || ms > slowest.ms) slowest = { ms, action: b.top.action, calls: b.calls, refillPerSecond: b.refillPerSecond };
  }
  const stretched = slowest !== undefined && slowest.ms > askedMs;
  const everyMs = stretched && slowest ? Math.ceil(slowest.ms / 1000) * 1000 : askedMs;
  const pct = `${n(Math.round(budget * 100))} %`;
  const message =
    stretched && slowest
      ? `refreshing every ${s(everyMs)} (${s(askedMs)} asked): ${n(slowest.calls)} calls per cycle at ${pct} of ${slowest.action}' ${n(slowest.refillPerSecond)}/s`
      : `refreshing every ${s(everyMs)}: ${n(callsPerCycle)} calls per cycle, within ${pct} of each AWS throttle bucket`;
  return {
    everyMs,
    askedMs,
    stretched,
    callsPerCycle,
    ...(slowest ? { limiting: { action: slowest.action, calls: slowest.calls, refillPerSecond: slowest.refillPerSecond } } : {}),
    message,
  };
}
