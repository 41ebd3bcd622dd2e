import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../topology/graph/types';
import type { Previous } from '../topology/layout/stableLayout';
import type { Layout } from '../topology/layout/types';
import { latestOnly } from './latestOnly';
import { runLayout } from './layoutRunner';
import { keepFrom, type Drawn } from './stableMap';

export type LayoutState =
  | { kind: 'pending' }
  /** `repacked`: the boxes this layout had to pack afresh to fit what arrived (empty for a fresh layout) */
  | { kind: 'ready'; graph: Graph; layout: Layout; repacked: string[] }
  | { kind: 'error'; message: string };

interface Request {
  graph: Graph;
  previous: Previous | undefined;
  key: string;
}

/**
 * Lays the graph out off the render path; a result for an older graph is dropped, never drawn over a newer one.
 * Each layout keeps what did not change where the last one put it, while `key` (how the map is looked at: view,
 * opened topology, Tidy count) stays the same; a new key asks for a fresh layout.
 */
export function useLayout(graph: Graph | undefined, key: string): LayoutState {
  const [request] = useState(() => latestOnly((r: Request) => runLayout(r.graph, r.previous)));
  const [state, setState] = useState<LayoutState>({ kind: 'pending' });
  const drawn = useRef<Drawn | undefined>(undefined);

  useEffect(() => {
    if (!graph) return;
    performance.mark('fleetmap:graph');
    request({ graph, previous: keepFrom(drawn.current, key), key }, (asked, outcome) => {
      if (!outcome.ok) {
        setState({ kind: 'error', message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
        return;
      }
      performance.mark('fleetmap:layout');
      const { layout, repacked } = outcome.value;
      drawn.current = { graph: asked.graph, layout, key: asked.key };
      setState({ kind: 'ready', graph: asked.graph, layout, repacked });
    });
  }, [graph, key, request]);

  return state;
}
