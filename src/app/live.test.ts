import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { diffTopology } from '../topology/live/diff';
import { GHOST_MS } from '../topology/live/ghosts';
import type { TopologyPatch } from '../topology/live/patch';
import type { LiveStatus } from '../topology/live/status';
import { resourcesOf, type Resource, type Topology } from '../topology/model';
import { FALLBACK_MS, followLive, type EventSourceLike } from './live';
import { CHANGES_KEPT, FRESH_MS } from './liveSlice';
import type { Store } from './store';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/** The page's EventSource as the server drives it: the test sends events as /api/events writes them. */
class FakeEventSource implements EventSourceLike {
  static made: FakeEventSource[] = [];
  readyState = CONNECTING;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  private listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = CLOSED;
  }
  opened(): void {
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }
  /** `event: <type>`, `id: <id>`, `data: <json>`, as the server writes it */
  send(type: string, data: unknown, id?: number): void {
    if (this.readyState === CLOSED) return;
    const e = new MessageEvent<string>(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id === undefined ? '' : String(id) });
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
  /** The server answered with no event stream (a 401, a proxy's error page): the browser gives up. */
  refused(): void {
    this.readyState = CLOSED;
    this.onerror?.(new Event('error'));
  }
}
const latest = () => {
  const es = FakeEventSource.made.at(-1);
  if (!es) throw new Error('no stream opened');
  return es;
};

/** The page's fetch, answered at once with the demo read the server serves, labelled by path. */
const requests: { url: string; method: string }[] = [];
function pageFetch(url: string, init?: RequestInit): Promise<Response> {
  requests.push({ url, method: init?.method ?? 'GET' });
  const t = demoTopology();
  return Promise.resolve(Response.json({ ...t, source: { ...t.source, label: `answer of ${url}` } }));
}

let store: { getState: () => Store };
let stop: () => void;
beforeEach(async () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 20, 12) });
  vi.stubGlobal('window', { location: new URL('http://127.0.0.1:3000/'), history: { replaceState: () => undefined } });
  vi.stubGlobal('fetch', pageFetch);
  vi.resetModules();
  store = (await import('./store')).useStore;
  FakeEventSource.made = [];
  requests.length = 0;
  stop = followLive(store, (url) => new FakeEventSource(url));
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const VERSION = 1_700_000_000_000;
const shown = (): Topology => {
  const load = store.getState().load;
  if (load.kind !== 'ready') throw new Error(`not ready: ${load.kind}`);
  return load.topology;
};
const running = (t: Topology) => resourcesOf(t, 'task').filter((r) => r.lastStatus === 'RUNNING');

/** The next read of the demo: the first running task gone, the second failing its health check, one new task. */
function nextRead(prev: Topology, n = 1): { next: Topology; gone: Resource; sick: Resource; born: Resource } {
  const [gone, sick] = running(prev);
  if (!gone || !sick) throw new Error('the demo has running tasks');
  const born = { ...gone, id: `${gone.id.slice(0, -6)}${String(n).padStart(6, '0')}`, startedAt: prev.source.fetchedAt + 1000 };
  const resources = { ...prev.resources, [sick.id]: { ...sick, healthStatus: 'UNHEALTHY' }, [born.id]: born };
  delete resources[gone.id];
  return { next: { ...prev, source: { ...prev.source, fetchedAt: prev.source.fetchedAt + 30_000 }, resources }, gone, sick, born };
}
function patchOf(prev: Topology, next: Topology, from: number): TopologyPatch {
  const patch = diffTopology(prev, next, from);
  if (!patch) throw new Error('no change');
  return patch;
}

