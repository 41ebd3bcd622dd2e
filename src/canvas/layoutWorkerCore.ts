import { relayout, type Previous, type Relayout } from '../topology/layout/stableLayout';
import type { Graph } from '../topology/graph/types';

export interface LayoutRequest {
  id: number;
  graph: Graph;
  /** What the map drew last, so that what did not change stays where it was; absent for a fresh layout */
  previous?: Previous;
  /** Instead of `previous`: the request whose layout the map drew last, from the worker's own copy */
  previousId?: number;
}

export type LayoutReply =
  /** `routesKept`: the routes are those of the previous layout, left out of the reply (the page has them) */
  | { id: number; result: Relayout; routesKept?: true }
  /** The worker no longer holds the layout `previousId` named: ask again with the whole previous map */
  | { id: number; stale: true }
  | { id: number; error: string };

/** How many of its last layouts the worker keeps to be named by a later request. */
const KEPT = 3;

/**
 * The layout worker's work, apart from the worker: each request laid out against the map drawn last, which the page
 * either sends whole or names by the request that produced it. Naming it spares the page copying thousands of boxes
 * and the whole previous graph into the worker on every live update; routes kept from the previous layout go back
 * as a flag, so the page keeps its own routes object (and the label placements made for it).
 */
export function layoutHandler(): (request: LayoutRequest) => LayoutReply {
  const kept = new Map<number, Previous>();
  return ({ id, graph, previous, previousId }) => {
    const before = previous ?? (previousId === undefined ? undefined : kept.get(previousId));
    if (previousId !== undefined && !before) return { id, stale: true };
    try {
      const result = relayout(graph, before);
      kept.set(id, { graph, layout: result.layout });
      for (const old of kept.keys()) if (kept.size > KEPT) kept.delete(old);
      const { boxes, width, height, routes } = result.layout;
      if (!before?.layout.routes || routes !== before.layout.routes) return { id, result };
      return { id, result: { ...result, layout: { boxes, width, height } }, routesKept: true };
    } catch (e) {
      return { id, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
