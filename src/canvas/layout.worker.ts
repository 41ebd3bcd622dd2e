import ELK from 'elkjs/lib/elk.bundled.js';
import type { Graph } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { ELK_BAND_OPTIONS } from '../topology/layout/sizes';
import type { Layout } from '../topology/layout/types';

export interface LayoutRequest {
  id: number;
  graph: Graph;
}
export type LayoutReply = { id: number; layout: Layout } | { id: number; error: string };

const elk = new ELK();
// A first tiny layout compiles ELK's hot paths before the real graph arrives.
void elk.layout({
  id: 'warm',
  layoutOptions: ELK_BAND_OPTIONS,
  children: [
    { id: 'a', width: 10, height: 10 },
    { id: 'b', width: 10, height: 10 },
  ],
  edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
});

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  layoutGraph(graph, elk).then(
    (layout) => self.postMessage({ id, layout } satisfies LayoutReply),
    (e: unknown) => self.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies LayoutReply),
  );
};
