import { create } from 'zustand';
import type { View } from '../topology/graph/types';
import type { Topology } from '../topology/model';
import { fetchHistory, fetchTopology, fetchTopologyAt, refreshTopology } from './api';
import { parseKiosk, type Kiosk } from './kiosk';
import { createLiveSlice, type LiveSlice } from './liveSlice';
import { pastViewOf } from './timeline/pastView';
import { createTimelineSlice, type TimelineSlice } from './timeline/timelineSlice';

export type LoadState = { kind: 'loading' } | { kind: 'ready'; topology: Topology; refreshing: boolean } | { kind: 'error'; message: string };

interface DataSlice {
  load: LoadState;
  /** offline: the single-file viewer (no server); the topology came with the page */
  mode: 'live' | 'offline';
  /** A message about something that did not work (a dropped file that is not a snapshot) while the map stays */
  notice: string | undefined;
  /** Why layouts run on the page's main thread (the layout worker failed), or undefined while the worker works */
  layoutFallback: string | undefined;
  fetch: (refresh?: boolean) => Promise<void>;
  /** Shows a topology that did not come from the server: a dropped snapshot, or the one embedded in the viewer */
  open: (topology: Topology) => void;
  setOffline: () => void;
  setNotice: (notice: string | undefined) => void;
  setLayoutFallback: (reason: string) => void;
}

interface ViewSlice {
  view: View;
  /** Selected graph node id (a resource id or a folded group id), mirrored in the URL */
  selected: string | undefined;
  expanded: ReadonlySet<string>;
  /** Kubernetes namespaces the namespace filter leaves out, mirrored in the URL */
  hiddenNamespaces: ReadonlySet<string>;
  errorsOpen: boolean;
  /** A request to bring a node into view (search, links); the counter makes a repeated request for one id count */
  focus: { id: string; n: number } | undefined;
  /** Counts the topologies opened in place (a dropped snapshot): each one is looked at afresh */
  opened: number;
  /** The problem the problems button last brought into view, whose message the map's toolbar shows */
  problem: string | undefined;
  setView: (view: View) => void;
  requestFocus: (id: string) => void;
  select: (id: string | undefined) => void;
  toggleExpanded: (id: string) => void;
  setHiddenNamespaces: (namespaces: ReadonlySet<string>) => void;
  setErrorsOpen: (open: boolean) => void;
  showProblem: (id: string | undefined) => void;
}

export type Store = DataSlice & ViewSlice & LiveSlice & TimelineSlice & { readonly wallboard: Kiosk };

function readUrl(): Pick<ViewSlice, 'view' | 'selected' | 'hiddenNamespaces' | 'focus'> {
  const params = new URLSearchParams(window.location.search);
  const selected = params.get('select') ?? undefined;
  return {
    view: params.get('view') === 'service' ? 'service' : 'network',
    selected,
    hiddenNamespaces: new Set((params.get('hide-ns') ?? '').split(',').filter(Boolean)),
    // A shared link with a selection opens on it, not on the whole map.
    focus: selected === undefined ? undefined : { id: selected, n: 1 },
  };
}

