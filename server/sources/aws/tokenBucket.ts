/** A token bucket's size and rate, as AWS's request-throttling pages give them. */
export interface BucketSpec {
  /** burst: tokens the bucket holds */
  capacity: number;
  /** sustained: tokens added per second */
  refillPerSecond: number;
}

/**
 * AWS's throttling model: a bucket holds `capacity` tokens, refills `refillPerSecond`, each call takes one.
 * The fake AWS rejects a call when the bucket is empty; the collector waits for a token instead, so a full
 * read runs at the sustained rate without drawing throttling errors.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.capacity;
    this.last = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.spec.capacity, this.tokens + elapsed * this.spec.refillPerSecond);
    this.last = now;
  }

  /** Takes a token if one is there. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Reserves a token and says how many ms to wait before using it (0 when one is there now). */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.spec.refillPerSecond) * 1000);
  }
}
