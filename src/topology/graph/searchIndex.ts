import { kindList, type Topology } from '../model';
import { entry, GROUP_ORDER, searchContext, SEARCHED_KINDS, searchTerm, type SearchGroupKind, type SearchState } from './searchEntries';

/** Between terms and between entries in a haystack's text: a query without it cannot match across two terms. */
const SEP = '\u0000';

/**
 * The terms of many entries as one lower-case text, so a query is a run of native indexOf calls over it rather than
 * an includes per term per entry: at 100,000 tasks that is the difference between a few milliseconds and a hundred.
 */
export interface Haystack {
  text: string;
  /** Where each entry's terms begin in text, and one more: where the next would */
  starts: Int32Array;
  /** Entries with a term that holds SEP, by place, terms in lower case: only they can match a query that holds it */
  odd: Map<number, readonly string[]>;
}

const lower = (s: string) => s.toLowerCase();

/** An entry's terms as its part of a haystack's text, in any case. */
export const joinTerms = (terms: readonly string[]): string => terms.join(SEP);
/** Whether an entry's terms need keeping beside its part: one of them holds SEP. */
export const oddTerms = (terms: readonly string[]): boolean => terms.some((t) => t.includes(SEP));

/** Entries' parts (joinTerms), with the terms of the odd ones by place, as one lower-case haystack. */
export function haystackOf(parts: readonly string[], odd: ReadonlyMap<number, readonly string[]>): Haystack {
  const joined = parts.join(SEP);
  // ASCII keeps its length in lower case, so then the whole text is lowered in one call and the places still hold.
  const lowered = /[\u0080-\uffff]/.test(joined) ? parts.map(lower) : undefined;
  const starts = new Int32Array(parts.length + 1);
  let at = 0;
  (lowered ?? parts).forEach((part, i) => {
    starts[i] = at;
    at += part.length + SEP.length;
  });
  starts[parts.length] = at;
  return {
    text: lowered ? lowered.join(SEP) : joined.toLowerCase(),
    starts,
    odd: new Map([...odd].map(([i, terms]) => [i, terms.map(lower)])),
  };
}

/** Entries' terms, in any case, as one lower-case haystack. */
export function haystack(termLists: readonly (readonly string[])[]): Haystack {
  const odd = new Map<number, readonly string[]>();
  termLists.forEach((terms, i) => {
    if (oddTerms(terms)) odd.set(i, terms);
  });
  return haystackOf(termLists.map(joinTerms), odd);
}

/** Marks (sets to 1) each entry with a term that holds q, a non-empty lower-case query. */
export function markMatches(h: Haystack, q: string, marks: Uint8Array): void {
  if (q.includes(SEP)) {
    for (const [i, terms] of h.odd) if (terms.some((t) => t.includes(q))) marks[i] = 1;
    return;
  }
  let i = 0;
  let at = h.text.indexOf(q);
  while (at >= 0) {
    while ((h.starts[i + 1] ?? Infinity) <= at) i++;
    marks[i] = 1;
    // The rest of this entry's terms can only mark it again.
    at = h.text.indexOf(q, h.starts[i + 1] ?? Infinity);
  }
}

const STATE_BIT: Record<SearchState, number> = { unhealthy: 1, crashloop: 2, pending: 4, deploying: 8, stopped: 16, degraded: 32 };
export const stateMask = (states: Iterable<SearchState>): number => {
  let mask = 0;
  for (const s of states) mask |= STATE_BIT[s];
  return mask;
};

/** Ids, each one term, as a haystack: for queries written like an ARN or a path. */
export function pathsOf(ids: readonly string[]): Haystack {
  const odd = new Map<number, readonly string[]>();
  ids.forEach((id, i) => {
    if (id.includes(SEP)) odd.set(i, [id]);
  });
  return haystackOf(ids, odd);
}

/**
 * Every searchable resource of a topology at a place of its own, the places listed group by group in GROUP_ORDER and
 * within a group in the order hits are shown: by name, then detail (both as localeCompare orders them), then as the
 * kinds and ids sort. A query's hits are then the marked places in order, each name's rank picking its tier, with no
 * sort and no hit made beyond the few shown.
 */
export interface SearchIndex {
  ids: string[];
  groups: { kind: SearchGroupKind; start: number; end: number }[];
  /** Per place, its name's number in names */
  nameOf: Int32Array;
  /** Lower-case names */
  names: string[];
  /** Per place, its states as STATE_BIT flags */
  states: Uint8Array;
  terms: Haystack;
  /** Lower-case ids, made on the first query written like a path */
  paths?: Haystack;
}

/**
 * Entries as parallel lists, not an object each: at 100,000 tasks the index is built in one go and kept, and fewer
 * objects that live through it make for less garbage collection.
 */
export function buildIndex(topology: Topology): SearchIndex {
  const ctx = searchContext(topology);
  const ids: string[] = [];
  const names: string[] = [];
  const details: string[] = [];
  const states: number[] = [];
  const parts: string[] = [];
  const odd = new Map<number, readonly string[]>();
  const groupOf: SearchGroupKind[] = [];
  for (const kind of SEARCHED_KINDS) {
    for (const r of kindList(topology, kind)) {
      const e = entry(r, ctx);
      if (!e) continue;
      ids.push(e.id);
      names.push(e.name);
      details.push(e.detail);
      states.push(stateMask(e.states));
      const terms = e.terms.filter(Boolean).map(searchTerm);
      if (oddTerms(terms)) odd.set(parts.length, terms);
      parts.push(joinTerms(terms));
      groupOf.push(e.group);
    }
  }
  // Names in localeCompare order, the ones it holds equal sharing a rank, so entries compare names by number.
  const distinct = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  const numberOf = new Map(distinct.map((name, i) => [name, i]));
  const rankOf = new Int32Array(distinct.length);
  distinct.forEach((name, i) => {
    const prev = distinct[i - 1];
    rankOf[i] = prev !== undefined && prev.localeCompare(name) === 0 ? (rankOf[i - 1] ?? i) : i;
  });
  const nameNumbers = Int32Array.from(names, (name) => numberOf.get(name) ?? 0);
  const nameRank = (i: number) => rankOf[nameNumbers[i] ?? 0] ?? 0;
  const groupRank = new Map(GROUP_ORDER.map((g, i) => [g, i]));
  const groupIndex = Int32Array.from(groupOf, (g) => groupRank.get(g) ?? 0);
  // Array.sort is stable, so entries equal by group, name and detail keep the kind-then-id order they were made in.
  const order = ids
    .map((_, i) => i)
    .sort((a, b) => (groupIndex[a] ?? 0) - (groupIndex[b] ?? 0) || nameRank(a) - nameRank(b) || (details[a] ?? '').localeCompare(details[b] ?? ''));
  const placeOf = new Int32Array(order.length);
  order.forEach((i, place) => (placeOf[i] = place));
  const groups: SearchIndex['groups'] = [];
  order.forEach((i, place) => {
    const kind = groupOf[i] ?? 'service';
    const last = groups.at(-1);
    if (last?.kind === kind) last.end = place + 1;
    else groups.push({ kind, start: place, end: place + 1 });
  });
  return {
    ids: order.map((i) => ids[i] ?? ''),
    groups,
    nameOf: Int32Array.from(order, (i) => nameNumbers[i] ?? 0),
    names: distinct.map(lower),
    states: Uint8Array.from(order, (i) => states[i] ?? 0),
    terms: haystackOf(
      order.map((i) => parts[i] ?? ''),
      new Map([...odd].map(([i, terms]) => [placeOf[i] ?? 0, terms])),
    ),
  };
}