describe('the live client', () => {
  it('opens /api/events, shows its topology with its version, and applies a patch that follows it', () => {
    const es = latest();
    expect(es.url).toBe('/api/events');
    es.opened();
    const first = demoTopology();
    es.send('topology', { version: VERSION, topology: first }, VERSION);
    expect(store.getState().version).toBe(VERSION);
    expect(shown().source.fetchedAt).toBe(first.source.fetchedAt);

    const { next, gone, sick, born } = nextRead(first);
    es.send('patch', patchOf(first, next, VERSION), VERSION + 1);
    expect(store.getState().version).toBe(VERSION + 1);
    expect(Object.keys(shown().resources).sort()).toEqual(Object.keys(next.resources).sort());
    const fresh = store.getState().fresh;
    expect(fresh.get(born.id)?.kind).toBe('added');
    expect(fresh.get(sick.id)?.kind).toBe('changed');
    expect(fresh.has(gone.id)).toBe(false);
    expect(store.getState().ghosts.get(gone.id)?.resource).toMatchObject({ lastStatus: 'STOPPED', ghost: true });
    expect(FakeEventSource.made).toHaveLength(1);
    expect(requests).toEqual([]);
  });

  it('with a first read by request, shows it and opens the stream after its version, so the estate is not sent twice', async () => {
    stop();
    FakeEventSource.made = [];
    const first = demoTopology();
    stop = followLive(store, (url) => new FakeEventSource(url), { first: () => Promise.resolve({ topology: first, version: VERSION }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().version).toBe(VERSION);
    const es = latest();
    expect(es.url).toBe(`/api/events?since=${VERSION}`);
    const { next, born } = nextRead(first);
    es.send('patch', patchOf(first, next, VERSION), VERSION + 1);
    expect(store.getState().version).toBe(VERSION + 1);
    expect(shown().resources[born.id]).toBeDefined();
    // A patch that does not follow starts the stream again from nothing: a whole topology.
    es.send('patch', { ...patchOf(next, nextRead(next, 2).next, VERSION + 5) }, VERSION + 6);
    expect(latest().url).toBe('/api/events');
  });

  it('with a first read that fails or names no version, the stream starts with the whole topology', async () => {
    for (const first of [() => Promise.reject(new Error('down')), () => Promise.resolve({ topology: demoTopology(), version: undefined })]) {
      stop();
      FakeEventSource.made = [];
      stop = followLive(store, (url) => new FakeEventSource(url), { first });
      await vi.advanceTimersByTimeAsync(0);
      expect(latest().url).toBe('/api/events');
    }
  });

  it('starts the stream again when a patch does not follow the version held, and ignores one already applied', () => {
    const es = latest();
    const first = demoTopology();
    es.send('topology', { version: VERSION, topology: first }, VERSION);
    const { next } = nextRead(first);
    const patch = patchOf(first, next, VERSION);
    es.send('patch', patch, VERSION + 1);
    es.send('patch', patch, VERSION + 1);
    expect(FakeEventSource.made).toHaveLength(1);
    const { next: later } = nextRead(next, 2);
    es.send('patch', patchOf(next, later, VERSION + 5), VERSION + 6);
    expect(store.getState().version).toBe(VERSION + 1);
    expect(es.readyState).toBe(CLOSED);
    expect(FakeEventSource.made).toHaveLength(2);
    // The new stream begins with the whole topology, as the server sends a viewer that holds nothing.
    latest().send('topology', { version: VERSION + 6, topology: later }, VERSION + 6);
    expect(store.getState().version).toBe(VERSION + 6);
  });

  it('keeps the freshness the server tells, and a malformed event changes nothing but says so', () => {
    const status: LiveStatus = {
      state: 'reading',
      version: VERSION,
      updatedAt: VERSION,
      progress: { done: 4, expected: 10, byService: { ecs: { done: 4, expected: 10 } } },
    };
    latest().send('status', status);
    expect(store.getState().status).toEqual(status);
    latest().send('status', { state: 'asleep', version: 1 });
    expect(store.getState().status).toEqual(status);
    expect(store.getState().notice).toMatch(/status this page cannot read/);
    latest().send('patch', '{not json');
    expect(store.getState().notice).toMatch(/change this page cannot read/);
  });

  it('reads GET /api/topology when the stream brings nothing within the wait, and keeps listening', async () => {
    await vi.advanceTimersByTimeAsync(FALLBACK_MS - 1);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([{ url: '/api/topology', method: 'GET' }]);
    expect(shown().source.label).toBe('answer of /api/topology');
    latest().send('topology', { version: VERSION, topology: demoTopology() }, VERSION);
    expect(store.getState().version).toBe(VERSION);
  });

  it('reads GET /api/topology at once when the stream fails before its first topology, while the browser retries it', async () => {
    latest().onerror?.(new Event('error'));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toEqual([{ url: '/api/topology', method: 'GET' }]);
    expect(FakeEventSource.made).toHaveLength(1);
  });

  it('reads GET /api/topology at once when the server refuses the stream, and tries the stream again later', async () => {
    latest().refused();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toEqual([{ url: '/api/topology', method: 'GET' }]);
    expect(FakeEventSource.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeEventSource.made).toHaveLength(2);
  });

  it('stops following when a snapshot is dropped: later events leave it on screen', () => {
    const es = latest();
    es.send('topology', { version: VERSION, topology: demoTopology() }, VERSION);
    const dropped = { ...demoTopology(), source: { ...demoTopology().source, kind: 'snapshot' as const, label: 'dropped' } };
    store.getState().open(dropped);
    expect(store.getState().following).toBe(false);
    es.send('topology', { version: VERSION + 1, topology: demoTopology() }, VERSION + 1);
    expect(shown().source.label).toBe('dropped');
  });

  it('sends Refresh as POST /api/refresh and leaves the result to the stream', async () => {
    const es = latest();
    const first = demoTopology();
    es.send('topology', { version: VERSION, topology: first }, VERSION);
    const streamed = shown();
    await store.getState().fetch(true);
    expect(requests).toEqual([{ url: '/api/refresh', method: 'POST' }]);
    expect(shown()).toBe(streamed);
    expect(store.getState().load).toMatchObject({ refreshing: false });
  });
});

describe('what changed, in the store', () => {
  it('drops highlights after a minute and ghosts after five', async () => {
    const es = latest();
    const first = demoTopology();
    es.send('topology', { version: VERSION, topology: first }, VERSION);
    const { next, gone, born } = nextRead(first);
    es.send('patch', patchOf(first, next, VERSION), VERSION + 1);
    await vi.advanceTimersByTimeAsync(FRESH_MS - 5_000);
    expect(store.getState().fresh.has(born.id)).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(store.getState().fresh.has(born.id)).toBe(false);
    expect(store.getState().ghosts.has(gone.id)).toBe(true);
    await vi.advanceTimersByTimeAsync(GHOST_MS - FRESH_MS);
    expect(store.getState().ghosts.has(gone.id)).toBe(false);
  });

  it('lists the changes newest first, counts those not seen, and keeps the last 200', () => {
    const es = latest();
    let prev = demoTopology();
    es.send('topology', { version: VERSION, topology: prev }, VERSION);
    const first = nextRead(prev, 1).next;
    es.send('patch', patchOf(prev, first, VERSION), VERSION + 1);
    const told = store.getState().changes;
    expect(told.map((c) => c.kind).sort()).toEqual(['healthChanged', 'taskStarted', 'taskStopped']);
    expect(store.getState().unseenChanges).toBe(3);
    store.getState().setChangesOpen(true);
    expect(store.getState().unseenChanges).toBe(0);
    prev = first;
    for (let v = 1; v <= 100; v++) {
      const next = nextRead(prev, v + 1).next;
      es.send('patch', patchOf(prev, next, VERSION + v), VERSION + v + 1);
      prev = next;
    }
    const changes = store.getState().changes;
    expect(changes).toHaveLength(CHANGES_KEPT);
    // The last read's changes come first.
    expect(changes[0]?.id.startsWith(`${prev.source.fetchedAt}:`)).toBe(true);
    expect(store.getState().unseenChanges).toBe(0);
  });
});
