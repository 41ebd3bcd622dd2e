import type { Topology } from '../../topology/model';
import type { Fresh } from '../liveSlice';
import { compareMoments, type Comparison } from './compare';
import type { Moment, Timeline } from './timelineSlice';

/** What the map shows of the past: undefined topologies while the first moment is being read. */
export interface PastView {
  /** The estate the counts, problems, search and status bar speak of */
  estate: Topology | undefined;
  /** What the map draws: the estate, with a comparison's ghosts */
  drawn: Topology | undefined;
  /** The highlights drawn on the map: none as of a moment; a comparison's added and changed */
  marks: ReadonlyMap<string, Fresh>;
  comparison: Comparison | undefined;
  /** Why nothing is drawn: the moment is being read, or the server refused it */
  message: string | undefined;
}

const NO_MARKS: ReadonlyMap<string, Fresh> = new Map();

const ready = (m: Moment | undefined): Topology | undefined => (m?.kind === 'ready' ? m.topology : undefined);

function waiting(m: Moment | undefined, what: string): string | undefined {
  if (m?.kind === 'error') return `${what} cannot be shown: ${m.message}`;
  if (m?.kind === 'loading') return `Reading ${what}…`;
  return undefined;
}

/**
 * Pure: the map of the past a timeline asks for; undefined for live (the page draws the live estate as it always
 * does). `now` dates a comparison's ghosts. As of a moment, the live highlights are not drawn: they speak of now.
 */
export function pastView(timeline: Timeline, now: number): PastView | undefined {
  switch (timeline.kind) {
    case 'live':
      return undefined;
    case 'asOf': {
      const estate = ready(timeline.shown);
      return {
        estate,
        drawn: estate,
        marks: NO_MARKS,
        comparison: undefined,
        message: estate ? undefined : (waiting(timeline.shown, 'the estate as it was') ?? 'Reading the estate as it was…'),
      };
    }
    case 'compare': {
      const { a, b } = timeline;
      // Nothing picked yet: the map stays live, and the banner asks for moment A.
      if (a === undefined) return undefined;
      const [before, after] = [ready(a), ready(b)];
      if (before && after) {
        const comparison = compareMoments(before, after, now);
        return { estate: after, drawn: comparison.drawn, marks: comparison.marks, comparison, message: undefined };
      }
      // Until B is read, the map shows A as of its moment, so the pick is seen at once.
      const message = waiting(b, 'moment B') ?? waiting(a, 'moment A');
      return { estate: before, drawn: before, marks: NO_MARKS, comparison: undefined, message: before && b?.kind !== 'error' ? undefined : message };
    }
  }
}

let memo: { timeline: Timeline; view: PastView | undefined } | undefined;

/**
 * pastView for the store's timeline, made once per timeline (the store replaces it on every change), so the map's
 * highlights and its topology are the very same objects for every reader until it changes.
 */
export function pastViewOf(timeline: Timeline): PastView | undefined {
  if (memo?.timeline !== timeline) memo = { timeline, view: pastView(timeline, Date.now()) };
  return memo.view;
}
