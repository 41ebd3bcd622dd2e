import type { Topology } from '../model';
import { entry, GROUP_HEADINGS, looksLikePath, searchContext, type Context, type SearchGroupKind, type SearchHit, type SearchState } from './searchEntries';
import { perResources } from './memo';
import { buildIndex, markMatches, pathsOf, stateMask, type SearchIndex } from './searchIndex';

export type { SearchGroupKind, SearchHit, SearchState } from './searchEntries';

/**
 * The words that ask for each state. A query asks for a state when one of its words starts with the query, so
 * "crash" finds CrashLoopBackOff; a word is never matched inside another, so "healthy" does not find unhealthy ones.
 */
const STATE_WORDS: Record<SearchState, readonly string[]> = {
  unhealthy: ['unhealthy', 'failing'],
  crashloop: ['crashloop', 'crashloopbackoff', 'crashing'],
  pending: ['pending', 'provisioning'],
  deploying: ['deploying', 'rollout', 'rolling'],
  stopped: ['stopped'],
  degraded: ['degraded', 'under-replicated'],
};
/** Shorter queries ("st", "de") are names in the making, not states. */
const STATE_QUERY_MIN = 3;

export interface SearchGroup {
  kind: SearchGroupKind;
  heading: string;
  hits: SearchHit[];
  /** Hits in the group before the limit */
  total: number;
}

/** Once per resources record: topologies are never mutated, and every entry is derived from the resources alone. */
const indexOf = perResources(buildIndex);

/** Builds the topology's search index ahead of the first query, so typing never waits for it. */
export const prepareSearch = (topology: Topology): void => void indexOf(topology);

/** The states a lower-case query asks for. */
export function statesAsked(q: string): Set<SearchState> {
  if (q.length < STATE_QUERY_MIN) return new Set();
  return new Set((Object.keys(STATE_WORDS) as SearchState[]).filter((s) => STATE_WORDS[s].some((w) => w.startsWith(q))));
}

/** The places a query matches: by a term, by the id when written like a path, or by a state it names. */
function matches(index: SearchIndex, q: string): Uint8Array {
  const marks = new Uint8Array(index.ids.length);
  markMatches(index.terms, q, marks);
  if (looksLikePath(q)) {
    index.paths ??= pathsOf(index.ids);
    markMatches(index.paths, q, marks);
  }
  const asked = stateMask(statesAsked(q));
  if (asked) for (let i = 0; i < marks.length; i++) if ((index.states[i] ?? 0) & asked) marks[i] = 1;
  return marks;
}

function hitOf(ctx: Context, id: string): SearchHit[] {
  const r = ctx.topology.resources[id];
  const e = r && entry(r, ctx);
  return e ? [{ id: e.id, kind: e.kind, name: e.name, ...(e.suffix ? { suffix: e.suffix } : {}), detail: e.detail, states: e.states }] : [];
}

/**
 * Resources whose name, id, IP, DNS name or tag value holds the query (case-insensitive), or whose state it names,
 * grouped by kind in a fixed order; within a group the exact name first, then names that start with the query.
 * At most `perGroup` hits a group, `total` saying how many matched.
 */
export function searchTopology(topology: Topology, query: string, perGroup = 8): SearchGroup[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const index = indexOf(topology);
  const marks = matches(index, q);
  const rankOf = Uint8Array.from(index.names, (name) => (name === q ? 0 : name.startsWith(q) ? 1 : 2));
  // A negative limit keeps all but the last few, as slice does.
  const keep = perGroup < 0 ? Infinity : perGroup;
  const ctx = searchContext(topology);
  return index.groups.flatMap(({ kind, start, end }) => {
    // The places are in shown order, so each rank's first few are the ones shown.
    const tiers: number[][] = [[], [], []];
    let total = 0;
    for (let i = start; i < end; i++) {
      if (!marks[i]) continue;
      total++;
      const tier = tiers[rankOf[index.nameOf[i] ?? 0] ?? 2];
      if (tier && tier.length < keep) tier.push(i);
    }
    if (!total) return [];
    const hits = tiers
      .flat()
      .slice(0, perGroup)
      .flatMap((i) => hitOf(ctx, index.ids[i] ?? ''));
    return [{ kind, heading: GROUP_HEADINGS[kind], total, hits }];
  });
}
