import type { Capture } from '../api';

/** One bar of the timeline: a stretch of time and how much changed in it. */
export interface DensityBar {
  /** Epoch ms the bucket starts at (inclusive) and ends at (exclusive; the last bucket includes its end) */
  from: number;
  to: number;
  /** Resources added, removed or changed by the captures in the bucket */
  weight: number;
  captures: number;
  /** The bar's height, 0 to 1 of the busiest bucket's; a bucket with any change stays visible (at least MIN_HEIGHT) */
  height: number;
}

export const MIN_HEIGHT = 0.12;

/** What a capture counts for: the resources it touched, else (only the read's own fields moved) its change events. */
const weightOf = (c: Capture): number => c.added + c.removed + c.changed || c.changes;

/**
 * The change density of `captures` over [from, to] in `buckets` equal bars. Pure; captures outside the span are
 * left out. Heights grow with the square root of the weight, so one deploy's burst does not flatten a day of churn.
 */
export function densityBars(captures: readonly Capture[], from: number, to: number, buckets: number): DensityBar[] {
  const n = Math.max(1, Math.floor(buckets));
  const span = Math.max(1, to - from);
  const bars = Array.from({ length: n }, (_, i) => ({ from: from + (span * i) / n, to: from + (span * (i + 1)) / n, weight: 0, captures: 0, height: 0 }));
  for (const c of captures) {
    if (c.at < from || c.at > to) continue;
    const bar = bars[Math.min(n - 1, Math.floor(((c.at - from) / span) * n))];
    if (!bar) continue;
    bar.weight += weightOf(c);
    bar.captures += 1;
  }
  const max = Math.sqrt(Math.max(0, ...bars.map((b) => b.weight)));
  for (const b of bars) b.height = b.weight === 0 || max === 0 ? 0 : Math.max(MIN_HEIGHT, Math.sqrt(b.weight) / max);
  return bars;
}
