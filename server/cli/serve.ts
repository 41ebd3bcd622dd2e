import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { tokenProblem } from '../auth';
import { listeningLines, planHosts, splitAllowedHosts } from '../hosts';
import { DEFAULT_API_BUDGET } from '../live/budget';
import { parseApiBudget, parseRefresh } from '../live/options';
import { createWatcher } from '../live/watcher';
import { SECURITY_HEADERS } from '../security';
import { closeGracefully, listen, parsePort } from './listen';
import { pickSource, SOURCE_OPTIONS } from './sources';
import { SHUTDOWN_GRACE_MS, UsageError } from './usage';

/**
 * A rejection nobody handled is a bug in one request's read, not a reason to drop every browser's map: it is
 * logged and the server keeps serving.
 */
export function logUnhandledRejections(log: (line: string) => void = (line) => console.error(line)): void {
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`fleetmap: unhandled rejection (the server keeps running): ${detail}`);
  });
}

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'allowed-host': { type: 'string', multiple: true },
      'auth-token': { type: 'string' },
      refresh: { type: 'string' },
      'api-budget': { type: 'string' },
      churn: { type: 'string', default: '20s' },
    },
  });
  const refreshMs = parseRefresh(values.refresh, values.source);
  const apiBudget = parseApiBudget(values['api-budget'], DEFAULT_API_BUDGET);
  const host = values.host;
  const port = parsePort(values.port);
  const allowed = [...(values['allowed-host'] ?? []), ...splitAllowedHosts(process.env['FLEETMAP_ALLOWED_HOSTS'])];
  const plan = planHosts({ bindHost: host, port, allowed });
  if (!plan.ok) throw new UsageError(plan.error);
  const authToken = values['auth-token'] ?? process.env['FLEETMAP_AUTH_TOKEN'] ?? undefined;
  const problem = tokenProblem(authToken, plan.exposed, host);
  if (problem) throw new UsageError(problem);

  const source = await pickSource({ ...values, 'allowed-host': undefined, refresh: undefined, 'api-budget': undefined });
  if (values.source === 'snapshot') {
    // A broken snapshot is found now, not on the first page load.
    try {
      await source.read();
    } catch (e) {
      console.error(`fleetmap: ${e instanceof Error ? e.message : String(e)}`);
      await source.close?.();
      return 2;
    }
  }

  logUnhandledRejections();
  // Requests wait for the app, which needs the port actually bound (--port 0) for its Host list.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response('Starting', { status: 503, headers: SECURITY_HEADERS });
  const server = createAdaptorServer({ fetch: (request) => handle(request) }) as Server;
  const bound = await listen(server, host, port);
  if (!bound.ok) {
    console.error(`fleetmap: ${bound.error}`);
    await source.close?.();
    return 2;
  }
  const final = planHosts({ bindHost: host, port: bound.port, allowed });
  const hosts = final.ok ? final.hosts : [];
  const staticDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const stopping = new AbortController();
  // One watcher for the process: it reads on its own every --refresh, within --api-budget, for every viewer.
  const watcher = createWatcher({ source, refreshMs, apiBudget });
  const app = createApp({ source, watcher, allowedHosts: hosts, staticDir, stopping: stopping.signal, ...(authToken ? { authToken } : {}) });
  handle = (request) => app.fetch(request);
  watcher.start();
  for (const line of listeningLines({ label: source.label, bindHost: host, port: bound.port, allowed, tokenRequired: authToken !== undefined }))
    console.log(line);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`Fleetmap: ${signal}: finishing the requests in flight, then stopping.`);
  // Requests waiting for a read are answered 503 now, event streams end; the others finish within the grace.
  watcher.stop();
  stopping.abort();
  const closing = closeGracefully(server, SHUTDOWN_GRACE_MS);
  // A second signal: stop waiting for slow requests.
  const hurry = () => closing.hurry();
  process.once('SIGTERM', hurry);
  process.once('SIGINT', hurry);
  await closing.done;
  await source.close?.();
  console.log('Fleetmap: stopped.');
  // Whatever a library still holds open (an SDK timer, a socket) must not keep a stopped server's process alive.
  setTimeout(() => process.exit(0), 1_000).unref();
  return 0;
}
