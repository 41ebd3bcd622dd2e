import type { ReadError } from '../../../src/topology/model';
import type { AwsService } from './clients';
import { DEFAULT_READ_TIMEOUT_MS, DeadlineExceeded, readSignal, seconds, startDeadline, type Deadline } from './deadline';
import { describeResources } from './naming';
import { laneFor } from './pacing';
import { checkAnswer, type Malformed } from './validate';

/** What every reader shares during one read: pacing per throttle bucket, call counts, the errors met, the deadline. */
export interface ReadContext {
  /**
   * Runs one AWS call: waits for a token of its bucket and a free slot, counts attempts, checks the answer against
   * its operation's rule (schemas.ts), records failures. Undefined when the call failed or was not made.
   */
  call<T>(service: AwsService, operation: string, resource: string | undefined, fn: () => Promise<T>): Promise<T | undefined>;
  errors: ReadError[];
  calls: Record<string, number>;
  retries: number;
  /** Reports a call made outside `call` (the Kubernetes API), for progress */
  onCall?: ((action: string) => void) | undefined;
  /** The read's deadline, which calls outside `call` (the Kubernetes API) keep too */
  deadline: Deadline;
}

export interface ReadContextOptions {
  pace?: boolean;
  onCall?: (action: string) => void;
  /** Whose throttle buckets to pace against: the account (or the profile and endpoint standing for it) */
  account?: string;
  deadline?: Deadline;
}

const IAM_PREFIX = { ecs: 'ecs', ec2: 'ec2', elbv2: 'elasticloadbalancing', eks: 'eks' } as const;

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
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMED_OUT = new Set(['ETIMEDOUT', 'TimeoutError']);
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredTokenException', 'ExpiredToken']);
/** Failures of the endpoint or the identity, not of an item: one answer stands for every call of the API. */
const OF_THE_ENDPOINT = [DENIED, THROTTLED, UNREACHABLE, TIMED_OUT, NO_CREDENTIALS, new Set(['UnexpectedResponse', 'ReadTimeout'])];

/**
 * Whether every failure of one API with this code becomes one error naming all its resources ("3 clusters: a, b,
 * c"): a proxy's page or a denial is the same for each batch, and a line per batch only buries the other errors.
 * A MalformedResponse is about one item and keeps its own line.
 */
export function groupsByApi(code: string): boolean {
  return OF_THE_ENDPOINT.some((codes) => codes.has(code));
}

/** One sentence that says what to do about a failed call. */
export function hintFor(code: string, action: string, region: string): string {
  const endpoint = `the ${action.split(':')[0] ?? ''} endpoint for ${region}`;
  const Endpoint = `The ${action.split(':')[0] ?? ''} endpoint for ${region}`;
  if (DENIED.has(code)) return `Grant ${action} to the identity Fleetmap reads with (iam/fleetmap-readonly-policy.json lists every action it needs).`;
  if (THROTTLED.has(code)) return `AWS kept throttling ${action} after the SDK's retries; read again later, or raise --max-attempts.`;
  if (UNREACHABLE.has(code)) return `Could not reach ${endpoint}: check the region name, the network or proxy, and AWS_ENDPOINT_URL.`;
  if (TIMED_OUT.has(code)) return `${Endpoint} stopped answering in the middle of a call: check the network path or proxy, and AWS_ENDPOINT_URL.`;
  if (code === 'UnexpectedResponse')
    return `Something other than AWS answered for ${endpoint} (a proxy's page?): check HTTPS_PROXY and NO_PROXY, and AWS_ENDPOINT_URL.`;
  if (code === 'MalformedResponse')
    return `${Endpoint} answered ${action} with an item that does not have AWS's shape; it was left out and the rest of the estate is drawn.`;
  if (NO_CREDENTIALS.has(code)) return 'No valid AWS credentials: run "aws sso login" or set AWS_PROFILE, then read again.';
  return `AWS answered ${code} to ${action}; the rest of the estate is still drawn.`;
}

