import type { Graph } from '../topology/graph/types';
import { relayout, type Previous, type Relayout } from '../topology/layout/stableLayout';

export interface LayoutRequest {
  id: number;
  graph: Graph;
  /** What the map drew last, so that what did not change stays where it was; absent for a fresh layout */
  previous?: Previous;
}
export type LayoutReply = { id: number; result: Relayout } | { id: number; error: string };

// Packing is synchronous; it runs here so that a 5,000-task estate never holds up the page's own thread.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, previous } = event.data;
  let reply: LayoutReply;
  try {
    reply = { id, result: relayout(graph, previous) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
