import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp, RETRY_AFTER_S } from '../app';
import { tokenProblem } from '../auth';
import { listeningLines, planHosts, splitAllowedHosts } from '../hosts';
import { SECURITY_HEADERS } from '../security';
import { closeGracefully, listen, parsePort } from './listen';
import { pickSource, SOURCE_HELP, SOURCE_OPTIONS, UsageError } from './sources';

/** How long requests in flight may take to finish after SIGTERM; container runtimes kill after 10 s or 30 s. */
const SHUTDOWN_GRACE_MS = 8_000;

export const SERVE_USAGE = `Usage: fleetmap serve [options]

Serve the map (what "npm start" runs).

${SOURCE_HELP}
  --host ADDR        Address to bind (default 127.0.0.1); 0.0.0.0 in a container or behind a proxy, with
                     --allowed-host and --auth-token
  --port N           Port (default 8080); 0 picks a free port and prints it
  --allowed-host NAME[:PORT]  A name browsers reach Fleetmap by (its Host header), e.g. fleetmap.internal;
                     repeatable; also FLEETMAP_ALLOWED_HOSTS=NAME,NAME. Other names are answered 421.
  --auth-token TOKEN Require this token on every request; required beyond loopback. Prefer FLEETMAP_AUTH_TOKEN
                     (a command line is visible to other users). Open the map once with ?token=TOKEN;
                     scripts send Authorization: Bearer TOKEN
  -h, --help         This help

On SIGTERM or SIGINT the server stops accepting connections, answers requests still waiting for a read with
503 (Retry-After: ${RETRY_AFTER_S}), lets the others finish (at most ${SHUTDOWN_GRACE_MS / 1000} s), closes the source and exits 0.`;

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const host = values.host;
  const port = parsePort(values.port);
  const allowed = [...(values['allowed-host'] ?? []), ...splitAllowedHosts(process.env['FLEETMAP_ALLOWED_HOSTS'])];
  const plan = planHosts({ bindHost: host, port, allowed });
  if (!plan.ok) throw new UsageError(plan.error);
  const authToken = values['auth-token'] ?? process.env['FLEETMAP_AUTH_TOKEN'] ?? undefined;
  const problem = tokenProblem(authToken, plan.exposed, host);
  if (problem) throw new UsageError(problem);

  const source = await pickSource({ ...values, 'allowed-host': undefined });
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
  const app = createApp({ source, allowedHosts: hosts, staticDir, stopping: stopping.signal, ...(authToken ? { authToken } : {}) });
  handle = (request) => app.fetch(request);
  for (const line of listeningLines({ label: source.label, bindHost: host, port: bound.port, allowed, tokenRequired: authToken !== undefined }))
    console.log(line);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`Fleetmap: ${signal}: finishing the requests in flight, then stopping.`);
  // Requests waiting for a read are answered 503 now; the others finish within the grace.
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
