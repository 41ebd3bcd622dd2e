import type { Graph } from '../topology/graph/types';
import { relayoutInPlace, type Previous, type Relayout } from '../topology/layout/stableLayout';

/**
 * Lays a graph out. With `previous` (the graph and layout drawn last), what did not change stays where it was
 * (`relayout`); without it, the graph is packed afresh.
 */
export type LayoutRunner = (graph: Graph, previous?: Previous) => Promise<Relayout>;

let runner: LayoutRunner | undefined;

/**
 * Where layouts run: the Web Worker in the served app, the main thread in the single-file viewer (a page opened
 * from file:// may not start workers). Set once by the entry point.
 */
export function setLayoutRunner(next: LayoutRunner): void {
  runner = next;
}

export function runLayout(graph: Graph, previous?: Previous): Promise<Relayout> {
  if (!runner) return Promise.reject(new Error('no layout runner was set'));
  return quickOr(runner)(graph, previous);
}

/**
 * A runner that first tries the quick step on this thread: a live update whose new tasks fit their free slots, with
 * every route as it was, is laid out here in a few milliseconds; anything that packs or routes goes to `slow`.
 */
export function quickOr(slow: LayoutRunner): LayoutRunner {
  return (graph, previous) => {
    const quick = previous ? relayoutInPlace(graph, previous) : undefined;
    return quick ? Promise.resolve(quick) : slow(graph, previous);
  };
}
