import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { TopologyPatch, VersionedTopology } from '../../src/topology/live/patch';
import { redactTopology, scrubStrings } from '../../src/topology/redact/redact';
import { redactPatch } from './redactPatch';
import type { LiveStatus } from './status';
import type { LiveEvent, Watcher } from './watcher';

/** Proxies and load balancers close an idle connection after 30–60 s; a comment line keeps the stream open. */
export const HEARTBEAT_MS = 15_000;

export interface EventsOptions {
  heartbeatMs?: number;
  /** Aborted when the server stops: every stream ends, so none holds the shutdown until its grace runs out */
  stopping?: AbortSignal | undefined;
}

/**
 * The version the viewer holds: a reconnecting EventSource's Last-Event-ID, else `?since=` (a page that read the
 * topology from GET /api/topology, compressed, and wants only what follows it), when it is one.
 */
function lastEventId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('since');
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * GET /api/events: the watcher's topology as Server-Sent Events. First a `status` and the whole topology
 * (`event: topology`, id: its version), then a `patch` per version (id: the version it makes) and a `status` per
 * change of freshness. A browser that reconnects with Last-Event-ID gets the patches it missed, or a whole topology
 * when they are no longer kept. Every viewer reads the one watcher: a viewer costs no AWS call.
 */
export function liveEvents(watcher: Watcher, options: EventsOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  return (c: Context) =>
    streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = watcher.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      const stop = () => wake?.();
      options.stopping?.addEventListener('abort', stop, { once: true });
      stream.onAbort(stop);
      const over = () => stream.aborted || stream.closed || options.stopping?.aborted === true;
      try {
        await serve(stream, watcher, lastEventId(c), queue, over, heartbeatMs, (w) => (wake = w));
      } finally {
        unsubscribe();
        options.stopping?.removeEventListener('abort', stop);
      }
    });
}

async function serve(
  stream: SSEStreamingApi,
  watcher: Watcher,
  resumeFrom: number | undefined,
  queue: LiveEvent[],
  over: () => boolean,
  heartbeatMs: number,
  onWake: (wake: () => void) => void,
): Promise<void> {
  let held: number | undefined;
  const topology = async (v: VersionedTopology) => {
    await stream.writeSSE({ event: 'topology', id: String(v.version), data: JSON.stringify({ version: v.version, topology: redactTopology(v.topology) }) });
    held = v.version;
  };
  const patch = async (p: TopologyPatch) => {
    await stream.writeSSE({ event: 'patch', id: String(p.to), data: JSON.stringify(redactPatch(p)) });
    held = p.to;
  };
  /** Brings the viewer to the current version: the patches it lacks when they chain from what it holds, else whole. */
  const catchUp = async () => {
    const now = watcher.current();
    if (!now || held === now.version) return;
    const missed = held === undefined ? 'too-far-behind' : watcher.since(held);
    if (missed === 'too-far-behind') await topology(now);
    else for (const p of missed) await patch(p);
  };

  // A status quotes read errors and API names: it crosses the same scrubber as everything else the stream sends.
  const status = (s: LiveStatus) => stream.writeSSE({ event: 'status', data: JSON.stringify(scrubStrings(s)) });
  await status(watcher.status());
  if (resumeFrom !== undefined && watcher.current()) held = resumeFrom;
  // A viewer before any read (a snapshot, or the first read still running) starts one, shared with every other.
  if (!watcher.current()) void watcher.latest().catch(() => undefined);
  await catchUp();
  while (!over()) {
    while (queue.length && !over()) {
      const e = queue.shift();
      if (!e) break;
      switch (e.kind) {
        case 'status':
          await status(e.status);
          break;
        case 'topology':
        case 'patch':
          // Whatever the viewer missed in between, it ends at the watcher's current version, in order.
          await catchUp();
          break;
      }
    }
    if (over()) break;
    const woke = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), heartbeatMs);
      onWake(() => {
        clearTimeout(timer);
        resolve(true);
      });
      if (queue.length || over()) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    if (!woke && !over()) await stream.write(': heartbeat\n\n');
  }
}
