import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { xmlAttr, xmlText } from '../src/topology/present/escape';
import { identityLog, requireProxy, type ProxyAuth } from './authProxy';

/**
 * Who may open the map: `none` (loopback only), `token` (a shared secret, see requireToken) or `proxy` (a sign-in
 * proxy in front vouches for each user, see authProxy.ts). planAuth (authPlan.ts) picks one from the CLI.
 */
export type AuthMode = { kind: 'none' } | { kind: 'token'; token: string } | ProxyAuth;

export const TOKEN_COOKIE = 'fleetmap_session';
/** Long enough that guessing it over HTTP is hopeless; `openssl rand -hex 32` gives 64 characters. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares in constant time: both sides are hashed to one length first, so neither length nor content leaks. */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The cookie holds a value derived from the token, not the token itself. */
export function sessionValue(token: string): string {
  return createHash('sha256').update(`fleetmap session\0${token}`).digest('hex');
}

function presented(c: Context): { token: string[]; session: string | undefined } {
  const header = c.req.header('authorization') ?? '';
  const token: string[] = [];
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer?.[1]) token.push(bearer[1].trim());
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) {
    // Basic: the user name is ignored and the token is the password, so a browser's own sign-in prompt works too.
    const decoded = Buffer.from(basic[1].trim(), 'base64').toString('utf8');
    token.push(decoded.slice(decoded.indexOf(':') + 1));
  }
  return { token, session: getCookie(c, TOKEN_COOKIE) };
}

/**
 * Every request must carry the token: as a bearer or basic credential, or the session cookie that opening any page
 * once with ?token=TOKEN sets (HttpOnly, SameSite=Strict, so other sites' requests never carry it).
 */
export function requireToken(token: string): MiddlewareHandler {
  const session = sessionValue(token);
  return async (c, next) => {
    const query = c.req.query('token');
    if (query !== undefined && (c.req.method === 'GET' || c.req.method === 'HEAD') && sameSecret(query, token)) {
      const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
      setCookie(c, TOKEN_COOKIE, session, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
      // The token leaves the address bar (and the history) at once. Not by an HTTP redirect: a link followed from
      // another site (chat, a wiki) makes the redirected request cross-site too, which a SameSite=Strict cookie is
      // not sent with. A page that moves itself on is a navigation of this site, which carries it.
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      const clean = `${url.pathname}${url.search}`;
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(
        `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${xmlAttr(clean)}"><title>Fleetmap</title><a href="${xmlAttr(clean)}">${xmlText('Open the map')}</a>`,
      );
    }
    const creds = presented(c);
    const ok = creds.token.some((t) => sameSecret(t, token)) || (creds.session !== undefined && sameSecret(creds.session, session));
    if (ok) return next();
    c.header('WWW-Authenticate', 'Basic realm="Fleetmap", charset="UTF-8"');
    return c.json({ error: 'This Fleetmap needs its access token: open it once with ?token=TOKEN, or send Authorization: Bearer TOKEN.' }, 401);
  };
}

export interface AuthOptions {
  /** Where each signed-in user is logged (proxy mode) */
  log: (line: string) => void;
  clock: () => number;
}

/** The middleware that enforces a mode, or undefined when every request that reached it may pass. */
export function authMiddleware(mode: AuthMode, options: AuthOptions): MiddlewareHandler | undefined {
  switch (mode.kind) {
    case 'none':
      return undefined;
    case 'token':
      return requireToken(mode.token);
    case 'proxy':
      return requireProxy(mode, identityLog(options.log, options.clock));
  }
}

/** How the start-up lines say who may open the map. */
export function accessClause(mode: AuthMode): string | undefined {
  switch (mode.kind) {
    case 'none':
      return undefined;
    case 'token':
      return 'the access token is required';
    case 'proxy':
      return `only requests from the trusted proxy (${mode.trusted.cidrs.join(', ')}) with a ${mode.header} header are answered`;
  }
}
