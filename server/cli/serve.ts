import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { accessClause } from '../auth';
import { planAuth, type AuthInput } from '../authPlan';
import { listeningLines, planHosts, splitAllowedHosts } from '../hosts';
import { DEFAULT_API_BUDGET } from '../live/budget';
import { parseApiBudget, parseRefresh } from '../live/options';
import { createWatcher } from '../live/watcher';
import { describePlan, openHistory } from '../history/open';
import { parseRetain, planHistory } from '../history/plan';
import { startRecorder } from '../history/recorder';
import { homedir } from 'node:os';
import { SECURITY_HEADERS } from '../security';
import { closeGracefully, listen, parsePort } from './listen';
import { pickSource, sourceKind, SOURCE_OPTIONS } from './sources';
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

/** --token-file's text, or why it cannot be read; the planner decides what either means. */
function readTokenFile(path: string | undefined): AuthInput['tokenFile'] {
  if (path === undefined) return undefined;
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { path, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'allowed-host': { type: 'string', multiple: true },
      auth: { type: 'string' },
      'auth-token': { type: 'string' },
      'token-file': { type: 'string' },
      'auth-header': { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
      refresh: { type: 'string' },
      'api-budget': { type: 'string' },
      churn: { type: 'string', default: '20s' },
      history: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      retain: { type: 'string' },
    },
  });
  const refreshMs = parseRefresh(values.refresh, values.source);
  const apiBudget = parseApiBudget(values['api-budget'], DEFAULT_API_BUDGET);
  const retainMs = parseRetain(values.retain);
  const historyPlan = planHistory({
    history: values.history,
    dataDir: values['data-dir'],
    database: values.database ?? process.env['FLEETMAP_DATABASE_URL'],
    source: sourceKind(values.source),
    live: refreshMs !== undefined,
    platform: process.platform,
    env: process.env,
    home: homedir(),
  });
  const host = values.host;
  const port = parsePort(values.port);
  const allowed = [...(values['allowed-host'] ?? []), ...splitAllowedHosts(process.env['FLEETMAP_ALLOWED_HOSTS'])];
  const plan = planHosts({ bindHost: host, port, allowed });
  if (!plan.ok) throw new UsageError(plan.error);
  const authPlan = planAuth({
    auth: values.auth,
    authToken: values['auth-token'],
    tokenFile: readTokenFile(values['token-file']),
    env: { FLEETMAP_TOKEN: process.env['FLEETMAP_TOKEN'], FLEETMAP_AUTH_TOKEN: process.env['FLEETMAP_AUTH_TOKEN'] },
    authHeader: values['auth-header'],
    trustedProxies: values['trusted-proxy'] ?? [],
    bindHost: host,
    exposed: plan.exposed,
  });
  if (!authPlan.ok) throw new UsageError(authPlan.error);
  const auth = authPlan.mode;

  const source = await pickSource({
    ...values,
    'allowed-host': undefined,
    refresh: undefined,
    'api-budget': undefined,
    auth: undefined,
    'auth-token': undefined,
    'token-file': undefined,
    'auth-header': undefined,
    'trusted-proxy': undefined,
    history: undefined,
    'data-dir': undefined,
    database: undefined,
    retain: undefined,
  });
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

  // A database that cannot be opened (in use, unreachable, newer than this Fleetmap) is said now, before listening.
  let history: Awaited<ReturnType<typeof openHistory>>;
  try {
    history = await openHistory(historyPlan);
  } catch (e) {
    console.error(`fleetmap: history: ${e instanceof Error ? e.message : String(e)}`);
    await source.close?.();
    return 2;
  }

  logUnhandledRejections();
  // Requests wait for the app, which needs the port actually bound (--port 0) for its Host list.
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = () => new Response('Starting', { status: 503, headers: SECURITY_HEADERS });
  // env carries the node request and its socket: the peer address that --auth proxy checks.
  const server = createAdaptorServer({ fetch: (request, env) => handle(request, env) }) as Server;
  const bound = await listen(server, host, port);
  if (!bound.ok) {
    console.error(`fleetmap: ${bound.error}`);
    await source.close?.();
    await history?.close();
    return 2;
  }
  const final = planHosts({ bindHost: host, port: bound.port, allowed });
  const hosts = final.ok ? final.hosts : [];
  const staticDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const stopping = new AbortController();
  // One watcher for the process: it reads on its own every --refresh, within --api-budget, for every viewer.
  const watcher = createWatcher({ source, refreshMs, apiBudget });
  const app = createApp({ source, watcher, allowedHosts: hosts, staticDir, stopping: stopping.signal, auth, ...(history ? { history, retainMs } : {}) });
  handle = (request, env) => app.fetch(request, env);
  const recorder = history ? startRecorder({ history, watcher, retainMs }) : undefined;
  watcher.start();
  for (const line of listeningLines({ label: source.label, bindHost: host, port: bound.port, allowed, access: accessClause(auth) })) console.log(line);
  console.log(describePlan(historyPlan));

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
  await recorder?.stop();
  await history?.close();
  await source.close?.();
  console.log('Fleetmap: stopped.');
  // Whatever a library still holds open (an SDK timer, a socket) must not keep a stopped server's process alive.
  setTimeout(() => process.exit(0), 1_000).unref();
  return 0;
}
