import type { Graph } from '../graph/types';
import { absoluteBoxes } from './absolute';
import type { Layout } from './types';

/**
 * Pure: which of `unchangedIds` are not where they were, in absolute position or size (or are gone), in the order
 * given. What the live map promises is that this stays empty while the estate changes within the room it has.
 */
export function movedNodes(prevLayout: Layout, nextLayout: Layout, unchangedIds: Iterable<string>): string[] {
  const was = absoluteBoxes(prevLayout);
  const now = absoluteBoxes(nextLayout);
  const out: string[] = [];
  for (const id of unchangedIds) {
    const a = was.get(id);
    const b = now.get(id);
    if (!a || !b || a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height) out.push(id);
  }
  return out;
}

/** Pure: the nodes of `next` that `prev` drew too, as the same kind in the same box: those the layout keeps in place. */
export function keptNodes(prev: Graph, next: Graph): string[] {
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  return next.nodes.filter((n) => before.get(n.id)?.kind === n.kind && before.get(n.id)?.parent === n.parent).map((n) => n.id);
}
