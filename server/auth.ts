import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

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

/** Why an --auth-token cannot be used, or undefined. Exposed binds must have one. */
export function tokenProblem(token: string | undefined, exposed: boolean, bindHost: string): string | undefined {
  if (token === undefined || token === '') {
    return exposed
      ? `--host ${bindHost} answers other machines, so it needs an access token: pass --auth-token TOKEN (or FLEETMAP_AUTH_TOKEN), e.g. from openssl rand -hex 32, and open the map once with ?token=TOKEN.`
      : undefined;
  }
  return token.length < MIN_TOKEN_LENGTH ? `--auth-token must be at least ${MIN_TOKEN_LENGTH} characters (openssl rand -hex 32 makes one).` : undefined;
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
      // The token leaves the address bar (and the history) at once.
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const creds = presented(c);
    const ok = creds.token.some((t) => sameSecret(t, token)) || (creds.session !== undefined && sameSecret(creds.session, session));
    if (ok) return next();
    c.header('WWW-Authenticate', 'Basic realm="Fleetmap", charset="UTF-8"');
    return c.json({ error: 'This Fleetmap needs its access token: open it once with ?token=TOKEN, or send Authorization: Bearer TOKEN.' }, 401);
  };
}
