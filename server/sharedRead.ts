import type { Topology } from '../src/topology/model';
import type { TopologySource } from './sources/types';

/** How long a finished read answers a refresh: a burst of refreshes (or reloads) costs one read of the account. */
export const REFRESH_REUSE_MS = 5_000;

export interface SharedRead {
  /** The last read, or the read in flight, or a new read when there is neither */
  latest(): Promise<Topology>;
  /** A new read, unless one is in flight (joined) or one finished less than `reuseMs` ago (returned) */
  refresh(): Promise<Topology>;
}

/**
 * One read at a time for the whole process, whatever the number of callers: a full read costs hundreds of AWS
 * calls against per-account throttle buckets, so it must never be multiplied by the number of browsers.
 */
export function sharedRead(source: TopologySource, options: { reuseMs?: number; clock?: () => number } = {}): SharedRead {
  const reuseMs = options.reuseMs ?? REFRESH_REUSE_MS;
  const clock = options.clock ?? Date.now;
  let inFlight: Promise<Topology> | undefined;
  let last: { topology: Promise<Topology>; finishedAt: number } | undefined;

  const start = (): Promise<Topology> => {
    const read = source.read();
    inFlight = read;
    read.then(
      () => {
        last = { topology: read, finishedAt: clock() };
        if (inFlight === read) inFlight = undefined;
      },
      // A failed read is not kept: the caller hears of it, and the next request reads again.
      () => {
        if (inFlight === read) inFlight = undefined;
      },
    );
    return read;
  };

  return {
    latest: () => inFlight ?? last?.topology ?? start(),
    refresh: () => inFlight ?? (last && clock() - last.finishedAt < reuseMs ? last.topology : start()),
  };
}
