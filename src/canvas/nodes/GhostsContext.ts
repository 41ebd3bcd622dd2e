import { createContext } from 'react';

/**
 * The tasks and pods on the map only as ghosts (stopped or gone, kept a few minutes with their stop reason), for their
 * tooltips; the wrapper's class (liveMarks.ts) draws them faded. A context, as ProblemsContext: it changes only with
 * the topology, when every unit is drawn again anyway.
 */
export const GhostsContext = createContext<ReadonlySet<string>>(new Set());

/** What a ghost's tooltip says after its stop reason. */
export const GHOST_TEXT = 'gone from the estate; shown for a few minutes';
