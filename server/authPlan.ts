import { MIN_TOKEN_LENGTH, type AuthMode } from './auth';
import { parseTrustedProxies } from './trustedProxies';

/**
 * From serve's flags and environment to one auth mode, or the one line that says what to pass. Pure: serve reads
 * the --token-file and hands over its text (or why it could not).
 */
export interface AuthInput {
  /** --auth none|token|proxy */
  auth?: string | undefined;
  /** --auth-token, kept from before --auth existed */
  authToken?: string | undefined;
  tokenFile?: { path: string; text: string } | { path: string; error: string } | undefined;
  env: { FLEETMAP_TOKEN?: string | undefined; FLEETMAP_AUTH_TOKEN?: string | undefined };
  authHeader?: string | undefined;
  trustedProxies: readonly string[];
  bindHost: string;
  /** Whether the bind answers other machines (hosts.ts: not loopback) */
  exposed: boolean;
}

export type AuthPlan = { ok: true; mode: AuthMode } | { ok: false; error: string };

const fail = (error: string): AuthPlan => ({ ok: false, error });
/** An HTTP header name (RFC 9110 token) */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MODES = ['none', 'token', 'proxy'] as const;
type ModeName = (typeof MODES)[number];
const isMode = (name: string): name is ModeName => (MODES as readonly string[]).includes(name);

const exposedHelp = (bindHost: string) =>
  `--host ${bindHost} answers other machines, so it needs an authentication mode: --auth token with a token in ` +
  `FLEETMAP_TOKEN or --token-file PATH (e.g. from openssl rand -hex 32; open the map once with ?token=TOKEN), or, ` +
  `behind a sign-in proxy, --auth proxy --auth-header X-Forwarded-Email --trusted-proxy CIDR.`;

/** The token, from the flags first (--token-file, --auth-token), then FLEETMAP_TOKEN, then FLEETMAP_AUTH_TOKEN. */
function pickToken(input: AuthInput): { token: string; from: string } | { error: string } | undefined {
  const { tokenFile, authToken, env } = input;
  if (tokenFile && authToken !== undefined) return { error: 'Pass either --token-file or --auth-token, not both.' };
  if (tokenFile) {
    if ('error' in tokenFile) return { error: `--token-file ${tokenFile.path} cannot be read: ${tokenFile.error}.` };
    const token = tokenFile.text.trim();
    return token ? { token, from: `--token-file ${tokenFile.path}` } : { error: `--token-file ${tokenFile.path} is empty: put the token in it.` };
  }
  if (authToken) return { token: authToken, from: '--auth-token' };
  if (env.FLEETMAP_TOKEN) return { token: env.FLEETMAP_TOKEN, from: 'FLEETMAP_TOKEN' };
  if (env.FLEETMAP_AUTH_TOKEN) return { token: env.FLEETMAP_AUTH_TOKEN, from: 'FLEETMAP_AUTH_TOKEN' };
  return undefined;
}

function tokenMode(input: AuthInput): AuthPlan {
  const picked = pickToken(input);
  if (picked === undefined) {
    return fail('--auth token needs a token: set FLEETMAP_TOKEN or pass --token-file PATH (e.g. from openssl rand -hex 32).');
  }
  if ('error' in picked) return fail(picked.error);
  if (picked.token.length < MIN_TOKEN_LENGTH) {
    return fail(`The token from ${picked.from} must be at least ${MIN_TOKEN_LENGTH} characters (openssl rand -hex 32 makes one).`);
  }
  return { ok: true, mode: { kind: 'token', token: picked.token } };
}

function proxyMode(input: AuthInput): AuthPlan {
  if (input.tokenFile || input.authToken !== undefined) return fail('--auth proxy takes no token: drop --token-file and --auth-token.');
  const header = input.authHeader?.trim();
  if (!header) {
    return fail(
      '--auth proxy needs --auth-header NAME, the header the proxy sets to the signed-in user: X-Forwarded-Email (oauth2-proxy) or x-amzn-oidc-identity (an ALB with OIDC).',
    );
  }
  if (!HEADER_NAME.test(header)) return fail(`--auth-header takes a header name such as X-Forwarded-Email, not "${header}".`);
  const trusted = parseTrustedProxies(input.trustedProxies);
  if (!trusted.ok) return fail(trusted.error);
  return { ok: true, mode: { kind: 'proxy', header: header.toLowerCase(), trusted } };
}

export function planAuth(input: AuthInput): AuthPlan {
  const proxyFlags = input.authHeader !== undefined || input.trustedProxies.length > 0;
  const tokenGiven = input.tokenFile !== undefined || input.authToken !== undefined || !!input.env.FLEETMAP_TOKEN || !!input.env.FLEETMAP_AUTH_TOKEN;
  // Without --auth: a token means token mode (as before --auth existed); nothing means none, on loopback only.
  const name = input.auth ?? (tokenGiven && !proxyFlags ? 'token' : 'none');
  if (!isMode(name)) return fail(`--auth takes none, token or proxy, not "${name}".`);
  if (name !== 'proxy' && proxyFlags) return fail('--auth-header and --trusted-proxy belong to a sign-in proxy: pass --auth proxy with them.');
  switch (name) {
    case 'none':
      return input.exposed ? fail(exposedHelp(input.bindHost)) : { ok: true, mode: { kind: 'none' } };
    case 'token':
      return tokenMode(input);
    case 'proxy':
      return proxyMode(input);
  }
}
