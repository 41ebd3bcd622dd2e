import type { ReadError } from '../../../src/topology/model';
import { bucketFor, bucketSpec } from './limits';
import { TokenBucket } from './tokenBucket';

/** What every reader shares during one read: pacing per throttle bucket, call counts, and the errors met. */
export interface ReadContext {
  /** Runs one AWS call: waits for a token of its bucket and a free slot, counts attempts, records failures. */
  call<T>(service: 'ecs' | 'ec2' | 'elbv2' | 'eks', operation: string, resource: string | undefined, fn: () => Promise<T>): Promise<T | undefined>;
  errors: ReadError[];
  calls: Record<string, number>;
  retries: number;
  /** Reports a call made outside `call` (the Kubernetes API), for progress */
  onCall?: ((action: string) => void) | undefined;
}

const IAM_PREFIX = { ecs: 'ecs', ec2: 'ec2', elbv2: 'elasticloadbalancing', eks: 'eks' } as const;

/** Calls in flight per bucket: enough to hide 20–100 ms of latency, few enough not to burst past a refill. */
const MAX_IN_FLIGHT = 8;
const PACE_MARGIN = 0.97;

interface AwsLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { attempts?: number };
}

function asAwsError(e: unknown): AwsLikeError {
  return typeof e === 'object' && e !== null ? (e as AwsLikeError) : { message: String(e) };
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnrecognizedClientException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError']);

/** One sentence that says what to do about a failed call. */
export function hintFor(code: string, action: string, region: string): string {
  if (DENIED.has(code)) return `Grant ${action} to the identity Fleetmap reads with (iam/fleetmap-readonly-policy.json lists every action it needs).`;
  if (THROTTLED.has(code)) return `AWS kept throttling ${action} after the SDK's retries; read again later, or raise --max-attempts.`;
  if (UNREACHABLE.has(code))
    return `Could not reach the ${action.split(':')[0] ?? ''} endpoint for ${region}: check the region name, the network or proxy, and AWS_ENDPOINT_URL.`;
  if (code === 'CredentialsProviderError' || code === 'ExpiredTokenException' || code === 'ExpiredToken')
    return 'No valid AWS credentials: run "aws sso login" or set AWS_PROFILE, then read again.';
  return `AWS answered ${code} to ${action}; the rest of the estate is still drawn.`;
}

class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

export function createReadContext(region: string, options: { pace?: boolean; onCall?: (action: string) => void } = {}): ReadContext {
  const buckets = new Map<string, { bucket: TokenBucket; slots: Slots }>();
  const denials = new Map<string, number>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const ctx: ReadContext = {
    errors: [],
    calls: {},
    retries: 0,
    onCall: options.onCall,
    async call(service, operation, resource, fn) {
      const { spec, key } = bucketFor(service, operation);
      let lane = buckets.get(key);
      if (!lane) {
        // A little under AWS's numbers: calls leave in bursts and arrive out of order, and other clients share the bucket.
        const aws = bucketSpec(spec);
        const paced = { capacity: Math.max(1, aws.capacity - MAX_IN_FLIGHT), refillPerSecond: aws.refillPerSecond * PACE_MARGIN };
        lane = { bucket: new TokenBucket(paced, Date.now()), slots: new Slots(MAX_IN_FLIGHT) };
        buckets.set(key, lane);
      }
      const action = `${IAM_PREFIX[service]}:${operation}`;
      await lane.slots.acquire();
      try {
        if (options.pace !== false) {
          const wait = lane.bucket.reserve(Date.now());
          if (wait > 0) await sleep(wait);
        }
        const out = await fn();
        const attempts = (out as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        ctx.calls[action] = (ctx.calls[action] ?? 0) + attempts;
        ctx.retries += attempts - 1;
        options.onCall?.(action);
        return out;
      } catch (e) {
        const err = asAwsError(e);
        const attempts = err.$metadata?.attempts ?? 1;
        ctx.calls[action] = (ctx.calls[action] ?? 0) + attempts;
        ctx.retries += attempts - 1;
        options.onCall?.(action);
        const code = err.code && UNREACHABLE.has(err.code) ? err.code : (err.name ?? 'Error');
        // A denied action fails the same way for every resource: one entry says it, with how many were affected.
        const same = DENIED.has(code) ? ctx.errors.find((x) => x.api === action && x.code === code) : undefined;
        if (same) {
          denials.set(action, (denials.get(action) ?? 1) + 1);
          same.resource = `${denials.get(action) ?? 2} resources`;
          return undefined;
        }
        ctx.errors.push({
          api: action,
          ...(resource ? { resource } : {}),
          code,
          message: err.message ?? code,
          hint: hintFor(code, action, region),
        });
        return undefined;
      } finally {
        lane.slots.release();
      }
    },
  };
  return ctx;
}
