import type { MiddlewareHandler } from 'hono';
import type { TrustedProxies } from './trustedProxies';
import { peerAddress } from './peer';

export interface ProxyAuth {
  kind: 'proxy';
  /** Lower-cased, e.g. x-forwarded-email (oauth2-proxy) or x-amzn-oidc-identity (an ALB with OIDC) */
  header: string;
  trusted: Extract<TrustedProxies, { ok: true }>;
}

/** A user is logged again after this long without a request: about one working session. */
export const IDENTITY_QUIET_MS = 60 * 60_000;
/** Identities remembered for that purpose, at most; the oldest is forgotten first. */
const REMEMBERED = 1_000;
/** Longer header values are cut in the log: a name or an address, never a page of text. */
const IDENTITY_LOG_CHARS = 200;

/**
 * Logs each signed-in user once per session (the first request, then again after an hour without one). The
 * identity lives only in this bounded memory and the log: nothing is stored.
 */
export function identityLog(log: (line: string) => void, clock: () => number): (identity: string, peer: string) => void {
  const lastSeen = new Map<string, number>();
  return (identity, peer) => {
    const now = clock();
    const before = lastSeen.get(identity);
    lastSeen.delete(identity);
    lastSeen.set(identity, now);
    if (lastSeen.size > REMEMBERED) lastSeen.delete(lastSeen.keys().next().value ?? identity);
    // JSON quoting keeps a crafted value from writing a second log line.
    if (before === undefined || now - before > IDENTITY_QUIET_MS)
      log(`Fleetmap: ${JSON.stringify(identity.slice(0, IDENTITY_LOG_CHARS))} signed in through ${peer}.`);
  };
}

/**
 * A request is answered only when its TCP peer is a trusted proxy AND it carries the identity header: the proxy
 * signed the user in and wrote the header, overwriting any the browser sent. A 401 says which of the two was
 * missing, and never which networks are trusted.
 */
export function requireProxy(mode: ProxyAuth, seen: (identity: string, peer: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const peer = peerAddress(c);
    if (!mode.trusted.contains(peer)) {
      return c.json(
        {
          error: `This Fleetmap answers only through its sign-in proxy, and this request came from ${peer ?? 'an unknown address'}, which is not a trusted proxy. Open it at the proxy's address.`,
        },
        401,
      );
    }
    const identity = c.req.header(mode.header)?.trim();
    if (!identity) {
      return c.json(
        {
          error: `The sign-in proxy sent no ${mode.header} header with this request: sign in again, or configure the proxy to pass the signed-in user in ${mode.header}.`,
        },
        401,
      );
    }
    seen(identity, peer ?? '');
    return next();
  };
}
