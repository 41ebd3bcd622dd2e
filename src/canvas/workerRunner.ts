import type { Graph } from '../topology/graph/types';
import type { Previous, Relayout } from '../topology/layout/stableLayout';
import type { Layout } from '../topology/layout/types';
import type { LayoutReply, LayoutRequest } from './layoutWorkerCore';
import type { LayoutRunner } from './layoutRunner';

/** What the runner needs of a Web Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: LayoutRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerRunnerOptions {
  spawn: () => WorkerLike;
  /** The runner to use once the worker has failed too often: layouts on the page's own thread */
  fallback: () => Promise<LayoutRunner>;
  /** Told once, when layouts move to the fallback, with what went wrong */
  onFallback: (reason: string) => void;
  /** Fresh workers to try after the first one fails, before falling back (default 1) */
  respawns?: number;
}

interface Pending {
  graph: Graph;
  previous: Previous | undefined;
  resolve: (result: Relayout) => void;
  reject: (error: Error) => void;
}

/** What a worker's `error` event says: a load failure (a 404, a CSP refusal) carries no message. */
function failureReason(event: Event): string {
  const message = 'message' in event && typeof event.message === 'string' && event.message ? event.message : undefined;
  if (event.type === 'messageerror') return 'a layout could not be passed back from the layout worker';
  return message ? `the layout worker crashed: ${message}` : 'the layout worker could not be loaded';
}

/**
 * Layouts in a Web Worker, replies matched to requests by id. A worker that fails to load or crashes (an `error`
 * or `messageerror` event) is replaced and the layouts it held are sent to the new one; if that fails too, every
 * layout, pending and future, runs on the fallback, so "Laying out…" never waits on a dead worker.
 */
export function resilientWorkerRunner(options: WorkerRunnerOptions): LayoutRunner {
  const pending = new Map<number, Pending>();
  let respawnsLeft = options.respawns ?? 1;
  let nextId = 0;
  let fallback: Promise<LayoutRunner> | undefined;
  let worker: WorkerLike | undefined;
  /** Layouts a worker produced, by the object the page received: a later request names one instead of sending it. */
  const produced = new WeakMap<Layout, { by: WorkerLike; id: number }>();

  const runOnFallback = (job: Pending, runner: Promise<LayoutRunner>) => {
    runner.then((run) => run(job.graph, job.previous)).then(job.resolve, (e: unknown) => job.reject(e instanceof Error ? e : new Error(String(e))));
  };

  const toFallback = (reason: string, jobs: readonly Pending[]) => {
    options.onFallback(reason);
    // The fallback failing to load (it is fetched on demand) must still settle every layout.
    fallback = options.fallback().catch((e: unknown) => {
      throw new Error(`${reason}, and layouts cannot run on the page either: ${e instanceof Error ? e.message : String(e)}`);
    });
    for (const job of jobs) runOnFallback(job, fallback);
  };

  const fail = (dead: WorkerLike, event: Event) => {
    if (dead !== worker) return;
    dead.terminate();
    worker = undefined;
    const jobs = [...pending.values()];
    pending.clear();
    let reason = failureReason(event);
    if (respawnsLeft > 0) {
      respawnsLeft--;
      const fresh = tryStart();
      if (typeof fresh !== 'string') {
        for (const job of jobs) post(fresh, job);
        return;
      }
      reason = fresh;
    }
    toFallback(reason, jobs);
  };

  const start = (): WorkerLike => {
    const w = options.spawn();
    worker = w;
    w.addEventListener('message', (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ('stale' in reply) return post(w, job, false);
      if ('error' in reply) return job.reject(new Error(reply.error));
      const routes = reply.routesKept ? job.previous?.layout.routes : undefined;
      const result = routes ? { ...reply.result, layout: { ...reply.result.layout, routes } } : reply.result;
      produced.set(result.layout, { by: w, id: reply.id });
      job.resolve(result);
    });
    w.addEventListener('error', (event: Event) => fail(w, event));
    w.addEventListener('messageerror', (event: Event) => fail(w, event));
    return w;
  };

  const post = (w: WorkerLike, job: Pending, byName = true) => {
    const id = ++nextId;
    pending.set(id, job);
    const named = byName && job.previous ? produced.get(job.previous.layout) : undefined;
    if (named?.by === w) w.postMessage({ id, graph: job.graph, previousId: named.id });
    else w.postMessage({ id, graph: job.graph, ...(job.previous ? { previous: job.previous } : {}) });
  };

  /** A worker, or why this browser would not start one */
  const tryStart = (): WorkerLike | string => {
    try {
      return start();
    } catch (e) {
      return `the layout worker could not be started: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  // Started at once, so the worker is up while the topology is still being read.
  const first = tryStart();
  if (typeof first === 'string') toFallback(first, []);

  return (graph, previous) =>
    new Promise<Relayout>((resolve, reject) => {
      const job = { graph, previous, resolve, reject };
      if (worker) post(worker, job);
      else runOnFallback(job, fallback ?? Promise.reject(new Error('no layout runner')));
    });
}

/** The served app's runner: layout.worker.ts, falling back to layouts on the main thread (loaded on demand). */
export function workerRunner(onFallback: (reason: string) => void): LayoutRunner {
  return resilientWorkerRunner({
    spawn: () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
    fallback: () => import('./mainThreadRunner').then((m) => m.mainThreadRunner()),
    onFallback,
  });
}