const isAbort = (e: unknown) => asAwsError(e).name === 'AbortError';

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createReadContext(region: string, options: ReadContextOptions = {}): ReadContext {
  const deadline = options.deadline ?? startDeadline(DEFAULT_READ_TIMEOUT_MS);
  const scope = `${options.account ?? 'default'}|${region}`;
  /** Errors that stand for many resources (a denied action, a proxy's page, calls not made), by action and code. */
  const grouped = new Map<string, { error: ReadError; resources: string[] }>();

  const record = (error: ReadError) => {
    if (!groupsByApi(error.code)) {
      ctx.errors.push(error.resource ? { ...error, resource: describeResources([error.resource]) } : error);
      return;
    }
    const key = `${error.api}|${error.code}`;
    const same = grouped.get(key) ?? { error: { ...error }, resources: [] };
    if (!grouped.has(key)) {
      grouped.set(key, same);
      ctx.errors.push(same.error);
    }
    if (error.resource) same.resources.push(error.resource);
    if (same.resources.length) same.error.resource = describeResources(same.resources);
  };
  const count = (action: string, attempts: number) => {
    ctx.calls[action] = (ctx.calls[action] ?? 0) + attempts;
    ctx.retries += attempts - 1;
    options.onCall?.(action);
  };
  const notMade = (action: string, resource: string | undefined) =>
    record({
      api: action,
      ...(resource ? { resource } : {}),
      code: 'ReadTimeout',
      message: `${action} was not called: the read's deadline of ${seconds(deadline.ms)} had passed`,
      hint: `The read stops after ${seconds(deadline.ms)} (--read-timeout) and draws what answered; raise --read-timeout for a slow endpoint.`,
    });
  const malformed = (action: string, operation: string, resource: string | undefined) => (m: Malformed) =>
    record({
      api: action,
      ...((m.id ?? resource) ? { resource: m.id ?? resource } : {}),
      code: 'MalformedResponse',
      message: `${operation} answered ${/^[aeiou]/i.test(m.what) ? 'an' : 'a'} ${m.what} Fleetmap cannot use, left out of the map: ${m.problem}`,
      hint: hintFor('MalformedResponse', action, region),
    });

  const ctx: ReadContext = {
    errors: [],
    calls: {},
    retries: 0,
    onCall: options.onCall,
    deadline,
    async call(service, operation, resource, fn) {
      const action = `${IAM_PREFIX[service]}:${operation}`;
      const lane = laneFor(scope, service, operation);
      try {
        await lane.slots.acquire(deadline.signal);
      } catch {
        notMade(action, resource);
        return undefined;
      }
      try {
        if (options.pace !== false) {
          const wait = lane.bucket.reserve(Date.now());
          if (wait > 0) await sleep(wait, deadline.signal);
        }
        if (deadline.expired()) {
          notMade(action, resource);
          return undefined;
        }
        // The call runs with the read's signal in scope: the SDK's request handler aborts it at the deadline.
        const out = await deadline.race(readSignal.run(deadline.signal, fn));
        count(action, (out as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1);
        return checkAnswer(`${service}:${operation}`, out, malformed(action, operation, resource));
      } catch (e) {
        const err = asAwsError(e);
        count(action, err.$metadata?.attempts ?? 1);
        if (e instanceof DeadlineExceeded || (deadline.expired() && isAbort(e))) {
          record({
            api: action,
            ...(resource ? { resource } : {}),
            code: 'ReadTimeout',
            message: `${action} did not answer within ${seconds(deadline.ms)}, the read's deadline`,
            hint: `The read stops after ${seconds(deadline.ms)} (--read-timeout) and draws what answered: check the network path or proxy to the ${IAM_PREFIX[service]} endpoint for ${region}, or raise --read-timeout.`,
          });
          return undefined;
        }
        const code = err.code && (UNREACHABLE.has(err.code) || TIMED_OUT.has(err.code)) ? err.code : (err.name ?? 'Error');
        record({ api: action, ...(resource ? { resource } : {}), code, message: err.message ?? code, hint: hintFor(code, action, region) });
        return undefined;
      } finally {
        lane.slots.release();
      }
    },
  };
  return ctx;
}
