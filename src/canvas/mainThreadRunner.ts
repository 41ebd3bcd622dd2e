import { relayout } from '../topology/layout/stableLayout';
import type { LayoutRunner } from './layoutRunner';

/** Layouts on the page's own thread, for the offline viewer where no worker can start. */
export function mainThreadRunner(): LayoutRunner {
  // A runner answers with a promise, as a worker does; a throw becomes a rejection, as a worker's error does.
  return (graph, previous) => Promise.resolve(graph).then((g) => relayout(g, previous));
}
