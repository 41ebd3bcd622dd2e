import { createAdaptorServer } from '@hono/node-server';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from './app';
import { MIN_TOKEN_LENGTH, sameSecret, type AuthMode } from './auth';
import { parseTrustedProxies } from './trustedProxies';
import { SCHEMA_VERSION, type Topology } from '../src/topology/model';

const TOKEN = 'e3b0c44298fc1c149afbf4c8996fb924';
const HOST = { host: 'fleetmap.internal' };
const topology: Topology = {
  schemaVersion: SCHEMA_VERSION,
  source: { kind: 'snapshot', label: 'snapshot t.json', region: 'eu-west-1', fetchedAt: Date.UTC(2024, 4, 1) },
  resources: {},
  errors: [],
  stats: { calls: {}, retries: 0, durationMs: 0 },
};
const app = () =>
  createApp({
    source: { label: 't', read: () => Promise.resolve(topology) },
    allowedHosts: ['fleetmap.internal', 'fleetmap.internal:8080'],
    auth: { kind: 'token', token: TOKEN },
  });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('access token', () => {
  it('refuses a request without the token, with a sign-in challenge', async () => {
    for (const headers of [HOST, { ...HOST, authorization: 'Bearer wrong-token-wrong-token' }, { ...HOST, cookie: 'fleetmap_session=forged' }]) {
      const res = await app().request('/api/topology', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Basic');
      expect(await res.text()).not.toContain(TOKEN);
    }
    expect((await app().request('/', { headers: HOST })).status).toBe(401);
  });

  it('accepts the token as a bearer or basic credential', async () => {
    expect((await app().request('/api/topology', { headers: { ...HOST, authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const basic = Buffer.from(`anyone:${TOKEN}`).toString('base64');
    expect((await app().request('/api/topology', { headers: { ...HOST, authorization: `Basic ${basic}` } })).status).toBe(200);
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and drops the token from the address', async () => {
    const wrong = await app().request('/?token=nope', { headers: HOST });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const res = await app().request(`/?view=service&token=${TOKEN}`, { headers: HOST });
    // A page that moves itself on to the address without the token (see e2e/auth.spec.ts for why not a redirect).
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/?view=service">');
    expect(page).not.toContain(TOKEN);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // What else the address held is written into the page escaped.
    const odd = await (await app().request(`/?q=%22%3E%3Cscript%3E&token=${TOKEN}`, { headers: HOST })).text();
    expect(odd).not.toContain('"><script>');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0] ?? '';
    expect((await app().request('/api/topology', { headers: { ...HOST, cookie: session } })).status).toBe(200);
    // Behind a TLS proxy the cookie is Secure.
    const tls = await app().request(`/?token=${TOKEN}`, { headers: { ...HOST, 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('compares in constant time whatever the lengths', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret('short', TOKEN)).toBe(false);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(TOKEN.length).toBeGreaterThanOrEqual(MIN_TOKEN_LENGTH);
  });
});

/** A directory holding a built page, so GET / answers the map as it does in production. */
async function builtPage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-auth-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Fleetmap</title><div id="root"></div>');
  return dir;
}

/** The first bytes of an event stream, then the stream is closed. */
async function firstEvent(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  const chunk = await reader?.read();
  await reader?.cancel();
  return new TextDecoder().decode(chunk?.value);
}

const source = { label: 't', read: () => Promise.resolve(topology) };
const ALLOWED = ['fleetmap.internal', 'fleetmap.internal:8080'];

describe('right token → the map; none → 401 (page, API and event stream alike)', () => {
  it('GET /, /api/topology and /api/events', async () => {
    const app = createApp({ source, allowedHosts: ALLOWED, auth: { kind: 'token', token: TOKEN }, staticDir: await builtPage() });
    for (const path of ['/', '/api/topology', '/api/events']) expect((await app.request(path, { headers: HOST })).status, path).toBe(401);
    const bearer = { ...HOST, authorization: `Bearer ${TOKEN}` };
    const page = await app.request('/', { headers: bearer });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await app.request('/api/topology', { headers: bearer })).status).toBe(200);
    const events = await app.request('/api/events', { headers: { ...bearer, 'sec-fetch-site': 'same-origin' } });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    expect(await firstEvent(events)).toMatch(/^event: status\n/);
  });
});

describe('a request from another site to /api/* is refused in every mode', () => {
  const modes: AuthMode[] = [{ kind: 'none' }, { kind: 'token', token: TOKEN }];
  const crossSite: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  ];
  it('403 for the topology and the event stream, with the token or without', async () => {
    for (const auth of modes) {
      const app = createApp({ source, allowedHosts: ALLOWED, auth });
      for (const path of ['/api/topology', '/api/events', '/api/status']) {
        for (const extra of crossSite) {
          const res = await app.request(path, { headers: { ...HOST, authorization: `Bearer ${TOKEN}`, ...extra } });
          expect(res.status, `${auth.kind} ${path} ${JSON.stringify(extra)}`).toBe(403);
          expect(((await res.json()) as { error: string }).error).toContain('another site');
        }
      }
      // Its own page (and an address typed into the bar, Sec-Fetch-Site: none) is answered.
      for (const own of [{ origin: 'http://fleetmap.internal:8080', 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}]) {
        const res = await app.request('/api/topology', { headers: { ...HOST, authorization: `Bearer ${TOKEN}`, ...own } });
        expect(res.status, `${auth.kind} ${JSON.stringify(own)}`).toBe(200);
      }
    }
  });

  it('a link from another site may still open the page itself', async () => {
    const app = createApp({ source, allowedHosts: ALLOWED, auth: { kind: 'none' }, staticDir: await builtPage() });
    expect((await app.request('/', { headers: { ...HOST, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

interface Answer {
  status: number;
  body: string;
}

/** A request over a real socket (the peer address comes from it), with a Host header fetch() cannot set. */
function get(server: { host: string; port: number }, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, headers: { host: 'fleetmap.internal', ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
        // An event stream never ends: its first event is enough.
        if (res.headers['content-type']?.includes('text/event-stream')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listening(deps: Partial<AppDeps> & Pick<AppDeps, 'auth'>, bind: string, connectTo = bind): Promise<{ host: string; port: number }> {
  const app = createApp({ source, allowedHosts: ALLOWED, ...deps });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, bind, resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  return { host: connectTo, port: typeof address === 'object' && address ? address.port : 0 };
}

const proxy = (cidrs: string[]): AuthMode => {
  const trusted = parseTrustedProxies(cidrs);
  if (!trusted.ok) throw new Error(trusted.error);
  return { kind: 'proxy', header: 'x-forwarded-email', trusted };
};

describe('--auth proxy: the TCP peer must be a trusted proxy AND send the identity header', () => {
  it('untrusted peer with the header → 401, whatever X-Forwarded-For claims', async () => {
    const server = await listening({ auth: proxy(['10.0.0.0/8']) }, '127.0.0.1');
    for (const headers of [{ 'x-forwarded-email': 'ada@example.com' }, { 'x-forwarded-email': 'ada@example.com', 'x-forwarded-for': '10.0.0.7' }]) {
      const res = await get(server, '/api/topology', headers);
      expect(res.status).toBe(401);
      expect(res.body).toContain('came from 127.0.0.1, which is not a trusted proxy');
      expect(res.body).not.toContain('10.0.0.0');
    }
  });

  it('trusted peer without the header (or with it empty) → 401 naming what is missing', async () => {
    const server = await listening({ auth: proxy(['127.0.0.0/8']) }, '127.0.0.1');
    for (const headers of [{}, { 'x-forwarded-email': '   ' }]) {
      const res = await get(server, '/api/topology', headers);
      expect(res.status).toBe(401);
      expect(res.body).toContain('no x-forwarded-email header');
    }
  });

  it('trusted peer with the header → the map, the API and the event stream; each user is logged once', async () => {
    const lines: string[] = [];
    const server = await listening({ auth: proxy(['127.0.0.1/32']), staticDir: await builtPage(), log: (line) => lines.push(line) }, '127.0.0.1');
    const ada = { 'x-forwarded-email': 'ada@example.com' };
    expect(await get(server, '/', ada)).toMatchObject({ status: 200, body: expect.stringContaining('<div id="root">') as unknown });
    expect((await get(server, '/api/topology', ada)).status).toBe(200);
    const events = await get(server, '/api/events', { ...ada, 'sec-fetch-site': 'same-origin' });
    expect(events.status).toBe(200);
    expect(events.body).toMatch(/^event: status\n/);
    expect((await get(server, '/api/topology', { 'x-forwarded-email': 'grace@example.com' })).status).toBe(200);
    expect(lines).toEqual(['Fleetmap: "ada@example.com" signed in through 127.0.0.1.', 'Fleetmap: "grace@example.com" signed in through 127.0.0.1.']);
    // Still refused from another site, signed in or not.
    expect((await get(server, '/api/topology', { ...ada, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('IPv6 proxies, and IPv4 peers on a dual-stack socket', async () => {
    const v6 = await listening({ auth: proxy(['::1/128']) }, '::1');
    expect((await get(v6, '/api/topology', { 'x-forwarded-email': 'ada@example.com' })).status).toBe(200);
    const dual = await listening({ auth: proxy(['127.0.0.0/8']) }, '::', '127.0.0.1');
    expect((await get(dual, '/api/topology', { 'x-forwarded-email': 'ada@example.com' })).status).toBe(200);
    const otherV6 = await listening({ auth: proxy(['fd00::/8']) }, '::1');
    expect((await get(otherV6, '/api/topology', { 'x-forwarded-email': 'ada@example.com' })).status).toBe(401);
    const otherDual = await listening({ auth: proxy(['10.0.0.0/8']) }, '::', '127.0.0.1');
    expect((await get(otherDual, '/api/topology', { 'x-forwarded-email': 'ada@example.com' })).status).toBe(401);
  });

  it('a request with no socket at all (no peer address) is refused', async () => {
    const app = createApp({ source, allowedHosts: ALLOWED, auth: proxy(['127.0.0.1/32']) });
    expect((await app.request('/api/topology', { headers: { ...HOST, 'x-forwarded-email': 'ada@example.com' } })).status).toBe(401);
  });
});
