import type { HistorySummary } from '../api';

/** Where the scrubber stands: at a kept moment (epoch ms), or at its right end, the live estate. */
export type Position = { kind: 'at'; at: number } | { kind: 'live' };

export const LIVE: Position = { kind: 'live' };
export const at = (epochMs: number): Position => ({ kind: 'at', at: epochMs });

/**
 * The span the scrubber draws: from the oldest moment kept to the live read. Not from the retention horizon: a
 * server started a minute ago keeps a minute, and a week's scale would crush it into the live end.
 */
export function spanOf(history: HistorySummary): { from: number; to: number } {
  const from = history.captures.reduce((oldest, c) => Math.min(oldest, c.at), history.live.at);
  return { from, to: Math.max(from + 1, history.live.at) };
}

/**
 * The moments the scrubber can stand on: each capture (the estate only changes at one), oldest first. Between two
 * captures the estate is the earlier one's, so nothing is lost by stopping only there.
 */
export function stopsOf(history: HistorySummary): number[] {
  return [...new Set(history.captures.map((c) => c.at))].sort((a, b) => a - b);
}

/** The stop nearest the time under the pointer; past the last capture, nearer the live end than to it: live. */
export function nearest(stops: readonly number[], liveAt: number, time: number): Position {
  let best: number | undefined;
  for (const s of stops) if (best === undefined || Math.abs(s - time) < Math.abs(best - time)) best = s;
  if (best === undefined || Math.abs(liveAt - time) < Math.abs(best - time)) return LIVE;
  return at(best);
}

/** How far Page Up / Page Down move, in captures. */
export const PAGE = 10;

/**
 * The slider's keys, as the ARIA slider pattern has them: arrows one capture, Page Up/Down ten, Home the oldest kept,
 * End the live estate. Undefined for any other key (the browser keeps it). Left of live is the newest capture.
 */
export function keyStep(stops: readonly number[], from: Position, key: string): Position | undefined {
  const last = stops.length - 1;
  const index = from.kind === 'live' ? stops.length : indexAtOrBefore(stops, from.at);
  const move = (to: number): Position => (to > last ? LIVE : at(stops[Math.max(0, to)] ?? 0));
  if (last < 0) return key === 'End' ? LIVE : undefined;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return move(index - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return move(index + 1);
    case 'PageDown':
      return move(index - PAGE);
    case 'PageUp':
      return move(index + PAGE);
    case 'Home':
      return move(0);
    case 'End':
      return LIVE;
    default:
      return undefined;
  }
}

/** The index of the last stop at or before `time` (0 when it is before them all). */
function indexAtOrBefore(stops: readonly number[], time: number): number {
  let i = 0;
  for (let k = 0; k < stops.length; k++) if ((stops[k] ?? Infinity) <= time) i = k;
  return i;
}

/** Where a position sits along the track, 0 (oldest) to 1 (live). */
export function fraction(span: { from: number; to: number }, position: Position): number {
  if (position.kind === 'live') return 1;
  return Math.min(1, Math.max(0, (position.at - span.from) / (span.to - span.from)));
}
