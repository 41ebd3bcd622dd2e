import type { Graph } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Layout } from '../topology/layout/types';

export interface LayoutRequest {
  id: number;
  graph: Graph;
}
export type LayoutReply = { id: number; layout: Layout } | { id: number; error: string };

// Packing is synchronous; it runs here so that a 5,000-task estate never holds up the page's own thread.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  let reply: LayoutReply;
  try {
    reply = { id, layout: layoutGraph(graph) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
