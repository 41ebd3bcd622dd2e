import type { StateCreator } from 'zustand';
import type { Topology } from '../../topology/model';
import type { HistorySummary } from '../api';

/** One moment of the past as the page has it: being read, read, or refused (before the first capture, a bad time). */
export type Moment = { kind: 'loading'; at: number } | { kind: 'ready'; at: number; topology: Topology } | { kind: 'error'; at: number; message: string };

/** Whether the server keeps history: not yet asked, off (GET /api/history answered 404), or on with what it keeps. */
export type HistoryState = { kind: 'unknown' } | { kind: 'off' } | { kind: 'on'; summary: HistorySummary };

/**
 * What the map shows: the live estate, the estate as of a moment, or two moments compared. The live topology is
 * never touched by any of these: patches keep arriving in the live slice, and going back to live shows the latest.
 */
export type Timeline =
  | { kind: 'live' }
  /** `want` is where the scrubber stands; `shown` the last moment read (the map keeps it while `want` is read) */
  | { kind: 'asOf'; want: number; shown: Moment | undefined }
  /** A is picked first, then B; a later pick replaces B */
  | { kind: 'compare'; a: Moment | undefined; b: Moment | undefined };

export interface TimelineSlice {
  history: HistoryState;
  timeline: Timeline;
  loadHistory: () => Promise<void>;
  /** Shows the estate as it was at `at` (epoch ms) */
  scrubTo: (at: number) => void;
  backToLive: () => void;
  /** Starts a comparison with nothing picked */
  startCompare: () => void;
  /** In a comparison: picks A, then B */
  pick: (at: number) => void;
}

/** How the slice reads the server (the page's fetchers; a test's own). */
export interface TimelineDeps {
  history: () => Promise<HistorySummary | undefined>;
  topologyAt: (at: number) => Promise<Topology>;
}

export const timelineInitial = { history: { kind: 'unknown' }, timeline: { kind: 'live' } } satisfies Pick<TimelineSlice, 'history' | 'timeline'>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createTimelineSlice(deps: TimelineDeps): StateCreator<TimelineSlice, [], [], TimelineSlice> {
  return (set, get) => {
    /**
     * One as-of read at a time: a drag asks for many moments, and the server is asked for the newest wanted once the
     * read in flight ends. An answer for a moment no longer wanted is still shown if nothing newer is (it is what the
     * banner says it is), and dropped once the page has gone back to live.
     */
    let reading = false;
    const pump = async () => {
      if (reading) return;
      reading = true;
      try {
        for (;;) {
          const t = get().timeline;
          if (t.kind !== 'asOf' || t.shown?.at === t.want) return;
          const at = t.want;
          const moment = await read(at);
          const now = get().timeline;
          if (now.kind === 'asOf') set({ timeline: { ...now, shown: moment } });
        }
      } finally {
        reading = false;
      }
    };
    const read = async (at: number): Promise<Moment> => {
      try {
        return { kind: 'ready', at, topology: await deps.topologyAt(at) };
      } catch (e) {
        return { kind: 'error', at, message: message(e) };
      }
    };
    /** Reads a compared moment into its slot, if the slot still wants that moment when the answer comes. */
    const fill = async (slot: 'a' | 'b', at: number) => {
      const moment = await read(at);
      const t = get().timeline;
      if (t.kind === 'compare' && t[slot]?.at === at && t[slot].kind === 'loading') set({ timeline: { ...t, [slot]: moment } });
    };
    return {
      ...timelineInitial,
      async loadHistory() {
        try {
          const summary = await deps.history();
          set({ history: summary ? { kind: 'on', summary } : { kind: 'off' } });
        } catch {
          // A failed look at the history keeps what the page had: the map itself does not depend on it.
        }
      },
      scrubTo(at) {
        const t = get().timeline;
        if (t.kind === 'asOf' && t.want === at) return;
        set({ timeline: { kind: 'asOf', want: at, shown: t.kind === 'asOf' ? t.shown : undefined } });
        void pump();
      },
      backToLive() {
        set({ timeline: { kind: 'live' } });
      },
      startCompare() {
        set({ timeline: { kind: 'compare', a: undefined, b: undefined } });
      },
      pick(at) {
        const t = get().timeline;
        if (t.kind !== 'compare') return;
        const slot = t.a === undefined ? 'a' : 'b';
        if (t[slot]?.at === at) return;
        set({ timeline: { ...t, [slot]: { kind: 'loading', at } } });
        void fill(slot, at);
      },
    };
  };
}
