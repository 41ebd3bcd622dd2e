import type { RefreshPlan } from './budget';

/** Calls done of calls expected, in all and per service (ecs, ec2, elasticloadbalancing, eks, kube…). */
export interface ReadProgress {
  done: number;
  expected: number;
  byService: Record<string, { done: number; expected: number }>;
}

/** How fresh the map is, as the status bar says it: "Live · updated 8 s ago", "Reading… 120 of 410 calls", "Stale: …". */
export interface LiveStatus {
  state: 'live' | 'reading' | 'stale';
  /** The version the map is at (0 before the first read) */
  version: number;
  /** Epoch ms the last good read finished reading */
  updatedAt?: number;
  /** Why the last read failed, while the last good map stays */
  error?: string;
  progress?: ReadProgress;
  /** How often the watcher reads and what a cycle costs; absent when it reads only when asked */
  refresh?: RefreshPlan & { callsFullRead: number };
}

const serviceOf = (action: string) => action.split(':')[0] ?? action;

/**
 * Counts a read's calls as they finish against what the previous read of the same kind cost, so a long read
 * shows how far it has got. The first read has nothing to compare with: its expected count grows with it.
 */
export function progressTracker(previous: Readonly<Record<string, number>> | undefined) {
  const byService: ReadProgress['byService'] = {};
  for (const [action, calls] of Object.entries(previous ?? {})) {
    const s = (byService[serviceOf(action)] ??= { done: 0, expected: 0 });
    s.expected += calls;
  }
  let done = 0;
  return {
    call(action: string): void {
      done += 1;
      const s = (byService[serviceOf(action)] ??= { done: 0, expected: 0 });
      s.done += 1;
      s.expected = Math.max(s.expected, s.done);
    },
    snapshot(): ReadProgress {
      const services = Object.fromEntries(Object.entries(byService).map(([k, v]) => [k, { ...v }]));
      const expected = Object.values(services).reduce((a, v) => a + v.expected, 0);
      return { done, expected: Math.max(expected, done), byService: services };
    },
  };
}
