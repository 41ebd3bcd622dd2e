import ELK from 'elkjs/lib/elk.bundled.js';
import type { Graph } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Layout } from '../topology/layout/types';

export interface LayoutRequest {
  id: number;
  graph: Graph;
}
export type LayoutReply = { id: number; layout: Layout } | { id: number; error: string };

const elk = new ELK();

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  layoutGraph(graph, elk).then(
    (layout) => self.postMessage({ id, layout } satisfies LayoutReply),
    (e: unknown) => self.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies LayoutReply),
  );
};
