import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { resourceOf } from '../src/topology/model';
import { requireToken } from './auth';
import { refreshRefusal, REFRESH_HEADER, SECURITY_HEADERS } from './security';
import { sharedRead } from './sharedRead';
import type { TopologySource } from './sources/types';

export interface AppDeps {
  source: TopologySource;
  /** Host headers this server answers to (DNS-rebinding guard), e.g. ["127.0.0.1:8080", "localhost:8080"]; see hosts.ts */
  allowedHosts: readonly string[];
  /** The built front end; omitted in API-only tests */
  staticDir?: string;
  /** When set, every request must carry this token (see auth.ts) */
  authToken?: string;
  /** How long a finished read answers a refresh (default 5 s) */
  refreshReuseMs?: number;
  /** Epoch milliseconds; injected by tests */
  clock?: () => number;
}

const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const reads = sharedRead(deps.source, {
    ...(deps.refreshReuseMs !== undefined ? { reuseMs: deps.refreshReuseMs } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const allowed = new Set(deps.allowedHosts.map((h) => h.toLowerCase()));

  // First, so that every answer below it carries the headers: refusals, errors and static files alike.
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
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
  if (deps.authToken) app.use('*', requireToken(deps.authToken));

  const topologyAnswer = async (c: Context, read: () => ReturnType<typeof reads.latest>) => {
    try {
      return c.json(await read());
    } catch (e) {
      return c.json({ error: `Could not read ${deps.source.label}: ${messageOf(e)}` }, 502);
    }
  };

  app.get('/api/health', (c) => c.json({ ok: true, source: deps.source.label }));

  app.get('/api/topology', (c) => {
    if (c.req.query('refresh') !== undefined) {
      return c.json({ error: `GET /api/topology no longer reads again: refresh with POST /api/refresh (header "${REFRESH_HEADER}: 1").` }, 400);
    }
    return topologyAnswer(c, reads.latest);
  });

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

  app.get('/api/task-definitions/:arn', async (c) => {
    const arn = c.req.param('arn');
    if (!TASK_DEFINITION_ARN.test(arn)) {
      return c.json({ error: 'Expected a task definition ARN: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.' }, 400);
    }
    try {
      const td = resourceOf(await reads.latest(), 'taskDefinition', arn);
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
