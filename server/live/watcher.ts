import type { Topology } from '../../src/topology/model';
import { diffTopology } from '../../src/topology/live/diff';
import type { TopologyPatch, VersionedTopology } from '../../src/topology/live/patch';
import { patchLog } from '../../src/topology/live/patchLog';
import type { TopologySource } from '../sources/types';
import { DEFAULT_API_BUDGET, planRefresh, type RefreshPlan } from './budget';
import { progressTracker, type LiveStatus } from './status';

/** What a viewer hears: the first topology, each patch after it, and every change of freshness. */
export type LiveEvent = { kind: 'topology'; versioned: VersionedTopology } | { kind: 'patch'; patch: TopologyPatch } | { kind: 'status'; status: LiveStatus };

export interface WatcherOptions {
  source: TopologySource;
  /** Start to start, before any stretch for the budget; undefined: read only when asked (a snapshot) */
  refreshMs?: number | undefined;
  /** The share of each AWS throttle bucket the reads may spend (default 0.25) */
  apiBudget?: number;
  /** How long a finished read answers an early refresh (default 5 s) */
  reuseMs?: number;
  /** Epoch ms; injected by tests */
  clock?: () => number;
  /** Patches kept for viewers that reconnect (default 200) */
  historyLimit?: number;
  /** A source that tells of changes between reads (Kubernetes watches) is read again this long after the last one */
  nudgeDebounceMs?: number;
  /** At most one progress status per this many ms while a read runs (default 250) */
  progressEveryMs?: number;
}

export interface Watcher {
  current(): VersionedTopology | undefined;
  /** The current topology, or the first read's when there is none yet */
  latest(): Promise<VersionedTopology>;
  /** An early cycle: joins the one in flight, or answers the last one when it finished less than `reuseMs` ago */
  refresh(): Promise<VersionedTopology>;
  status(): LiveStatus;
  /** The patches after `version`, or 'too-far-behind' when they are no longer kept (or belong to another run) */
  since(version: number): TopologyPatch[] | 'too-far-behind';
  subscribe(listener: (e: LiveEvent) => void): () => void;
  start(): void;
  stop(): void;
}

/** How long a finished read answers an early refresh: a burst of refreshes (or reloads) costs one read of the account. */
export const REFRESH_REUSE_MS = 5_000;
export const HISTORY_LIMIT = 200;
export const NUDGE_DEBOUNCE_MS = 1_000;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const total = (calls: Readonly<Record<string, number>>) => Object.values(calls).reduce((a, b) => a + b, 0);

/**
 * A read that lost the whole estate to errors (expired credentials, an endpoint gone) is a failed read, not an
 * empty account: the last good map stays, marked stale, rather than every box vanishing as "stopped".
 */
function failure(previous: Topology | undefined, next: Topology): string | undefined {
  if (!previous || next.errors.length === 0 || read(next) > 0 || read(previous) === 0) return undefined;
  const [first] = next.errors;
  return first ? `${first.api}: ${first.message}` : 'the read returned nothing';
}

/** What a read found in the account: every resource but the Region it was asked about (always there). */
const read = (t: Topology) => Object.values(t.resources).filter((r) => r.kind !== 'region').length;

/**
 * One watcher per server keeps the estate fresh for every viewer: one read at a time whatever the number of
 * browsers (AWS throttle buckets are per account), each read that changed anything a new version and a patch.
 * Versions start at the first read's epoch ms, so a browser holding a version of an earlier run of the server is
 * never handed patches of another history: its version is older than anything kept, and it gets a whole topology.
 */
