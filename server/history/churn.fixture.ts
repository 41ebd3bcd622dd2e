import type { ResourceOf, Topology } from '../../src/topology/model';
import { changed, sibling, stoppedTask, tasksOf } from '../../src/topology/layout/stableChurn.fixture';

type Task = ResourceOf<'task'>;

/**
 * One minute of a live estate, for the history's tests and bench: `n` running tasks stop (ECS keeps listing them,
 * STOPPED), as many replacements start (PROVISIONING), the ones that started a minute ago are RUNNING now, and the
 * ones stopped a minute ago are no longer listed. The estate keeps its size, so a day of it stays comparable.
 */
export function churnMinute(t: Topology, n: number, cycle: number, fetchedAt: number): Topology {
  const tasks = tasksOf(t);
  const gone = tasks.filter((x) => x.lastStatus === 'STOPPED').map((x) => x.id);
  const started = tasks.filter((x) => x.lastStatus === 'PROVISIONING').map((x): Task => ({ ...x, lastStatus: 'RUNNING' }));
  const running = tasks.filter((x) => x.lastStatus === 'RUNNING');
  // Spread over the estate (a stride, not the first n) and different every cycle.
  const stride = Math.max(1, Math.floor(running.length / n));
  const stopping = running.filter((_, i) => (i + cycle) % stride === 0).slice(0, n);
  const replacements = stopping.map((x, i) => sibling(x, cycle * 10_000 + i));
  const next = changed(t, [...started, ...stopping.map(stoppedTask), ...replacements], new Set([...gone, ...stopping.map((x) => x.id)]));
  return { ...next, source: { ...next.source, fetchedAt } };
}

/** The estate at `fetchedAt`, nothing else changed. */
export const readAt = (t: Topology, fetchedAt: number): Topology => ({ ...t, source: { ...t.source, fetchedAt } });
