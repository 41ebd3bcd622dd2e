import { describe, expect, it } from 'vitest';
import { planAuth, type AuthInput } from './authPlan';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const loopback: AuthInput = { bindHost: '127.0.0.1', exposed: false, env: {}, trustedProxies: [] };
const exposed: AuthInput = { bindHost: '0.0.0.0', exposed: true, env: {}, trustedProxies: [] };

const error = (input: AuthInput) => {
  const plan = planAuth(input);
  return plan.ok ? undefined : plan.error;
};

describe('planAuth: --auth none|token|proxy', () => {
  it('needs no login on loopback, and refuses any other bind without token or proxy, naming the flags', () => {
    expect(planAuth(loopback)).toEqual({ ok: true, mode: { kind: 'none' } });
    for (const input of [exposed, { ...exposed, auth: 'none' }]) {
      const message = error(input) ?? '';
      expect(message).toContain('--host 0.0.0.0');
      expect(message).toContain('--auth token');
      expect(message).toContain('FLEETMAP_TOKEN');
      expect(message).toContain('--token-file');
      expect(message).toContain('--auth proxy --auth-header');
      expect(message).toContain('--trusted-proxy');
    }
    expect(error({ ...loopback, auth: 'basic' })).toContain('--auth takes none, token or proxy');
  });

  it('token: from FLEETMAP_TOKEN, a --token-file (trimmed), or the older --auth-token and FLEETMAP_AUTH_TOKEN', () => {
    expect(planAuth({ ...exposed, auth: 'token', env: { FLEETMAP_TOKEN: TOKEN } })).toEqual({ ok: true, mode: { kind: 'token', token: TOKEN } });
    expect(planAuth({ ...exposed, auth: 'token', tokenFile: { path: '/run/secrets/t', text: `  ${TOKEN}\n` } })).toEqual({
      ok: true,
      mode: { kind: 'token', token: TOKEN },
    });
    // A token given without --auth means --auth token, as before --auth existed.
    expect(planAuth({ ...exposed, env: { FLEETMAP_AUTH_TOKEN: TOKEN } })).toEqual({ ok: true, mode: { kind: 'token', token: TOKEN } });
    expect(planAuth({ ...exposed, authToken: TOKEN })).toEqual({ ok: true, mode: { kind: 'token', token: TOKEN } });
    // The file wins over the environment: it is the one named on this command line.
    expect(planAuth({ ...exposed, env: { FLEETMAP_TOKEN: 'x'.repeat(20) }, tokenFile: { path: 't', text: TOKEN } })).toMatchObject({
      mode: { token: TOKEN },
    });
  });

  it('token: a missing, unreadable, empty or short token is a start-up error that says what to do', () => {
    expect(error({ ...loopback, auth: 'token' })).toContain('FLEETMAP_TOKEN');
    expect(error({ ...exposed, auth: 'token', tokenFile: { path: '/nope/t', error: 'ENOENT: no such file or directory' } })).toBe(
      '--token-file /nope/t cannot be read: ENOENT: no such file or directory.',
    );
    expect(error({ ...exposed, auth: 'token', tokenFile: { path: '/run/t', text: ' \n' } })).toContain('--token-file /run/t is empty');
    expect(error({ ...exposed, auth: 'token', tokenFile: { path: '/run/t', text: 'short\n' } })).toContain('at least 16 characters');
    expect(error({ ...exposed, env: { FLEETMAP_TOKEN: 'short' } })).toContain('at least 16 characters');
    expect(error({ ...exposed, authToken: TOKEN, tokenFile: { path: 't', text: TOKEN } })).toContain('either --token-file or --auth-token');
  });

  it('proxy: needs the header and at least one trusted proxy, and takes no token', () => {
    expect(planAuth({ ...exposed, auth: 'proxy', authHeader: 'X-Forwarded-Email', trustedProxies: ['10.0.0.0/16', 'fd00::/8'] })).toMatchObject({
      ok: true,
      mode: { kind: 'proxy', header: 'x-forwarded-email', trusted: { cidrs: ['10.0.0.0/16', 'fd00::/8'] } },
    });
    expect(error({ ...exposed, auth: 'proxy', trustedProxies: ['10.0.0.0/16'] })).toContain('--auth-header');
    expect(error({ ...exposed, auth: 'proxy', authHeader: 'X Email', trustedProxies: ['10.0.0.0/16'] })).toContain('header name');
    expect(error({ ...exposed, auth: 'proxy', authHeader: 'X-Forwarded-Email' })).toContain('--trusted-proxy');
    expect(error({ ...exposed, auth: 'proxy', authHeader: 'X-Forwarded-Email', trustedProxies: ['proxy.internal'] })).toContain('"proxy.internal"');
    expect(error({ ...exposed, auth: 'proxy', authHeader: 'X-Forwarded-Email', trustedProxies: ['10.0.0.0/16'], authToken: TOKEN })).toContain(
      'takes no token',
    );
    // A token left in the environment does not matter once the mode is chosen.
    expect(
      planAuth({ ...exposed, auth: 'proxy', authHeader: 'X-Forwarded-Email', trustedProxies: ['10.0.0.0/16'], env: { FLEETMAP_TOKEN: TOKEN } }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('proxy flags without --auth proxy are an error, not silently ignored', () => {
    expect(error({ ...exposed, authHeader: 'X-Forwarded-Email', trustedProxies: ['10.0.0.0/16'], env: { FLEETMAP_TOKEN: TOKEN } })).toContain(
      'pass --auth proxy',
    );
    expect(error({ ...loopback, auth: 'none', trustedProxies: ['10.0.0.0/16'] })).toContain('pass --auth proxy');
  });
});
