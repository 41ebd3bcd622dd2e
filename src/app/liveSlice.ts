import type { StateCreator } from 'zustand';
import { applyPatch } from '../topology/live/diff';
import { ghostAlive, ghostsOf, type Ghost } from '../topology/live/ghosts';
import type { ChangeEvent, TopologyPatch } from '../topology/live/patch';
import type { LiveStatus } from '../topology/live/status';
import type { Topology } from '../topology/model';
import type { LoadState } from './store';

/** How long a box added or changed stays highlighted. */
export const FRESH_MS = 60_000;
/** The Changes feed keeps this many, newest first. */
export const CHANGES_KEPT = 200;

export interface Fresh {
  kind: 'added' | 'changed';
  /** Epoch ms the page heard of it */
  at: number;
}

/** The live map: the version the page holds, how fresh it is, and what changed lately. */
export interface LiveSlice {
  /** The server's version of the topology shown, while the page follows its event stream */
  version: number | undefined;
  /** Whether the map follows the server's stream (off for the offline viewer and a dropped snapshot) */
  following: boolean;
  /** Whether the stream is connected (EventSource reconnects by itself while it is not) */
  connected: boolean;
  status: LiveStatus | undefined;
  /** Resources added or changed in the last FRESH_MS, by id */
  fresh: ReadonlyMap<string, Fresh>;
  /** Tasks and pods that stopped or went in the last few minutes, by id (live/ghosts.ts) */
  ghosts: ReadonlyMap<string, Ghost>;
  /** Newest first, at most CHANGES_KEPT */
  changes: readonly ChangeEvent[];
  /** Changes heard since the feed was last open */
  unseenChanges: number;
  changesOpen: boolean;
  follow: (following: boolean) => void;
  setConnected: (connected: boolean) => void;
  /** A whole topology from the stream (its first event, or a catch-up): shown in place, the view kept */
  receiveTopology: (version: number, topology: Topology) => void;
  /** false when the patch does not follow the version held: the stream has to start again */
  receivePatch: (patch: TopologyPatch) => boolean;
  setLiveStatus: (status: LiveStatus) => void;
  /** Drops highlights and ghosts that have had their time */
  expireLive: (now: number) => void;
  setChangesOpen: (open: boolean) => void;
}

/** The slice's data as a fresh page has it. */
export const liveInitial = {
  version: undefined,
  // The served page follows from the start; the offline viewer and a dropped snapshot turn it off.
  following: true,
  connected: false,
  status: undefined,
  fresh: new Map<string, Fresh>(),
  ghosts: new Map<string, Ghost>(),
  changes: [],
  unseenChanges: 0,
  changesOpen: false,
} satisfies Partial<LiveSlice>;

/** The next highlights and ghosts after `patch`, heard at `now`. */
function afterPatch(
  s: { fresh: ReadonlyMap<string, Fresh>; ghosts: ReadonlyMap<string, Ghost> },
  shown: Topology,
  patch: TopologyPatch,
  now: number,
): { fresh: Map<string, Fresh>; ghosts: Map<string, Ghost> } {
  const fresh = new Map(s.fresh);
  for (const id of patch.removed) fresh.delete(id);
  for (const r of patch.added) fresh.set(r.id, { kind: 'added', at: now });
  for (const r of patch.changed) fresh.set(r.id, { kind: 'changed', at: now });
  const ghosts = new Map(s.ghosts);
  // A task or pod listed again (an id reused by a StatefulSet pod) is no longer a ghost.
  for (const r of patch.added) ghosts.delete(r.id);
  for (const g of ghostsOf(shown, patch, now)) ghosts.set(g.resource.id, g);
  return { fresh, ghosts };
}

function pruned<V>(map: ReadonlyMap<string, V>, keep: (v: V) => boolean): ReadonlyMap<string, V> {
  const out = new Map([...map].filter(([, v]) => keep(v)));
  return out.size === map.size ? map : out;
}

export const createLiveSlice: StateCreator<LiveSlice & { load: LoadState; notice: string | undefined }, [], [], LiveSlice> = (set, get) => ({
  ...liveInitial,
  follow(following) {
    set(following ? { following } : { following, connected: false, version: undefined, status: undefined });
  },
  setConnected(connected) {
    if (get().connected !== connected) set({ connected });
  },
  receiveTopology(version, topology) {
    performance.mark('fleetmap:data');
    const load = get().load;
    set({ version, load: { kind: 'ready', topology, refreshing: load.kind === 'ready' && load.refreshing } });
  },
  receivePatch(patch) {
    const { version, load } = get();
    if (load.kind !== 'ready' || version !== patch.from) return false;
    const now = Date.now();
    const { changes, changesOpen, unseenChanges } = get();
    const known = new Set(changes.map((c) => c.id));
    const told = patch.changes.filter((c) => !known.has(c.id));
    set({
      version: patch.to,
      load: { ...load, topology: applyPatch(load.topology, patch) },
      ...afterPatch(get(), load.topology, patch, now),
      // In the order heard: a later read's changes are news even when AWS dates them earlier (a stop found late).
      changes: [...told, ...changes].slice(0, CHANGES_KEPT),
      unseenChanges: changesOpen ? 0 : Math.min(CHANGES_KEPT, unseenChanges + told.length),
    });
    return true;
  },
  setLiveStatus(status) {
    set({ status });
  },
  expireLive(now) {
    const { fresh, ghosts } = get();
    const nextFresh = pruned(fresh, (f) => now - f.at < FRESH_MS);
    const nextGhosts = pruned(ghosts, (g) => ghostAlive(g, now));
    if (nextFresh !== fresh || nextGhosts !== ghosts) set({ fresh: nextFresh, ghosts: nextGhosts });
  },
  setChangesOpen(changesOpen) {
    set(changesOpen ? { changesOpen, unseenChanges: 0 } : { changesOpen });
  },
});
