import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import demo from '../topology/__fixtures__/demo.topology.json';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import type { Store } from './store';

/**
 * The page's fetch, answered by the test: each request waits until the test answers it, in any order, with a read
 * as the server serves it (the demo read, labelled per answer) or a failure.
 */
const requests: { url: string; answer: (label: string) => void; fail: (message: string) => void }[] = [];
function pageFetch(url: string): Promise<Response> {
  return new Promise((resolve) => {
    requests.push({
      url,
      answer: (label) => resolve(Response.json({ ...demo, source: { ...demo.source, label } })),
      fail: (message) => resolve(Response.json({ error: message }, { status: 502 })),
    });
  });
}

let store: { getState: () => Store };
beforeAll(async () => {
  // The store reads the page's URL when it is made and keeps it in step; the page's fetch reaches the server.
  vi.stubGlobal('window', { location: new URL('http://127.0.0.1:3000/'), history: { replaceState: () => undefined } });
  vi.stubGlobal('fetch', pageFetch);
  store = (await import('./store')).useStore;
  // These are the page's own requests, as it makes them without the event stream (a refresh's answer is shown).
  store.getState().follow(false);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** Lets the answered fetch reach the store (response body, parse, set). */
const settle = () => new Promise((r) => setTimeout(r, 10));
const shown = () => {
  const load = store.getState().load;
  return load.kind === 'ready' ? `${load.topology.source.label}${load.refreshing ? ' (refreshing)' : ''}` : load.kind;
};

describe('the store’s stale-fetch guard', () => {
  it('shows the newer read when an older, slower request answers last', async () => {
    const first = store.getState().fetch();
    const second = store.getState().fetch(true);
    const [older, newer] = requests.splice(0);
    expect([older?.url, newer?.url]).toEqual(['/api/topology', '/api/refresh']);
    newer?.answer('newer read');
    await settle();
    expect(shown()).toBe('newer read');
    older?.answer('older read');
    await Promise.all([first, second]);
    await settle();
    expect(shown()).toBe('newer read');
  });

  it('keeps the map and says why when the newest refresh fails, but ignores an older request’s failure', async () => {
    const older = store.getState().fetch(true);
    const newer = store.getState().fetch(true);
    expect(shown()).toBe('newer read (refreshing)');
    const [a, b] = requests.splice(0);
    a?.fail('older request failed');
    await settle();
    expect(store.getState().notice).toBeUndefined();
    b?.fail('AWS read timed out');
    await Promise.all([older, newer]);
    expect(shown()).toBe('newer read');
    expect(store.getState().notice).toBe('Refresh failed: AWS read timed out');
  });

  it('never replaces a topology the user opened with a read that was in flight', async () => {
    const inFlight = store.getState().fetch(true);
    const opened = { ...demoTopology(), source: { ...demoTopology().source, kind: 'snapshot' as const, label: 'dropped snapshot' } };
    store.getState().open(opened);
    expect(shown()).toBe('dropped snapshot');
    requests.splice(0)[0]?.answer('late read');
    await inFlight;
    await settle();
    expect(shown()).toBe('dropped snapshot');
  });

  it('counts each topology opened in place, so the map looks at it afresh, while a refresh does not', async () => {
    const before = store.getState().opened;
    store.getState().open(demoTopology());
    expect(store.getState().opened).toBe(before + 1);
    const refresh = store.getState().fetch(true);
    requests.splice(0)[0]?.answer('refreshed');
    await refresh;
    await settle();
    expect(store.getState().opened).toBe(before + 1);
  });
});

describe('the address', () => {
  it('keeps what the store does not own (a wallboard’s kiosk, cycle and theme) when the view changes', () => {
    const written: string[] = [];
    vi.stubGlobal('window', {
      location: new URL('http://127.0.0.1:3000/?kiosk=1&cycle=30&theme=dark&view=service'),
      history: { replaceState: (_: unknown, __: string, url: string) => written.push(url) },
    });
    store.getState().setView('network');
    store.getState().setView('service');
    expect(written).toEqual(['/?kiosk=1&cycle=30&theme=dark', '/?kiosk=1&cycle=30&theme=dark&view=service']);
  });
});
