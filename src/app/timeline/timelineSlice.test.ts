import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { demoTopology } from '../../topology/__fixtures__/fixtures';
import { diffTopology } from '../../topology/live/diff';
import type { Topology } from '../../topology/model';
import { createLiveSlice, type LiveSlice } from '../liveSlice';
import type { LoadState } from '../store';
import { HELD } from './compare';
import { pastViewOf } from './pastView';
import { createTimelineSlice, type TimelineSlice } from './timelineSlice';

type TestStore = LiveSlice & TimelineSlice & { load: LoadState; notice: string | undefined };

/** The estate at `at`, told apart by its read time (and, after 2000, one task fewer). */
function estateAt(at: number): Topology {
  const t = demoTopology();
  const resources = { ...t.resources };
  if (at >= 2000) delete resources[Object.keys(resources).find((id) => resources[id]?.kind === 'task') ?? ''];
  return { ...t, source: { ...t.source, fetchedAt: at }, resources };
}

/** The page's store with a server whose as-of reads the test answers one by one, in the order asked. */
function page() {
  const asked: { at: number; answer: () => void; refuse: (message: string) => void }[] = [];
  const topologyAt = (at: number) =>
    new Promise<Topology>((resolve, reject) => asked.push({ at, answer: () => resolve(estateAt(at)), refuse: (m) => reject(new Error(m)) }));
  const store = createStore<TestStore>()((set, get, api) => ({
    ...createLiveSlice(set, get, api),
    ...createTimelineSlice({ topologyAt, history: () => Promise.resolve(undefined) })(set, get, api),
    load: { kind: 'loading' },
    notice: undefined,
  }));
  return { store, asked };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const liveRead = (s: TestStore) => (s.load.kind === 'ready' ? s.load.topology.source.fetchedAt : undefined);
const shownRead = (s: TestStore) => pastViewOf(s.timeline)?.estate?.source.fetchedAt;

describe('the timeline', () => {
  it('holds the live patches that come while the map is as of a moment, and shows the latest on going back to live', async () => {
    const { store, asked } = page();
    const live0 = estateAt(1500);
    store.getState().receiveTopology(7, live0);
    store.getState().scrubTo(1000);
    asked[0]?.answer();
    await settle();
    expect(shownRead(store.getState())).toBe(1000);

    // Two reads change the live estate meanwhile.
    const live1 = { ...live0, source: { ...live0.source, fetchedAt: 6000 } };
    const p1 = diffTopology(live0, { ...live1, resources: estateAt(2000).resources }, 7);
    expect(p1).toBeDefined();
    if (!p1) return;
    expect(store.getState().receivePatch(p1)).toBe(true);
    // The as-of map is untouched and carries no live highlight; the live one moved on.
    expect(shownRead(store.getState())).toBe(1000);
    expect(pastViewOf(store.getState().timeline)?.marks.size).toBe(0);
    expect(liveRead(store.getState())).toBe(6000);
    expect(store.getState().version).toBe(8);

    store.getState().backToLive();
    expect(pastViewOf(store.getState().timeline)).toBeUndefined();
    expect(store.getState().load).toMatchObject({ kind: 'ready', topology: { source: { fetchedAt: 6000 } } });
  });

  it('reads one moment at a time while dragged, then the last one wanted, keeping the map on what it has', async () => {
    const { store, asked } = page();
    store.getState().scrubTo(1000);
    store.getState().scrubTo(1100);
    store.getState().scrubTo(1200);
    expect(asked.map((a) => a.at)).toEqual([1000]);
    expect(pastViewOf(store.getState().timeline)).toMatchObject({ estate: undefined, message: 'Reading the estate as it was…' });
    asked[0]?.answer();
    await settle();
    // 1100 was passed over: the next read is the moment the scrubber stands on.
    expect(asked.map((a) => a.at)).toEqual([1000, 1200]);
    expect(shownRead(store.getState())).toBe(1000);
    asked[1]?.answer();
    await settle();
    expect(shownRead(store.getState())).toBe(1200);
    expect(asked).toHaveLength(2);
  });

  it('drops an answer that comes after the page went back to live, and says why a moment cannot be shown', async () => {
    const { store, asked } = page();
    store.getState().scrubTo(1000);
    store.getState().backToLive();
    asked[0]?.answer();
    await settle();
    expect(store.getState().timeline).toEqual({ kind: 'live' });

    store.getState().scrubTo(10);
    asked[1]?.refuse('No capture before 1970-01-01T00:00:00.010Z');
    await settle();
    expect(pastViewOf(store.getState().timeline)?.message).toBe('the estate as it was cannot be shown: No capture before 1970-01-01T00:00:00.010Z');
  });

  it('compares the two moments picked: A first, then B, a later pick replacing B', async () => {
    const { store, asked } = page();
    store.getState().startCompare();
    // Nothing picked: the map stays live.
    expect(pastViewOf(store.getState().timeline)).toBeUndefined();
    store.getState().pick(1000);
    asked[0]?.answer();
    await settle();
    expect(shownRead(store.getState())).toBe(1000);
    store.getState().pick(2000);
    asked[1]?.answer();
    await settle();
    const view = pastViewOf(store.getState().timeline);
    expect(view?.estate?.source.fetchedAt).toBe(2000);
    expect(view?.comparison?.differences.map((d) => d.kind)).toEqual(['removed']);
    // The task that went is drawn as a ghost on B.
    const gone = view?.comparison?.differences[0]?.id ?? '';
    expect(view?.drawn?.resources[gone]).toMatchObject({ ghost: true });

    store.getState().pick(3000);
    expect(store.getState().timeline).toMatchObject({ a: { at: 1000, kind: 'ready' }, b: { at: 3000, kind: 'loading' } });
    asked[2]?.answer();
    await settle();
    expect(pastViewOf(store.getState().timeline)?.estate?.source.fetchedAt).toBe(3000);
    expect(HELD).toBeGreaterThan(Date.now());
  });
});
