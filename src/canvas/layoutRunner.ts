import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';

export type LayoutRunner = (graph: Graph) => Promise<Layout>;

let runner: LayoutRunner | undefined;

/**
 * Where layouts run: the Web Worker in the served app, the main thread in the single-file viewer (a page opened
 * from file:// may not start workers). Set once by the entry point.
 */
export function setLayoutRunner(next: LayoutRunner): void {
  runner = next;
}

export function runLayout(graph: Graph): Promise<Layout> {
  if (!runner) return Promise.reject(new Error('no layout runner was set'));
  return runner(graph);
}
