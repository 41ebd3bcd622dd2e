import type { LayoutReply, LayoutRequest } from './layout.worker';
import type { LayoutRunner } from './layoutRunner';

/**
 * Layouts in one Web Worker, started at page load so the worker (and ELK inside it) is up while the topology is
 * still being read. Replies are matched to requests by id.
 */
export function workerRunner(): LayoutRunner {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  return (graph) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (event: MessageEvent<LayoutReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        worker.removeEventListener('message', onMessage);
        if ('layout' in reply) resolve(reply.layout);
        else reject(new Error(reply.error));
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ id, graph } satisfies LayoutRequest);
    });
}
