import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

/** How long a whole read may take before what was read is returned (--read-timeout). */
export const DEFAULT_READ_TIMEOUT_MS = 120_000;

/**
 * Before the deadline, the chains that join several answers (subnets wait for tasks, instances and load balancers)
 * stop waiting for what has not come, so their own calls still fit: this share of the deadline, at most 10 s.
 */
const JOIN_RESERVE = 0.1;
const JOIN_RESERVE_MAX_MS = 10_000;

/** Thrown by `Deadline.race` when the deadline passes first. */
export class DeadlineExceeded extends Error {
  override readonly name = 'ReadTimeout';
}

/** One read's deadline: a signal that aborts in-flight calls when it passes, and helpers to stop waiting. */
export interface Deadline {
  readonly ms: number;
  /** Aborted when the deadline passes */
  readonly signal: AbortSignal;
  expired(): boolean;
  /** `p`, or a DeadlineExceeded rejection when the deadline passes first (a later rejection of `p` is handled). */
  race<T>(p: Promise<T>): Promise<T>;
  /** `p`'s value if it comes before the join cutoff (a little before the deadline), else `fallback` at the cutoff */
  join<T>(p: Promise<T>, fallback: T): Promise<T>;
  /** Stops the timers (the read has finished). */
  dispose(): void;
}

/** "1.5 s", "120 s": the deadline as errors and hints write it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Waits until `signal` aborts; never rejects. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const cutoff = new AbortController();
  // Every call in flight listens to the one signal; hundreds at once are expected, not a leak.
  setMaxListeners(0, controller.signal, cutoff.signal);
  const reserve = Math.min(ms * JOIN_RESERVE, JOIN_RESERVE_MAX_MS);
  const timers = [
    setTimeout(() => controller.abort(new DeadlineExceeded(`the read's deadline of ${seconds(ms)} passed`)), ms),
    setTimeout(() => cutoff.abort(), ms - reserve),
  ];
  // A finished read must not keep a one-shot command alive until the deadline.
  for (const t of timers) t.unref();
  const expiredP = aborted(controller.signal);
  const cutoffP = aborted(cutoff.signal);
  return {
    ms,
    signal: controller.signal,
    expired: () => controller.signal.aborted,
    race<T>(p: Promise<T>): Promise<T> {
      return Promise.race([
        p,
        expiredP.then((): never => {
          throw new DeadlineExceeded(`no answer within ${seconds(ms)}`);
        }),
      ]);
    },
    join<T>(p: Promise<T>, fallback: T): Promise<T> {
      return Promise.race([p, cutoffP.then(() => fallback)]);
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
    },
  };
}

/**
 * The deadline's signal of the read a call belongs to. The SDK clients are shared by every read of a source; their
 * request handler takes the signal from here, so a read's deadline aborts its own calls (and their retries) only.
 */
export const readSignal = new AsyncLocalStorage<AbortSignal>();
