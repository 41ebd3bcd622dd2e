import { createContext, useContext } from 'react';
import { useStore } from '../app/store';
import { nodeFocus, type FocusIndex, type LitBy, type NodeFocus } from './focus';

/** The drawn graph's focus index, provided by the map so nodes can resolve the selection to a service or workload. */
export const FocusIndexContext = createContext<FocusIndex>(new Map());

/**
 * A node's own selected or dimmed state, read from the store inside the node: the node list does not change when
 * the selection does, and the selector returns a string, so only the nodes whose state changed re-render.
 */
export function useNodeFocus(id: string, litBy?: LitBy): NodeFocus {
  const index = useContext(FocusIndexContext);
  const ownerId = litBy?.ownerId;
  const dims = litBy !== undefined;
  return useStore((s) => nodeFocus(index, s.selected, id, dims ? { ownerId } : undefined));
}
