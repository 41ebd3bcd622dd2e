import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import type { TopologyPatch } from '../../src/topology/live/patch';
import type { Topology } from '../../src/topology/model';
import { createApp } from '../app';
import { demoWorld } from '../fake-aws/demo';
import { PLANTED, poisoned } from '../fake-aws/redactionWorld';
import { sourceOnFake } from '../fake-aws/readWorld';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import type { JsonObject } from '../fake-aws/world';
import type { TopologySource } from '../sources/types';
import { createWatcher, type Watcher } from './watcher';

/** One Server-Sent Event as a browser's EventSource parses it; a comment line (heartbeat) has event 'comment'. */
interface Sse {
  event: string;
  id?: string;
  data: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The app on a loopback port, as serve runs it: one watcher for every viewer. */
async function serveApp(source: TopologySource, watcher: Watcher, heartbeatMs?: number) {
  let handle: (r: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server = createAdaptorServer({ fetch: (r) => handle(r) }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stopping = new AbortController();
  const app = createApp({ source, watcher, allowedHosts: [`127.0.0.1:${port}`], stopping: stopping.signal, ...(heartbeatMs ? { heartbeatMs } : {}) });
  handle = (r) => app.fetch(r);
  cleanups.push(async () => {
    watcher.stop();
    stopping.abort();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return `http://127.0.0.1:${port}`;
}

/** An EventSource-like client over HTTP: every event as it arrives, and a wait for the next that matches. */
function viewer(base: string, lastEventId?: string, path = '/api/events') {
  const events: Sse[] = [];
  const waiters = new Set<() => void>();
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) };
  const done = fetch(`${base}${path}`, { headers, signal: abort.signal })
    .then(async (res) => {
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: Sse = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) e.event = 'comment';
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
          }
          events.push(e);
          for (const w of waiters) w();
        }
      }
    })
    .catch(() => undefined);
  cleanups.push(async () => {
    abort.abort();
    await done;
  });
  const next = (match: (e: Sse) => boolean, after = 0, ms = 10_000) =>
    new Promise<Sse>((resolve, reject) => {
      const check = () => {
        const hit = events.slice(after).find(match);
        if (hit) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no such event within ${ms} ms; got ${events.map((e) => e.event).join(', ')}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return { events, next, close: () => abort.abort() };
}

async function fakeEstate() {
  const world = demoWorld();
  const fake: FakeAws = await startFakeAws({ world });
  cleanups.push(() => fake.close());
  const source = sourceOnFake(fake, { label: 'test estate' });
  // Its Kubernetes watches stop before the fake goes (cleanups run newest first).
  cleanups.push(() => source.close?.());
  return { world, fake, source };
}

const isEvent = (name: string) => (e: Sse) => e.event === name;
const runningTask = (world: ReturnType<typeof demoWorld>) => world.ecs.tasks.find((t) => t['lastStatus'] === 'RUNNING') as JsonObject;

describe('GET /api/events', () => {
  it('20 viewers over HTTP cost the AWS calls of one: each gets the topology, then the same patch with id = its version', async () => {
    const { world, fake, source } = await fakeEstate();
    const watcher = createWatcher({ source, refreshMs: 300, apiBudget: 1 });
    const base = await serveApp(source, watcher);
    const cycleCalls: number[] = [];
    let mark = 0;
    watcher.subscribe((e) => {
      // A rebuild when a Kubernetes watch reports a change calls no AWS API: not a cycle of AWS reads.
      if (e.kind === 'status' && e.status.state === 'live' && fake.calls.length > mark) {
        cycleCalls.push(fake.calls.length - mark);
        mark = fake.calls.length;
      }
    });
    watcher.start();
    const one = viewer(base);
    const first = JSON.parse((await one.next(isEvent('topology'))).data) as { version: number; topology: Topology };
    // Two more cycles with one viewer: what an incremental cycle costs.
    while (cycleCalls.length < 3) await new Promise((r) => setTimeout(r, 50));
    const oneViewer = cycleCalls[2];

    const many = [one, ...Array.from({ length: 19 }, () => viewer(base))];
    const tops = await Promise.all(many.map((v) => v.next(isEvent('topology'))));
    for (const t of tops) expect(t.id).toBe(String(first.version));
    const seen = cycleCalls.length;
    while (cycleCalls.length < seen + 2) await new Promise((r) => setTimeout(r, 50));
    expect(cycleCalls.slice(seen)).toEqual([oneViewer, oneViewer]);

    const task = runningTask(world);
    task['healthStatus'] = 'UNHEALTHY';
    const patches = await Promise.all(many.map((v) => v.next(isEvent('patch'))));
    for (const p of patches) {
      expect(p.id).toBe(String(first.version + 1));
      const patch = JSON.parse(p.data) as TopologyPatch;
      expect(patch).toMatchObject({ from: first.version, to: first.version + 1 });
      expect(patch.changed.map((r) => r.id)).toEqual([String(task['taskArn'])]);
    }
    expect(cycleCalls.every((n, i) => i === 0 || n === oneViewer)).toBe(true);
  });

  it('a viewer that reconnects with Last-Event-ID gets the patches it missed, and a whole topology when too far behind', async () => {
    const { world, source } = await fakeEstate();
    const watcher = createWatcher({ source, refreshMs: 200, apiBudget: 1 });
    const base = await serveApp(source, watcher);
    watcher.start();
    const before = viewer(base);
    const v0 = Number((await before.next(isEvent('topology'))).id);
    before.close();
    // Two versions while the viewer is away.
    for (const health of ['UNHEALTHY', 'HEALTHY']) {
      runningTask(world)['healthStatus'] = health;
      const at = watcher.current()?.version ?? 0;
      while ((watcher.current()?.version ?? 0) === at) await new Promise((r) => setTimeout(r, 50));
    }
    const back = viewer(base, String(v0));
    const p1 = await back.next(isEvent('patch'));
    const p2 = await back.next((e) => e.event === 'patch' && e !== p1);
    expect([p1.id, p2.id]).toEqual([String(v0 + 1), String(v0 + 2)]);
    expect(back.events.some(isEvent('topology'))).toBe(false);
    // A version this run never made (the server restarted): the whole topology.
    const stranger = viewer(base, '7');
    expect((await stranger.next(isEvent('topology'))).id).toBe(String(v0 + 2));
  });

  it('a page that read GET /api/topology follows from its version (Fleetmap-Version, then ?since=) without the estate again', async () => {
    const { world, source } = await fakeEstate();
    const watcher = createWatcher({ source, refreshMs: 200, apiBudget: 1 });
    const base = await serveApp(source, watcher);
    watcher.start();
    const res = await fetch(`${base}/api/topology`, { headers: { accept: 'application/json' } });
    const version = Number(res.headers.get('fleetmap-version'));
    expect(version).toBe(watcher.current()?.version);
    const page = viewer(base, undefined, `/api/events?since=${version}`);
    runningTask(world)['healthStatus'] = 'UNHEALTHY';
    const next = await page.next(isEvent('patch'));
    expect(next.id).toBe(String(version + 1));
    expect(page.events.some(isEvent('topology'))).toBe(false);
  });

  it('streams status (reading with progress, then live), and a heartbeat comment when idle', async () => {
    const { source } = await fakeEstate();
    const watcher = createWatcher({ source, refreshMs: 60_000, apiBudget: 1, progressEveryMs: 0 });
    const base = await serveApp(source, watcher, 100);
    const v = viewer(base);
    // The first viewer of a server that has not read yet starts the read (a snapshot source, refresh off).
    await v.next(isEvent('topology'));
    const statuses = v.events.filter(isEvent('status')).map((e) => JSON.parse(e.data) as { state: string; progress?: { done: number } });
    expect(statuses.some((s) => s.state === 'reading' && (s.progress?.done ?? 0) > 0)).toBe(true);
    expect(statuses.at(-1)?.state).toBe('live');
    await v.next(isEvent('comment'), v.events.length, 2_000);
  });

  it('sends every topology and patch through the redaction pass, even from a source that did not redact', async () => {
    const clean = demoTopology();
    let reads = 0;
    const careless: TopologySource = { label: 'careless', read: () => Promise.resolve(reads++ === 0 ? clean : poisoned(clean)) };
    const watcher = createWatcher({ source: careless, refreshMs: 100, apiBudget: 1 });
    const base = await serveApp(careless, watcher);
    watcher.start();
    const early = viewer(base);
    await early.next(isEvent('patch'));
    const late = viewer(base);
    await late.next(isEvent('topology'));
    const wire = [...early.events, ...late.events].map((e) => e.data).join('\n');
    expect(wire.length).toBeGreaterThan(10_000);
    for (const secret of Object.values(PLANTED)) expect(wire.includes(secret), secret).toBe(false);
    expect(wire).toContain('[redacted]');
  });
});
