import type { LiveStatus, ReadProgress } from '../../src/topology/live/status';

// The wire shapes live in the core, where the browser parses them; the server only builds them.
export type { LiveStatus, ReadProgress };

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
