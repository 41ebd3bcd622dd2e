import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The TCP peer's address, from the node server's socket; undefined when the request came through no socket (a
 * test's app.request). Headers such as X-Forwarded-For are never consulted: any client can write them.
 */
export function peerAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  // getConnInfo reads env.incoming.socket and throws when the request did not come from @hono/node-server.
  if (typeof env !== 'object' || env === null || !('incoming' in env || 'server' in env)) return undefined;
  return getConnInfo(c).remote.address;
}
