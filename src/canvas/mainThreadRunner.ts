import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { LayoutRunner } from './layoutRunner';

/** Layouts on the page's own thread, for the offline viewer where no worker can start. */
export function mainThreadRunner(): LayoutRunner {
  const elk = new ELK();
  return (graph) => layoutGraph(graph, elk);
}
