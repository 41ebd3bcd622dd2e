import { z } from 'zod';
import { parseSnapshotValue, type Topology } from '../topology/model';

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

/** GET /api/topology: the last read, or the read in flight. */
export function fetchTopology(options: RequestOptions = {}): Promise<Topology> {
  return requestTopology('/api/topology', { method: 'GET' }, options);
}

/** POST /api/refresh: a new read (the server shares one in flight and reuses one a few seconds old). */
export function refreshTopology(options: RequestOptions = {}): Promise<Topology> {
  // The custom header makes a cross-site copy of this request need a preflight, which the server never grants.
  return requestTopology('/api/refresh', { method: 'POST', headers: { 'X-Fleetmap': '1' } }, options);
}

/** Validated at the edge like a snapshot: a bad answer becomes a message, not a blank page. */
async function requestTopology(path: string, init: RequestInit, options: RequestOptions): Promise<Topology> {
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
      throw new Error(parsed.success ? parsed.data.error : `The server answered ${res.status} ${res.statusText}.`);
    }
    const result = parseSnapshotValue(body);
    if (!result.ok) throw new Error(result.error);
    return result.topology;
  } catch (e) {
    if (controller.signal.aborted) {
      throw new Error(`Fleetmap's server did not answer within ${timeoutMs / 1000} s. Press Refresh to try again.`, { cause: e });
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