function writeUrl(s: { view: View; selected: string | undefined; hiddenNamespaces: ReadonlySet<string> }): void {
  // What the store does not own (kiosk, cycle, theme) stays in the address: a wallboard reloads as a wallboard.
  const params = new URLSearchParams(window.location.search);
  const put = (key: string, value: string | undefined) => (value ? params.set(key, value) : params.delete(key));
  put('view', s.view !== 'network' ? s.view : undefined);
  put('select', s.selected);
  put('hide-ns', s.hiddenNamespaces.size ? [...s.hiddenNamespaces].sort().join(',') : undefined);
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

let latestFetch = 0;

export const useStore = create<Store>()((set, get, api) => ({
  ...createLiveSlice(set, get, api),
  ...createTimelineSlice({ history: () => fetchHistory(), topologyAt: (at) => fetchTopologyAt(at) })(set, get, api),
  wallboard: parseKiosk(window.location.search),
  load: { kind: 'loading' },
  mode: 'live',
  notice: undefined,
  layoutFallback: undefined,
  open(topology) {
    // A fetch still in flight must not replace what the user opened.
    latestFetch++;
    performance.mark('fleetmap:data');
    // A topology opened in place is not the server's: the map stops following the stream until Refresh.
    get().follow(false);
    // The timeline is the server's history: an opened topology is shown as it is, not as of a moment.
    get().backToLive();
    set({ load: { kind: 'ready', topology, refreshing: false }, expanded: new Set<string>(), notice: undefined, opened: get().opened + 1 });
  },
  setOffline() {
    get().follow(false);
    set({ mode: 'offline' });
  },
  setNotice(notice) {
    set({ notice });
  },
  setLayoutFallback(layoutFallback) {
    set({ layoutFallback });
  },
  async fetch(refresh = false) {
    if (get().mode === 'offline') return;
    const id = ++latestFetch;
    const current = get().load;
    if (current.kind === 'ready') set({ load: { ...current, refreshing: true } });
    else if (current.kind === 'error') set({ load: { kind: 'loading' } });
    // While the map follows the stream, a refresh's read arrives there as a patch; its answer here would be a
    // version-less copy that an older patch could not apply to.
    const streamed = refresh && get().following;
    try {
      const topology = await (refresh ? refreshTopology() : fetchTopology());
      if (streamed) {
        const shown = get().load;
        if (id === latestFetch && shown.kind === 'ready') set({ load: { ...shown, refreshing: false }, notice: undefined });
        return;
      }
      // Data arrival, for the benchmark's "data to first complete render" figure.
      performance.mark('fleetmap:data');
      // A slower, older request must not replace a newer answer.
      if (id === latestFetch) set({ load: { kind: 'ready', topology, refreshing: false }, notice: undefined });
    } catch (e) {
      if (id !== latestFetch) return;
      const message = e instanceof Error ? e.message : String(e);
      // A failed refresh keeps the map it had, says why, and lets Refresh be pressed again.
      const shown = get().load;
      if (shown.kind === 'ready') set({ load: { ...shown, refreshing: false }, notice: `Refresh failed: ${message}` });
      else set({ load: { kind: 'error', message } });
    }
  },
  ...readUrl(),
  expanded: new Set<string>(),
  errorsOpen: false,
  opened: 0,
  problem: undefined,
  showProblem(problem) {
    set({ problem });
  },
  requestFocus(id) {
    set({ focus: { id, n: (get().focus?.n ?? 0) + 1 }, selected: id });
    writeUrl(get());
  },
  setView(view) {
    set({ view });
    writeUrl(get());
  },
  select(selected) {
    set({ selected });
    writeUrl(get());
  },
  toggleExpanded(id) {
    const next = new Set(get().expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ expanded: next });
  },
  setHiddenNamespaces(hiddenNamespaces) {
    set({ hiddenNamespaces });
    writeUrl(get());
  },
  setErrorsOpen(errorsOpen) {
    set({ errorsOpen });
  },
}));

/** Named selectors: components subscribe to exactly what they draw. */
export const selectLoad = (s: Store) => s.load;
export const selectView = (s: Store) => s.view;
export const selectSelected = (s: Store) => s.selected;
export const selectExpanded = (s: Store) => s.expanded;
export const selectHiddenNamespaces = (s: Store) => s.hiddenNamespaces;
export const selectErrorsOpen = (s: Store) => s.errorsOpen;
export const selectMode = (s: Store) => s.mode;
export const selectNotice = (s: Store) => s.notice;
export const selectLayoutFallback = (s: Store) => s.layoutFallback;
export const selectFocus = (s: Store) => s.focus;
export const selectOpened = (s: Store) => s.opened;
export const selectProblem = (s: Store) => s.problem;
export const selectFollowing = (s: Store) => s.following;
export const selectConnected = (s: Store) => s.connected;
export const selectLiveStatus = (s: Store) => s.status;
/**
 * The map's highlights: on the live map, resources added or changed in the last minute, by id; as of a moment, none
 * (they speak of now); comparing two moments, what B added and changed since A.
 */
export const selectFresh = (s: Store) => (s.timeline.kind === 'live' ? s.fresh : (pastViewOf(s.timeline)?.marks ?? s.fresh));
export const selectGhosts = (s: Store) => s.ghosts;
export const selectChanges = (s: Store) => s.changes;
export const selectUnseenChanges = (s: Store) => s.unseenChanges;
export const selectChangesOpen = (s: Store) => s.changesOpen;
export const selectWallboard = (s: Store) => s.wallboard;
/** The server's version of the topology shown, while the page follows its event stream */
export const selectVersion = (s: Store) => s.version;
export const selectHistory = (s: Store) => s.history;
export const selectTimeline = (s: Store) => s.timeline;
