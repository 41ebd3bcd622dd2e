import { describe, expect, it } from 'vitest';
import type { Graph } from '../topology/graph/types';
import type { Previous, Relayout } from '../topology/layout/stableLayout';
import type { Layout } from '../topology/layout/types';
import type { LayoutReply, LayoutRequest } from './layout.worker';
import type { LayoutRunner } from './layoutRunner';
import { resilientWorkerRunner, type WorkerLike } from './workerRunner';

/** A Worker-like object the test drives: it answers, fails to load, or crashes on command. */
class FakeWorker implements WorkerLike {
  readonly posted: LayoutRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: never) => void)[]>();
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: LayoutRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: 'message' | 'error' | 'messageerror', event: object): void {
    for (const l of this.listeners.get(type) ?? []) l({ type, ...event } as never);
  }
  reply(reply: LayoutReply): void {
    this.emit('message', { data: reply });
  }
}

const graph = (name: string) => ({ nodes: [], edges: [], name }) as unknown as Graph;
const layout = (width: number): Relayout => ({ layout: { boxes: [], width, height: 1 } satisfies Layout, repacked: [] });

function setup(respawns?: number) {
  const workers: FakeWorker[] = [];
  const fallbackGraphs: Graph[] = [];
  const fallbackPrevious: (Previous | undefined)[] = [];
  const notices: string[] = [];
  const mainThread: LayoutRunner = (g, previous) => {
    fallbackGraphs.push(g);
    fallbackPrevious.push(previous);
    return Promise.resolve(layout(999));
  };
  const run = resilientWorkerRunner({
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    fallback: () => Promise.resolve(mainThread),
    onFallback: (reason) => notices.push(reason),
    ...(respawns !== undefined ? { respawns } : {}),
  });
  return { run, workers, fallbackGraphs, fallbackPrevious, notices };
}

