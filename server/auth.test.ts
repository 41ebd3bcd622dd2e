import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { sameSecret, tokenProblem } from './auth';
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
  createApp({ source: { label: 't', read: () => Promise.resolve(topology) }, allowedHosts: ['fleetmap.internal', 'fleetmap.internal:8080'], authToken: TOKEN });

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
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?view=service');
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

  it('compares in constant time whatever the lengths, and demands a token on an exposed bind', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret('short', TOKEN)).toBe(false);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenProblem(undefined, true, '0.0.0.0')).toContain('--auth-token');
    expect(tokenProblem(undefined, false, '127.0.0.1')).toBeUndefined();
    expect(tokenProblem('short', false, '127.0.0.1')).toContain('at least 16');
    expect(tokenProblem(TOKEN, true, '0.0.0.0')).toBeUndefined();
  });
});
