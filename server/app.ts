import { setMaxListeners } from 'node:events';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { resourceOf, type Topology } from '../src/topology/model';
import { authMiddleware, type AuthMode } from './auth';
import { compression } from './compress';
import { crossSiteRefusal, refreshRefusal, REFRESH_HEADER, RETRY_AFTER_S, SECURITY_HEADERS } from './security';
import { liveEvents } from './live/events';
import { createWatcher, type Watcher } from './live/watcher';
import { historyRoutes } from './history/routes';
import type { History } from './history/types';
import { DEFAULT_RETAIN_MS } from './history/plan';
import type { TopologySource } from './sources/types';
import { topologyBody } from './wire';

export interface AppDeps {
  source: TopologySource;
  /**
   * The one watcher that reads `source` for every viewer (serve starts it with --refresh); without one, the app
   * makes its own that reads only when asked.
   */
  watcher?: Watcher;
  /** Between heartbeats on an idle event stream (default 15 s) */
  heartbeatMs?: number;
  /** Host headers this server answers to (DNS-rebinding guard), e.g. ["127.0.0.1:8080", "localhost:8080"]; see hosts.ts */
  allowedHosts: readonly string[];
  /** The built front end; omitted in API-only tests */
  staticDir?: string;
  /** Who may open the map (see auth.ts); default none, which serve allows on loopback only */
  auth?: AuthMode;
  /** The same as auth: { kind: 'token', token } */
  authToken?: string;
  /** Where signed-in users are logged in proxy mode (default the console) */
  log?: (line: string) => void;
  /** How long a finished read answers a refresh (default 5 s) */
  refreshReuseMs?: number;
  /** Epoch milliseconds; injected by tests */
  clock?: () => number;
  /**
   * Aborted when the server begins to stop: a request still waiting for a read is answered 503 at once rather than
   * held until the grace runs out and cut without an answer (a read of a slow account outlasts any grace).
   */
  stopping?: AbortSignal;
  /** The estate's history (serve keeps it unless --history off); without it the history API answers 404 */
  history?: History;
  /** How long history is kept (default 7 days) */
  retainMs?: number;
}

/** Which version of the live topology an answer of GET /api/topology is. */
export const VERSION_HEADER = 'Fleetmap-Version';

const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What a request waiting for a read gets when the server stops first. */
const STOPPED = Symbol('stopped');

