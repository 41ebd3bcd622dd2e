import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { resourceOf, type Topology } from '../src/topology/model';
import type { TopologySource } from './sources/types';

export interface AppDeps {
  source: TopologySource;
  /** Host headers this server answers to (DNS-rebinding guard), e.g. ["127.0.0.1:8080", "localhost:8080"] */
  allowedHosts: readonly string[];
  /** The built front end; omitted in API-only tests */
  staticDir?: string;
}

const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

/** The read is shared: concurrent requests wait for the same one, a refresh starts a new one. */
function cachedReader(source: TopologySource) {
  let current: Promise<Topology> | undefined;
  return (refresh: boolean): Promise<Topology> => {
    if (!current || refresh) {
      const next = source.read();
      current = next;
      next.catch(() => {
        if (current === next) current = undefined;
      });
    }
    return current;
  };
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const read = cachedReader(deps.source);
  const allowed = new Set(deps.allowedHosts.map((h) => h.toLowerCase()));

  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowed.has(host)) {
      return c.json({ error: `Host "${host}" is not served here; open Fleetmap at ${deps.allowedHosts[0] ?? 'its own address'}.` }, 421);
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.get('/api/health', (c) => c.json({ ok: true, source: deps.source.label }));

  app.get('/api/topology', async (c) => {
    const refresh = c.req.query('refresh');
    if (refresh !== undefined && refresh !== 'true' && refresh !== 'false') {
      return c.json({ error: 'refresh must be "true" or "false".' }, 400);
    }
    try {
      return c.json(await read(refresh === 'true'));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return c.json({ error: `Could not read ${deps.source.label}: ${message}` }, 502);
    }
  });

  app.get('/api/task-definitions/:arn', async (c) => {
    const arn = c.req.param('arn');
    if (!TASK_DEFINITION_ARN.test(arn)) {
      return c.json({ error: 'Expected a task definition ARN: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.' }, 400);
    }
    try {
      const td = resourceOf(await read(false), 'taskDefinition', arn);
      return td ? c.json(td) : c.json({ error: `Task definition ${arn} is not part of the estate read.` }, 404);
    } catch (e) {
      return c.json({ error: e instanceof Error ? e.message : String(e) }, 502);
    }
  });

  app.all('/api/*', (c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}.` }, 404));

  if (deps.staticDir) {
    app.use('/*', serveStatic({ root: deps.staticDir }));
    app.get('*', serveStatic({ root: deps.staticDir, path: 'index.html' }));
  }
  return app;
}
