import type { Graph } from '../topology/graph/types';
import type { Previous, Relayout } from '../topology/layout/stableLayout';

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
  return runner(graph, previous);
}
