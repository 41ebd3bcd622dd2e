import { bucketFor, bucketSpec } from './limits';
import { TokenBucket } from './tokenBucket';

/** Calls in flight per bucket: enough to hide 20–100 ms of latency, few enough not to burst past a refill. */
export const MAX_IN_FLIGHT = 8;
const PACE_MARGIN = 0.97;

/** At most `max` holders at once; a waiter whose signal aborts leaves the queue and never holds a slot. */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  /** Resolves holding a slot (release it), or rejects with the signal's reason, holding none. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason as Error);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

/** What one throttle bucket of one account and Region paces with: its tokens and its calls in flight. */
export interface Lane {
  bucket: TokenBucket;
  slots: Slots;
}

/**
 * AWS counts its token buckets per account and Region, whoever calls, so every read in this process against one
 * account and Region paces against the same lanes: two concurrent reads share a bucket instead of each assuming a
 * full one.
 */
const lanes = new Map<string, Lane>();

/**
 * The share of each bucket that reads for an account may spend (serve --api-budget), by the account string the
 * read context is given: deploy tools and autoscaling sharing the account keep the rest of the bucket.
 */
const shares = new Map<string, number>();

/** Reads whose read context names `account` pace at `share` of each bucket's burst and sustained rate. */
export function setAccountShare(account: string, share: number): void {
  if (!(share > 0 && share <= 1)) throw new Error(`an API budget is a share above 0 and at most 1, not ${share}`);
  shares.set(account, share);
}

/** The scope is "<account>|<region>" (context.ts); a Region name has no "|". */
const shareOf = (scope: string) => shares.get(scope.slice(0, scope.lastIndexOf('|'))) ?? 1;

/** The lane of an operation for an account and Region (`scope`), made on first use. */
export function laneFor(scope: string, service: 'ecs' | 'ec2' | 'elbv2' | 'eks', operation: string): Lane {
  const { spec, key } = bucketFor(service, operation);
  const id = `${scope}#${key}`;
  let lane = lanes.get(id);
  if (!lane) {
    // A little under AWS's numbers: calls leave in bursts and arrive out of order, and other clients share the bucket.
    const aws = bucketSpec(spec);
    const share = shareOf(scope);
    const paced = {
      capacity: Math.max(1, (aws.capacity - MAX_IN_FLIGHT) * share),
      refillPerSecond: aws.refillPerSecond * PACE_MARGIN * share,
    };
    lane = { bucket: new TokenBucket(paced, Date.now()), slots: new Slots(MAX_IN_FLIGHT) };
    lanes.set(id, lane);
  }
  return lane;
}
