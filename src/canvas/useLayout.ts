import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import type { LayoutReply, LayoutRequest } from './layout.worker';

export type LayoutState = { kind: 'pending' } | { kind: 'ready'; graph: Graph; layout: Layout } | { kind: 'error'; message: string };

/** Lays the graph out in a Web Worker; a reply for an older graph is dropped, never drawn over a newer one. */
export function useLayout(graph: Graph | undefined): LayoutState {
  const worker = useRef<Worker | undefined>(undefined);
  const latest = useRef(0);
  const graphs = useRef(new Map<number, Graph>());
  const [state, setState] = useState<LayoutState>({ kind: 'pending' });

  useEffect(() => {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      const g = graphs.current.get(reply.id);
      graphs.current.delete(reply.id);
      if (reply.id !== latest.current || !g) return;
      setState('layout' in reply ? { kind: 'ready', graph: g, layout: reply.layout } : { kind: 'error', message: reply.error });
    };
    worker.current = w;
    return () => w.terminate();
  }, []);

  useEffect(() => {
    if (!graph || !worker.current) return;
    const id = ++latest.current;
    graphs.current.set(id, graph);
    worker.current.postMessage({ id, graph } satisfies LayoutRequest);
  }, [graph]);

  return state;
}