describe('the layout worker runner', () => {
  it('matches replies to requests by id', async () => {
    const { run, workers } = setup();
    const a = run(graph('a'));
    const b = run(graph('b'));
    const w = workers[0]!;
    expect(w.posted.map((p) => p.id)).toEqual([1, 2]);
    w.reply({ id: 2, result: layout(2) });
    w.reply({ id: 1, result: layout(1) });
    expect(await a).toEqual(layout(1));
    expect(await b).toEqual(layout(2));
  });

  it('sends the map drawn last with a request, so what did not change stays put, and a fresh request without it', async () => {
    const { run, workers } = setup();
    const previous: Previous = { graph: graph('drawn'), layout: layout(4).layout };
    const a = run(graph('a'), previous);
    const b = run(graph('b'));
    const w = workers[0]!;
    expect(w.posted[0]!.previous).toEqual(previous);
    expect(w.posted[1]).not.toHaveProperty('previous');
    w.reply({ id: 1, result: { layout: layout(8).layout, repacked: ['subnet-1'] } });
    w.reply({ id: 2, result: layout(9) });
    expect(await a).toEqual({ layout: layout(8).layout, repacked: ['subnet-1'] });
    expect(await b).toEqual(layout(9));
  });

  it('after a layout it drew, the next request names that layout for the worker to take from its own copy', async () => {
    const { run, workers } = setup();
    const w = workers[0]!;
    const a = run(graph('a'));
    w.reply({ id: 1, result: layout(3) });
    const drawn = await a;
    const b = run(graph('b'), { graph: graph('a'), layout: drawn.layout });
    expect(w.posted[1]).toMatchObject({ id: 2, previousId: 1 });
    expect(w.posted[1]).not.toHaveProperty('previous');
    // A worker that no longer holds it says so, and gets the whole previous map.
    w.reply({ id: 2, stale: true });
    expect(w.posted[2]).toMatchObject({ id: 3, previous: { graph: graph('a'), layout: drawn.layout } });
    w.reply({ id: 3, result: layout(4) });
    expect(await b).toEqual(layout(4));
  });

  it('routes the worker kept come back as the very routes object drawn last', async () => {
    const { run, workers } = setup();
    const w = workers[0]!;
    const routes: Record<string, [number, number][]> = {
      e1: [
        [0, 0],
        [0, 9],
      ],
    };
    const previous: Previous = { graph: graph('a'), layout: { boxes: [], width: 1, height: 1, routes } };
    const a = run(graph('b'), previous);
    w.reply({ id: 1, result: layout(5), routesKept: true });
    expect((await a).layout.routes).toBe(routes);
  });

  it('a replacement worker is never asked for a layout only the dead one held', async () => {
    const { run, workers } = setup();
    const a = run(graph('a'));
    workers[0]!.reply({ id: 1, result: layout(3) });
    const drawn = await a;
    workers[0]!.emit('error', {});
    void run(graph('b'), { graph: graph('a'), layout: drawn.layout });
    expect(workers[1]!.posted[0]).toMatchObject({ previous: { layout: drawn.layout } });
    expect(workers[1]!.posted[0]).not.toHaveProperty('previousId');
  });

  it('a layout moved to the main thread keeps the map drawn last', async () => {
    const { run, workers, fallbackPrevious } = setup(0);
    const previous: Previous = { graph: graph('drawn'), layout: layout(4).layout };
    const a = run(graph('a'), previous);
    workers[0]!.emit('error', {});
    await a;
    expect(fallbackPrevious).toEqual([previous]);
  });

  it('a worker that fails to load is replaced, and the layouts it held go to the new one', async () => {
    const { run, workers, notices } = setup();
    const a = run(graph('a'));
    workers[0]!.emit('error', {});
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const resent = workers[1]!.posted[0]!;
    expect(resent.graph).toEqual(graph('a'));
    workers[1]!.reply({ id: resent.id, result: layout(7) });
    expect(await a).toEqual(layout(7));
    expect(notices).toEqual([]);
  });

  it('when the new worker fails too, pending and later layouts run on the main thread, and it says so once', async () => {
    const { run, workers, fallbackGraphs, notices } = setup();
    const a = run(graph('a'));
    workers[0]!.emit('error', {});
    workers[1]!.emit('error', { message: 'Uncaught SyntaxError: Unexpected token' });
    expect(await a).toEqual(layout(999));
    expect(await run(graph('b'))).toEqual(layout(999));
    expect(fallbackGraphs).toEqual([graph('a'), graph('b')]);
    expect(notices).toEqual(['the layout worker crashed: Uncaught SyntaxError: Unexpected token']);
    expect(workers).toHaveLength(2);
    // A late event from a worker already given up on changes nothing.
    workers[0]!.emit('error', {});
    expect(notices).toHaveLength(1);
  });

  it('a messageerror is a failure too; with no respawns the fallback takes over at once', async () => {
    const { run, workers, notices } = setup(0);
    const a = run(graph('a'));
    workers[0]!.emit('messageerror', {});
    expect(await a).toEqual(layout(999));
    expect(notices).toEqual(['a layout could not be passed back from the layout worker']);
  });

  it('a layout error reported by a healthy worker rejects that layout only', async () => {
    const { run, workers } = setup();
    const a = run(graph('a'));
    workers[0]!.reply({ id: 1, error: 'layout: bad graph' });
    await expect(a).rejects.toThrow('layout: bad graph');
    const b = run(graph('b'));
    workers[0]!.reply({ id: 2, result: layout(3) });
    expect(await b).toEqual(layout(3));
  });

  it('settles every layout with a reason when even the fallback cannot load', async () => {
    const notices: string[] = [];
    const w = new FakeWorker();
    const run = resilientWorkerRunner({
      spawn: () => w,
      fallback: () => Promise.reject(new Error('chunk failed to load')),
      onFallback: (r) => notices.push(r),
      respawns: 0,
    });
    const a = run(graph('a'));
    w.emit('error', {});
    await expect(a).rejects.toThrow('the layout worker could not be loaded, and layouts cannot run on the page either: chunk failed to load');
  });

  it('a browser that will not start a worker goes straight to the main thread', async () => {
    const notices: string[] = [];
    const run = resilientWorkerRunner({
      spawn: () => {
        throw new Error('Worker is not defined');
      },
      fallback: () => Promise.resolve(() => Promise.resolve(layout(5))),
      onFallback: (r) => notices.push(r),
    });
    expect(await run(graph('a'))).toEqual(layout(5));
    expect(notices).toEqual(['the layout worker could not be started: Worker is not defined']);
  });
});
