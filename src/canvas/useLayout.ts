import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import type { LayoutReply, LayoutRequest } from './layout.worker';

export type LayoutState = { kind: 'pending' } | { kind: 'ready'; graph: Graph; layout: Layout } | { kind: 'error'; message: string };

let shared: Worker | undefined;

/**
 * The layout worker, started once. Called at page load so the worker (and ELK inside it) is up while the
 * topology is still being read, not after it arrives.
 */
export function layoutWorker(): Worker {
  shared ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  return shared;
}

let nextId = 0;

/** Lays the graph out in the Web Worker; a reply for an older graph is dropped, never drawn over a newer one. */
export function useLayout(graph: Graph | undefined): LayoutState {
  const latest = useRef(0);
  const [state, setState] = useState<LayoutState>({ kind: 'pending' });

  useEffect(() => {
    if (!graph) return;
    const worker = layoutWorker();
    const id = ++nextId;
    latest.current = id;
    performance.mark('fleetmap:graph');
    const onMessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (latest.current !== id) return;
      performance.mark('fleetmap:layout');
      setState('layout' in reply ? { kind: 'ready', graph, layout: reply.layout } : { kind: 'error', message: reply.error });
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, graph } satisfies LayoutRequest);
    return () => worker.removeEventListener('message', onMessage);
  }, [graph]);

  return state;
}