export function createWatcher(options: WatcherOptions): Watcher {
  const { source } = options;
  const clock = options.clock ?? Date.now;
  const budget = options.apiBudget ?? DEFAULT_API_BUDGET;
  const reuseMs = options.reuseMs ?? REFRESH_REUSE_MS;
  const progressEveryMs = options.progressEveryMs ?? 250;
  const historyLimit = options.historyLimit ?? HISTORY_LIMIT;
  let log = patchLog(historyLimit);
  const listeners = new Set<(e: LiveEvent) => void>();

  let current: VersionedTopology | undefined;
  let firstVersion: number | undefined;
  let status: LiveStatus = { state: 'reading', version: 0 };
  let plan: (RefreshPlan & { callsFullRead: number }) | undefined;
  let lastCalls: Record<string, number> | undefined;
  let inFlight: Promise<VersionedTopology> | undefined;
  let lastGoodAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let nudgeTimer: NodeJS.Timeout | undefined;
  let unwatch: (() => void) | undefined;
  let running = false;

  const emit = (e: LiveEvent) => {
    for (const listener of listeners) listener(e);
  };
  const setStatus = (next: LiveStatus) => {
    status = next;
    emit({ kind: 'status', status });
  };
  const version = () => current?.version ?? 0;

  const accept = (next: Topology, between: boolean): VersionedTopology => {
    const failed = failure(current?.topology, next);
    if (failed) throw new Error(failed);
    if (!current) {
      firstVersion = Math.max(1, Math.floor(clock()));
      current = { version: firstVersion, topology: next };
      log = patchLog(historyLimit, firstVersion);
      emit({ kind: 'topology', versioned: current });
    } else {
      const patch = diffTopology(current.topology, next, current.version);
      // An unchanged estate keeps its version; the newer read still answers /api/topology (its read time).
      current = { version: patch ? patch.to : current.version, topology: next };
      if (patch) {
        log.push(patch);
        emit({ kind: 'patch', patch });
      }
    }
    // A rebuild between reads calls no AWS API: it says nothing of what a cycle costs.
    if (!between) lastCalls = next.stats.calls;
    if (options.refreshMs !== undefined && !between) {
      plan = { ...planRefresh(next.stats.calls, options.refreshMs, budget), callsFullRead: plan?.callsFullRead ?? total(next.stats.calls) };
    }
    // "Updated 8 s ago" speaks of the AWS read; a rebuild between reads refreshes only the Kubernetes side.
    const updatedAt = between ? (status.updatedAt ?? next.source.fetchedAt) : next.source.fetchedAt;
    if (!between) lastGoodAt = clock();
    setStatus({ state: 'live', version: current.version, updatedAt, ...(plan ? { refresh: plan } : {}) });
    return current;
  };

  const schedule = (startedAt: number) => {
    clearTimeout(timer);
    timer = undefined;
    if (!running || options.refreshMs === undefined) return;
    const every = plan?.everyMs ?? options.refreshMs;
    // A rebuild in flight when the time comes is waited for, not joined: the AWS read still happens.
    const due = () => void (inFlight ?? Promise.resolve()).catch(() => undefined).then(() => cycle().catch(() => undefined));
    timer = setTimeout(due, Math.max(0, startedAt + every - clock()));
  };

  /** A read of the estate, or (`between`) a rebuild from the last one and what the source's watches hold now. */
  const cycle = (between = false): Promise<VersionedTopology> => {
    if (inFlight) return inFlight;
    // A rebuild between reads leaves the AWS reads' timetable as it is.
    if (!between) clearTimeout(timer);
    const startedAt = clock();
    const progress = progressTracker(lastCalls);
    let lastProgress = 0;
    const { updatedAt, refresh, error } = status;
    // While it reads again, a stale map stays marked stale with its error: the error is gone only once a read succeeds.
    const base = { version: version(), ...(updatedAt !== undefined ? { updatedAt } : {}), ...(refresh ? { refresh } : {}), ...(error ? { error } : {}) };
    if (!between) setStatus({ ...base, state: 'reading', progress: progress.snapshot() });
    const onCall = (action: string) => {
      progress.call(action);
      const now = Date.now();
      if (now - lastProgress < progressEveryMs || status.state !== 'reading') return;
      lastProgress = now;
      setStatus({ ...base, state: 'reading', progress: progress.snapshot() });
    };
    const read = Promise.resolve().then(() => source.read({ onCall, incremental: true, apiBudget: budget, ...(between ? { betweenReads: true } : {}) }));
    // The cycle is over before anyone hears of it: a refresh asked on hearing "live" starts a new read.
    const settle = (outcome: () => VersionedTopology) => {
      inFlight = undefined;
      try {
        return outcome();
      } catch (e) {
        lastGoodAt = undefined;
        setStatus({ ...base, progress: progress.snapshot(), state: 'stale', error: `Could not read ${source.label}: ${messageOf(e)}` });
        throw e;
      } finally {
        if (!between) schedule(startedAt);
      }
    };
    const done = read.then(
      (next) => settle(() => accept(next, between)),
      (e: unknown) =>
        settle(() => {
          throw e;
        }),
    );
    inFlight = done;
    return done;
  };

  const nudge = () => {
    clearTimeout(nudgeTimer);
    nudgeTimer = setTimeout(() => void cycle(true).catch(() => undefined), options.nudgeDebounceMs ?? NUDGE_DEBOUNCE_MS);
  };

  return {
    current: () => current,
    latest: () => (current ? Promise.resolve(current) : cycle()),
    refresh: () => {
      if (inFlight) return inFlight;
      if (current && lastGoodAt !== undefined && clock() - lastGoodAt < reuseMs) return Promise.resolve(current);
      return cycle();
    },
    status: () => status,
    since(from) {
      if (!current || firstVersion === undefined) return 'too-far-behind';
      if (from === current.version) return [];
      if (from < firstVersion || from > current.version) return 'too-far-behind';
      const patches = log.since(from);
      // Only a chain that starts at the viewer's version and ends at the current one resumes it.
      if (patches === 'too-far-behind' || patches[0]?.from !== from || patches.at(-1)?.to !== current.version) return 'too-far-behind';
      return patches;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      unwatch = source.watch?.(nudge);
      void cycle().catch(() => undefined);
    },
    stop() {
      running = false;
      clearTimeout(timer);
      clearTimeout(nudgeTimer);
      unwatch?.();
      unwatch = undefined;
    },
  };
}
