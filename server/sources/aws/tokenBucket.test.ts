import { describe, expect, it } from 'vitest';
import { THROTTLE_BUCKETS } from './limits';
import { TokenBucket } from './tokenBucket';

const spec = { capacity: 3, refillPerSecond: 2 };

describe('the token bucket', () => {
  it('lets a burst of its capacity through at once, then refuses until a token refills', () => {
    const bucket = new TokenBucket(spec, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, true, true, false]);
    // Two tokens a second: one is back after 500 ms, not before.
    expect(bucket.tryTake(499)).toBe(false);
    expect(bucket.tryTake(500)).toBe(true);
    expect(bucket.tryTake(500)).toBe(false);
  });

  it('never holds more than its capacity, however long it rests', () => {
    const bucket = new TokenBucket(spec, 0);
    for (let i = 0; i < 3; i++) bucket.tryTake(0);
    const taken = [1, 2, 3, 4].map(() => bucket.tryTake(3_600_000));
    expect(taken).toEqual([true, true, true, false]);
  });

  it('ignores a clock that goes back', () => {
    const bucket = new TokenBucket(spec, 10_000);
    for (let i = 0; i < 3; i++) bucket.tryTake(10_000);
    expect(bucket.tryTake(0)).toBe(false);
    expect(bucket.tryTake(10_500)).toBe(true);
  });

  it('tells each caller in a queue how long to wait, so reserved calls run at the sustained rate', () => {
    const bucket = new TokenBucket(spec, 0);
    const waits = Array.from({ length: 6 }, () => bucket.reserve(0));
    expect(waits).toEqual([0, 0, 0, 500, 1000, 1500]);
    // After the waits have passed the bucket is empty again, not in debt.
    expect(bucket.reserve(1500)).toBe(500);
  });

  it('runs a full ECS read at AWS’s published rate: burst 50, then 20 calls a second', () => {
    const bucket = new TokenBucket(THROTTLE_BUCKETS['ecs:cluster-read'] ?? spec, 0);
    const waits = Array.from({ length: 90 }, () => bucket.reserve(0));
    expect(waits.filter((w) => w === 0)).toHaveLength(50);
    expect(waits.at(-1)).toBe(2000);
  });
});
