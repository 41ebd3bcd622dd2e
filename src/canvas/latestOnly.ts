/** How an asynchronous request ended. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Wraps an asynchronous step so only the newest request's answer is delivered: an answer (or a failure) for a
 * request that a later one has since replaced is dropped, so an older, slower layout can never be drawn over a
 * newer topology's.
 */
export function latestOnly<K, T>(run: (key: K) => Promise<T>): (key: K, deliver: (key: K, outcome: Settled<T>) => void) => void {
  let latest = 0;
  return (key, deliver) => {
    const mine = ++latest;
    run(key).then(
      (value) => {
        if (mine === latest) deliver(key, { ok: true, value });
      },
      (error: unknown) => {
        if (mine === latest) deliver(key, { ok: false, error });
      },
    );
  };
}
