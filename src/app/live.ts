import type { z } from 'zod';
import { TopologyPatch, VersionedTopology } from '../topology/live/patch';
import type { Topology } from '../topology/model';
import { LiveStatus } from '../topology/live/status';
import type { Store } from './store';

/** What the live client needs of the page's EventSource (the test hands it a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  onopen: ((e: Event) => void) | null;
  onerror: ((e: Event) => void) | null;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveOptions {
  /** How long the first topology may take to come by the stream before the page reads GET /api/topology instead */
  fallbackMs?: number;
  /** How often highlights and ghosts that had their time are dropped */
  expireEveryMs?: number;
  /** After the browser gives up on a stream (an answer that is no event stream), the next try */
  retryMs?: number;
  /**
   * The first topology by a plain request (compressed, in the compact form) with its version: the stream then starts
   * after it (`?since=`) instead of sending the whole estate again uncompressed. Without it, or when it fails or names
   * no version, the stream starts with the whole topology.
   */
  first?: () => Promise<{ topology: Topology; version: number | undefined }>;
}

export const FALLBACK_MS = 5_000;
const EXPIRE_EVERY_MS = 5_000;
const RETRY_MS = 10_000;
/** EventSource.CLOSED: the browser will not reconnect by itself */
const CLOSED = 2;

type StoreApi = { getState: () => Store };

/**
 * The map follows the server: GET /api/events gives a whole topology, then a patch per version and the freshness
 * of each read. A patch that does not follow the version held starts the stream again, which begins with a whole
 * topology; a dropped connection is resumed by the browser itself with Last-Event-ID. Every event is parsed at this
 * edge. Returns the way to stop following.
 */
export function followLive(store: StoreApi, open: EventSourceFactory, options: LiveOptions = {}): () => void {
  let source: EventSourceLike | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const state = () => store.getState();

  const parsed = <T>(schema: z.ZodType<T>, e: MessageEvent<string>, what: string): T | undefined => {
    let json: unknown;
    try {
      json = JSON.parse(e.data);
    } catch {
      json = undefined;
    }
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    state().setNotice(`The server sent a ${what} this page cannot read; the map shows the last one it could.`);
    return undefined;
  };

  const connect = (since?: number) => {
    source?.close();
    const es = open(since === undefined ? '/api/events' : `/api/events?since=${since}`);
    source = es;
    es.onopen = () => state().setConnected(true);
    es.onerror = () => {
      state().setConnected(false);
      if (stopped) return;
      // A stream that fails before its first topology: the map is read the old way meanwhile (the stream, still
      // trying, replaces it when it comes).
      if (state().load.kind === 'loading') void state().fetch();
      // A refusal or a proxy's error page ends the stream for good; the page tries again on its own time.
      if (es.readyState !== CLOSED) return;
      clearTimeout(retry);
      retry = setTimeout(connect, options.retryMs ?? RETRY_MS);
    };
    // Once the page stops following (a snapshot dropped), an event still queued must not replace what it shows.
    const on = (type: string, handle: (e: MessageEvent<string>) => void) => es.addEventListener(type, (e) => (state().following ? handle(e) : undefined));
    on('topology', (e) => {
      const v = parsed(VersionedTopology, e, 'topology');
      if (v) state().receiveTopology(v.version, v.topology);
    });
    on('patch', (e) => {
      const patch = parsed(TopologyPatch, e, 'change');
      if (!patch) return;
      const held = state().version;
      // One already applied (a resend after a reconnect) is no gap.
      if (held !== undefined && patch.to <= held) return;
      if (!state().receivePatch(patch)) connect();
    });
    on('status', (e) => {
      const status = parsed(LiveStatus, e, 'status');
      if (status) state().setLiveStatus(status);
    });
  };

  if (options.first) {
    options.first().then(
      ({ topology, version }) => {
        if (stopped) return;
        if (version === undefined || !state().following) return connect();
        state().receiveTopology(version, topology);
        connect(version);
      },
      () => {
        if (!stopped) connect();
      },
    );
  } else connect();
  const fallback = setTimeout(() => {
    if (!stopped && state().load.kind === 'loading') void state().fetch();
  }, options.fallbackMs ?? FALLBACK_MS);
  const expire = setInterval(() => state().expireLive(Date.now()), options.expireEveryMs ?? EXPIRE_EVERY_MS);

  return () => {
    stopped = true;
    clearTimeout(fallback);
    clearTimeout(retry);
    clearInterval(expire);
    source?.close();
    source = undefined;
    state().setConnected(false);
  };
}
