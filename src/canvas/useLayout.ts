import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import { runLayout } from './layoutRunner';

export type LayoutState = { kind: 'pending' } | { kind: 'ready'; graph: Graph; layout: Layout } | { kind: 'error'; message: string };

/** Lays the graph out off the render path; a result for an older graph is dropped, never drawn over a newer one. */
export function useLayout(graph: Graph | undefined): LayoutState {
  const latest = useRef<Graph | undefined>(undefined);
  const [state, setState] = useState<LayoutState>({ kind: 'pending' });

  useEffect(() => {
    if (!graph) return;
    latest.current = graph;
    performance.mark('fleetmap:graph');
    runLayout(graph).then(
      (layout) => {
        if (latest.current !== graph) return;
        performance.mark('fleetmap:layout');
        setState({ kind: 'ready', graph, layout });
      },
      (e: unknown) => {
        if (latest.current === graph) setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }, [graph]);

  return state;
}