/** `p`, or STOPPED as soon as `stopping` aborts; the listener goes with the request, so none pile up on the signal. */
function unlessStopping<T>(p: Promise<T>, stopping: AbortSignal | undefined): Promise<T | typeof STOPPED> {
  if (!stopping) return p;
  if (stopping.aborted) return Promise.resolve(STOPPED);
  return new Promise((resolve, reject) => {
    const onStop = () => resolve(STOPPED);
    stopping.addEventListener('abort', onStop, { once: true });
    p.then(resolve, reject).finally(() => stopping.removeEventListener('abort', onStop));
  });
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const watcher =
    deps.watcher ??
    createWatcher({
      source: deps.source,
      ...(deps.refreshReuseMs !== undefined ? { reuseMs: deps.refreshReuseMs } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
  const reads = {
    latest: () => watcher.latest().then((v) => v.topology),
    refresh: () => watcher.refresh().then((v) => v.topology),
  };
  const allowed = new Set(deps.allowedHosts.map((h) => h.toLowerCase()));
  // Every request waiting for a read listens to the one signal; many at once are expected, not a leak.
  if (deps.stopping) setMaxListeners(0, deps.stopping);
  const shuttingDown = (c: Context) =>
    c.json({ error: 'Fleetmap is shutting down; the read was not finished. Reload in a few seconds, once it is back.' }, 503, {
      'Retry-After': String(RETRY_AFTER_S),
      Connection: 'close',
    });
  /** The topology, or STOPPED; no read is started once the server is stopping. */
  const whenRead = (read: () => Promise<Topology>) => (deps.stopping?.aborted ? Promise.resolve(STOPPED) : unlessStopping(read(), deps.stopping));

  // First, so that every answer below it carries the headers: refusals, errors and static files alike.
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  // Inside the headers above (they land on the compressed answer too); the event stream passes through untouched.
  app.use('*', compression());
  app.onError((e, c) => c.json({ error: `Internal error: ${messageOf(e)}` }, 500));

  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowed.has(host)) {
      return c.json(
        {
          error:
            `Host "${host}" is not served here; open Fleetmap at ${deps.allowedHosts[0] ?? 'its own address'}, ` +
            `or start it with --allowed-host ${host || 'NAME[:PORT]'} if that is the name it is reached by.`,
        },
        421,
      );
    }
    await next();
  });
  // Before authentication: another site is refused whoever the viewer is, and learns nothing about the login.
  app.use('/api/*', async (c, next) => {
    const refusal = crossSiteRefusal({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, allowed);
    if (refusal) return c.json({ error: refusal }, 403);
    await next();
  });
  const auth: AuthMode = deps.auth ?? (deps.authToken ? { kind: 'token', token: deps.authToken } : { kind: 'none' });
  const requireAuth = authMiddleware(auth, { log: deps.log ?? ((line) => console.log(line)), clock: deps.clock ?? Date.now });
  // Every route below, the page and the event stream included, is behind it.
  if (requireAuth) app.use('*', requireAuth);

  const topologyAnswer = async (c: Context, read: () => Promise<Topology>) => {
    try {
      const topology = await whenRead(read);
      if (topology === STOPPED) return shuttingDown(c);
      // The version the answer is, so the page can follow the event stream from it (GET /api/events?since=).
      const current = watcher.current();
      if (current?.topology === topology) c.header(VERSION_HEADER, String(current.version));
      return topologyBody(c, topology);
    } catch (e) {
      return c.json({ error: `Could not read ${deps.source.label}: ${messageOf(e)}` }, 502);
    }
  };

  app.get('/api/health', (c) => c.json({ ok: true, source: deps.source.label }));

  const clock = deps.clock ?? Date.now;
  const past = historyRoutes(app, {
    history: deps.history,
    retainMs: deps.retainMs ?? DEFAULT_RETAIN_MS,
    liveAt: () => watcher.current()?.topology.source.fetchedAt,
    clock,
  });

  app.get('/api/topology', (c) => {
    // ?at=<ISO time>: the estate as it was, from the history.
    if (c.req.query('at') !== undefined) return past.topologyAt(c);
    if (c.req.query('refresh') !== undefined) {
      return c.json({ error: `GET /api/topology no longer reads again: refresh with POST /api/refresh (header "${REFRESH_HEADER}: 1").` }, 400);
    }
    return topologyAnswer(c, reads.latest);
  });

  // Every viewer's stream reads the one watcher: a hundred open maps cost the AWS calls of one.
  app.get('/api/events', liveEvents(watcher, { stopping: deps.stopping, ...(deps.heartbeatMs !== undefined ? { heartbeatMs: deps.heartbeatMs } : {}) }));

  app.get('/api/status', (c) => c.json(watcher.status()));

  app.post('/api/refresh', (c) => {
    const refusal = refreshRefusal(
      {
        origin: c.req.header('origin'),
        secFetchSite: c.req.header('sec-fetch-site'),
        contentType: c.req.header('content-type'),
        customHeader: c.req.header(REFRESH_HEADER),
      },
      allowed,
    );
    if (refusal) return c.json({ error: refusal }, 403);
    return topologyAnswer(c, reads.refresh);
  });

  // Refresh reads the account again, so only a POST (which a cross-site form or image cannot send with its header) may.
  app.all('/api/refresh', (c) =>
    c.json({ error: `/api/refresh takes POST, not ${c.req.method}: POST /api/refresh with the header "${REFRESH_HEADER}: 1".` }, 405, { Allow: 'POST' }),
  );

  app.get('/api/task-definitions/:arn', async (c) => {
    const arn = c.req.param('arn');
    if (!TASK_DEFINITION_ARN.test(arn)) {
      return c.json({ error: 'Expected a task definition ARN: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.' }, 400);
    }
    try {
      const topology = await whenRead(reads.latest);
      if (topology === STOPPED) return shuttingDown(c);
      const td = resourceOf(topology, 'taskDefinition', arn);
      return td ? c.json(td) : c.json({ error: `Task definition ${arn} is not part of the estate read.` }, 404);
    } catch (e) {
      return c.json({ error: messageOf(e) }, 502);
    }
  });

  app.all('/api/*', (c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}.` }, 404));

  if (deps.staticDir) {
    app.use('/*', serveStatic({ root: deps.staticDir }));
    app.get('*', serveStatic({ root: deps.staticDir, path: 'index.html' }));
  }
  return app;
}
