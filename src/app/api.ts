import { z } from 'zod';
import { ChangeEvent } from '../topology/live/patch';
import { parseSnapshotValue, type Topology } from '../topology/model';
import { COMPACT_MEDIA_TYPE, readTopologyAnswer } from '../topology/wire/compact';

const ApiError = z.object({ error: z.string() });

/**
 * How long the page waits for the server: longer than the server's own deadline for a read of AWS (120 s), so a
 * slow read still ends with what it read, and a server that never answers ends with a message instead of a spinner.
 */
export const READ_TIMEOUT_MS = 150_000;

export interface RequestOptions {
  timeoutMs?: number;
  /** Prefixed to the path; the page uses its own origin */
  base?: string;
}

/** GET /api/topology: the last read, or the read in flight, in the compact wire form (a fraction of the JSON's bytes). */
export function fetchTopology(options: RequestOptions = {}): Promise<Topology> {
  return fetchLiveTopology(options).then((v) => v.topology);
}

/** fetchTopology with the live version the server says it is (Fleetmap-Version), when it says. */
export function fetchLiveTopology(options: RequestOptions = {}): Promise<{ topology: Topology; version: number | undefined }> {
  return requestJson('/api/topology', { method: 'GET', headers: { Accept: `${COMPACT_MEDIA_TYPE}, application/json;q=0.5` } }, options, (body, headers) => {
    const read = readTopologyAnswer(body);
    if (!read.ok) return read;
    const version = Number(headers.get('fleetmap-version') ?? NaN);
    return { ok: true, value: { topology: read.value, version: Number.isSafeInteger(version) && version >= 0 ? version : undefined } };
  });
}

/** POST /api/refresh: a new read (the server shares one in flight and reuses one a few seconds old). */
export function refreshTopology(options: RequestOptions = {}): Promise<Topology> {
  // The custom header makes a cross-site copy of this request need a preflight, which the server never grants.
  return requestTopology('/api/refresh', { method: 'POST', headers: { 'X-Fleetmap': '1' } }, options);
}

/** An answer that is not 2xx, with the server's own words when it gave them; the status tells "off" (404) from a failure. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Parse<T> = (body: unknown, headers: Headers) => { ok: true; value: T } | { ok: false; error: string };

const parseTopology: Parse<Topology> = (body) => {
  const result = parseSnapshotValue(body);
  return result.ok ? { ok: true, value: result.topology } : result;
};

/** Validated at the edge like a snapshot: a bad answer becomes a message, not a blank page. */
function requestTopology(path: string, init: RequestInit, options: RequestOptions): Promise<Topology> {
  return requestJson(path, init, options, parseTopology);
}

/** A zod schema as a parser of answers. */
function schemaParse<T>(schema: z.ZodType<T>, what: string): Parse<T> {
  return (body) => {
    const result = schema.safeParse(body);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, error: `The server's ${what} cannot be read: ${result.error.issues[0]?.message ?? 'bad shape'}.` };
  };
}

async function requestJson<T>(path: string, init: RequestInit, options: RequestOptions, parse: Parse<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
  // A timer rather than AbortSignal.timeout: the page's clock (and a test's fake clock) drives it.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(`${options.base ?? ''}${path}`, { ...init, signal: controller.signal });
    const body: unknown = await res.json().catch((e: unknown) => {
      if (controller.signal.aborted) throw e;
      return undefined;
    });
    if (!res.ok) {
      const parsed = ApiError.safeParse(body);
      throw new HttpError(res.status, parsed.success ? parsed.data.error : `The server answered ${res.status} ${res.statusText}.`);
    }
    const result = parse(body, res.headers);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  } catch (e) {
    if (controller.signal.aborted) {
      throw new Error(`Fleetmap's server did not answer within ${timeoutMs / 1000} s. Press Refresh to try again.`, { cause: e });
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/* ---- History (GET /api/history, /api/topology?at=, /api/changes): times in queries are ISO, in bodies epoch ms ---- */

const Capture = z.object({
  at: z.number(),
  version: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  changes: z.number().int().nonnegative(),
});
export type Capture = z.infer<typeof Capture>;

export const HistorySummary = z.object({
  live: z.object({ at: z.number() }),
  /** Epoch ms of the oldest moment the server still keeps */
  retainedFrom: z.number(),
  captures: z.array(Capture),
});
export type HistorySummary = z.infer<typeof HistorySummary>;

const ChangesAnswer = z.object({ changes: z.array(ChangeEvent) });

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** GET /api/history: the captures kept, for the timeline; undefined when the server keeps no history (404). */
export async function fetchHistory(options: RequestOptions = {}): Promise<HistorySummary | undefined> {
  try {
    return await requestJson('/api/history', { method: 'GET' }, options, schemaParse(HistorySummary, 'history'));
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return undefined;
    throw e;
  }
}

/** GET /api/topology?at=: the estate as it was at `at` (epoch ms). */
export function fetchTopologyAt(at: number, options: RequestOptions = {}): Promise<Topology> {
  return requestTopology(`/api/topology?at=${encodeURIComponent(iso(at))}`, { method: 'GET' }, options);
}

/** GET /api/changes: what happened between two moments, to one resource when `resource` is given. */
export async function fetchChanges(query: { from?: number; to?: number; resource?: string }, options: RequestOptions = {}): Promise<ChangeEvent[]> {
  const params = new URLSearchParams();
  if (query.from !== undefined) params.set('from', iso(query.from));
  if (query.to !== undefined) params.set('to', iso(query.to));
  if (query.resource !== undefined) params.set('resource', query.resource);
  const answer = await requestJson(`/api/changes?${params.toString()}`, { method: 'GET' }, options, schemaParse(ChangesAnswer, 'changes'));
  return answer.changes;
}
