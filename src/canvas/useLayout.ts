import { useEffect, useState } from 'react';
import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import { latestOnly } from './latestOnly';
import { runLayout } from './layoutRunner';

export type LayoutState = { kind: 'pending' } | { kind: 'ready'; graph: Graph; layout: Layout } | { kind: 'error'; message: string };

/** Lays the graph out off the render path; a result for an older graph is dropped, never drawn over a newer one. */
export function useLayout(graph: Graph | undefined): LayoutState {
  const [request] = useState(() => latestOnly((g: Graph) => runLayout(g)));
  const [state, setState] = useState<LayoutState>({ kind: 'pending' });

  useEffect(() => {
    if (!graph) return;
    performance.mark('fleetmap:graph');
    request(graph, (laid, outcome) => {
      if (!outcome.ok) {
        setState({ kind: 'error', message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
        return;
      }
      performance.mark('fleetmap:layout');
      setState({ kind: 'ready', graph: laid, layout: outcome.value });
    });
  }, [graph, request]);

  return state;
}
