import type { LiveStatus } from '../topology/live/status';
import { formatTime } from '../topology/present/format';

/** What the status bar says of the map's freshness, and how it looks (live, reading, stale). */
export interface Freshness {
  tone: LiveStatus['state'];
  /** "Live · updated 8 s ago", "Reading… 412 of 1,040 calls (ecs 300/600 · ec2 112/440)", "Stale · last good read 3 min ago: …" */
  text: string;
  /** The refresh plan's message when the interval was stretched to keep within the API budget */
  plan: string | undefined;
  /** The exact time, for the tooltip */
  title: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/** "just now", "8 s ago", "3 min ago", "2 h ago": coarse enough to read at a glance, fine enough to see it tick. */
export function ago(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

function progressText(progress: LiveStatus['progress']): string {
  if (!progress) return 'Reading…';
  const services = Object.entries(progress.byService)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => `${name} ${n(c.done)}/${n(c.expected)}`);
  return `Reading… ${n(progress.done)} of ${n(progress.expected)} calls${services.length ? ` (${services.join(' · ')})` : ''}`;
}

/** The status bar's words for a status at `now` (epoch ms). Pure. */
export function freshness(status: LiveStatus, now: number): Freshness {
  const { updatedAt, error } = status;
  const since = updatedAt === undefined ? undefined : ago(now - updatedAt);
  const plan = status.refresh?.stretched ? status.refresh.message : undefined;
  const title = updatedAt === undefined ? 'No read has finished yet' : `Last good read ${formatTime(updatedAt)}`;
  switch (status.state) {
    case 'live':
      return { tone: 'live', text: `Live · updated ${since ?? 'just now'}`, plan, title };
    case 'reading':
      // A read after a failed one: the map is still the last good one until this read succeeds.
      return { tone: error ? 'stale' : 'reading', text: `${progressText(status.progress)}${error ? ` · stale: ${error}` : ''}`, plan, title };
    case 'stale':
      return { tone: 'stale', text: `Stale · ${since ? `last good read ${since}` : 'no good read yet'}: ${error ?? 'the last read failed'}`, plan, title };
  }
}
