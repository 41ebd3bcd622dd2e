import { UsageError } from '../cli/usage';

/** serve's --refresh default: a live account or the demo every 30 s; a snapshot does not change. */
export const DEFAULT_REFRESH_MS = 30_000;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };
/** Below this a cycle is mostly overhead, and every viewer's browser re-renders for nothing. */
const MIN_REFRESH_MS = 100;

/** --refresh <interval>: "30s", "200ms", "2m", a bare number of seconds, or "off" (read only when asked). */
export function parseRefresh(value: string | undefined, source: string | undefined): number | undefined {
  if (value === undefined) return source === 'snapshot' ? undefined : DEFAULT_REFRESH_MS;
  if (value === 'off') return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  const ms = m ? Math.round(Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1_000)) : NaN;
  if (!Number.isFinite(ms) || ms < MIN_REFRESH_MS) {
    throw new UsageError(`--refresh takes an interval of at least ${MIN_REFRESH_MS} ms, such as 30s, 500ms or 2m, or off; not "${value}".`);
  }
  return ms;
}

/** --api-budget <fraction>: the share of each AWS throttle bucket the watcher may spend, above 0 and at most 1. */
export function parseApiBudget(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const share = value.trim().endsWith('%') ? Number(value.trim().slice(0, -1)) / 100 : Number(value);
  if (value.trim() === '' || !Number.isFinite(share) || share <= 0 || share > 1) {
    throw new UsageError(`--api-budget takes a share of each AWS throttle bucket above 0 and at most 1 (such as 0.25 or 25%), not "${value}".`);
  }
  return share;
}
