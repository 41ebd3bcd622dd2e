import { afterEach, beforeEach } from 'vitest';

/**
 * For tests of a read that must never leave a rejection unhandled (one would take `fleetmap serve` down): the
 * returned list holds every unhandled rejection of the current test.
 */
export function watchUnhandledRejections(): unknown[] {
  const unhandled: unknown[] = [];
  const record = (e: unknown) => unhandled.push(e);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });
  return unhandled;
}
