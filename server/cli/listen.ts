import type { Server } from 'node:http';
import { UsageError } from './usage';

/** --port: 0 asks the system for a free port. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a port number from 1 to 65535 (or 0 for any free port), not "${value}".`);
  return n;
}

/** What a failed bind means for the person who typed the command: one line, no stack trace. */
const LISTEN_ERRORS: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (host, port) => `port ${port} on ${host} is already in use: stop what uses it, or pass another --port (--port 0 picks a free one).`,
  EACCES: (host, port) => `this user may not listen on ${host}:${port}: pick a port above 1023.`,
  EADDRNOTAVAIL: (host) => `${host} is not an address of this machine: pass one of its addresses, 127.0.0.1, or 0.0.0.0 for all of them.`,
  ENOTFOUND: (host) => `${host} does not resolve to an address of this machine: pass an address, 127.0.0.1, or 0.0.0.0.`,
  EAI_AGAIN: (host) => `${host} could not be resolved: pass an address, 127.0.0.1, or 0.0.0.0.`,
};

/** One line for a failed bind (an EADDRINUSE from `listen`), never the error's stack. */
export function listenProblem(e: NodeJS.ErrnoException, host: string, port: number): string {
  const explain = LISTEN_ERRORS[e.code ?? ''];
  return explain ? explain(host, port) : `cannot listen on ${host}:${port}: ${e.message}`;
}

/** An error a bind gave (it carries a system error code and the syscall "listen"). */
export const isListenError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall === 'listen';

/** Listens, resolving with the port actually bound (the free port --port 0 picked) or with a one-line reason. */
export function listen(server: Server, host: string, port: number): Promise<{ ok: true; port: number } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => resolve({ ok: false, error: listenProblem(e, host, port) });
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ ok: true, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}

/**
 * Stops accepting connections, lets the requests in flight finish (for at most `graceMs`), then resolves. A
 * keep-alive connection is closed as soon as its last response is written; past the bound the rest are cut.
 */
export function closeGracefully(server: Server, graceMs: number): { done: Promise<void>; hurry: () => void } {
  const onFinish = (_req: unknown, res: { on: (event: 'finish', cb: () => void) => void }) =>
    res.on('finish', () => setImmediate(() => server.closeIdleConnections()));
  server.on('request', onFinish);
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => {
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
    timer = setTimeout(() => server.closeAllConnections(), graceMs);
  });
  return { done, hurry: () => server.closeAllConnections() };
}
