import type { GraphEdge } from '../graph/types';
import { edgeEnds, edgePoints } from '../present/edges';
import { absoluteBoxes } from './absolute';
import type { Point } from './routePath';
import type { Layout } from './types';

/**
 * The geometry drawn before edges were routed (down from the source's bottom centre, across at mid-height, down to
 * the target's top centre), for tests that show the route checks catch what it got wrong.
 */
export function midHeight(edges: readonly GraphEdge[], layout: Layout): Map<string, Point[]> {
  const abs = absoluteBoxes(layout);
  const out = new Map<string, Point[]>();
  for (const e of edges) {
    const [s, t] = [abs.get(e.source), abs.get(e.target)];
    if (s && t) out.set(e.id, edgePoints(edgeEnds(s, t)));
  }
  return out;
}
