import { describe, expect, it } from 'vitest';
import { listeningLines, parseAllowedHost, planHosts, reachableAt, splitAllowedHosts } from './hosts';

describe('planHosts', () => {
  it('answers a loopback bind at its loopback names only', () => {
    expect(planHosts({ bindHost: '127.0.0.1', port: 8080, allowed: [] })).toEqual({
      ok: true,
      hosts: ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080'],
      exposed: false,
    });
    expect(planHosts({ bindHost: '::1', port: 9000, allowed: [] })).toMatchObject({ ok: true, hosts: ['[::1]:9000', 'localhost:9000', '127.0.0.1:9000'] });
  });

  it('refuses a wildcard bind that names no allowed host, saying what to pass', () => {
    for (const bindHost of ['0.0.0.0', '::']) {
      const plan = planHosts({ bindHost, port: 8080, allowed: [] });
      expect(plan.ok).toBe(false);
      if (!plan.ok) {
        expect(plan.error).toContain('--allowed-host NAME[:PORT]');
        expect(plan.error).toContain('FLEETMAP_ALLOWED_HOSTS');
      }
    }
  });

  it('answers a wildcard bind at each allowed name, bare (behind a proxy) and at the bind port', () => {
    expect(planHosts({ bindHost: '0.0.0.0', port: 8080, allowed: ['Fleetmap.Internal', '10.0.0.5:9000', '[fd00::5]:8443'] })).toEqual({
      ok: true,
      hosts: ['fleetmap.internal', 'fleetmap.internal:8080', '10.0.0.5:9000', '[fd00::5]:8443'],
      exposed: true,
    });
  });

  it('answers a bind to one address at that address, and counts it as exposed', () => {
    expect(planHosts({ bindHost: '10.0.0.5', port: 8080, allowed: [] })).toEqual({ ok: true, hosts: ['10.0.0.5:8080'], exposed: true });
    expect(planHosts({ bindHost: 'fd00::5', port: 8080, allowed: [] })).toMatchObject({ hosts: ['[fd00::5]:8080'] });
  });

  it('rejects an entry that is not NAME[:PORT]', () => {
    for (const bad of ['https://fleetmap.internal', 'fleetmap.internal:99999', 'fleetmap.internal:0', '*', 'a b', 'host/path', ':8080', 'x:']) {
      const plan = planHosts({ bindHost: '0.0.0.0', port: 8080, allowed: [bad] });
      expect(plan.ok, bad).toBe(false);
      if (!plan.ok) expect(plan.error).toContain(bad);
    }
    expect(parseAllowedHost('fleetmap.internal:443')).toEqual({ name: 'fleetmap.internal', port: 443 });
  });

  it('reads FLEETMAP_ALLOWED_HOSTS as a comma-separated list', () => {
    expect(splitAllowedHosts(' a.example, b.example:8080 ,,')).toEqual(['a.example', 'b.example:8080']);
    expect(splitAllowedHosts(undefined)).toEqual([]);
  });
});

describe('where the start-up lines say Fleetmap is', () => {
  it('a wildcard bind with a bare name: that name at the bound port, and the name alone through a proxy', () => {
    expect(reachableAt({ bindHost: '0.0.0.0', port: 8080, allowed: ['fleetmap.test'] })).toEqual({
      direct: ['http://fleetmap.test:8080/'],
      proxied: ['fleetmap.test'],
    });
    expect(
      listeningLines({ label: 'AWS profile prod', bindHost: '0.0.0.0', port: 8080, allowed: ['fleetmap.test'], access: 'the access token is required' }),
    ).toEqual([
      'Fleetmap: AWS profile prod at http://fleetmap.test:8080/',
      'Fleetmap: listening on 0.0.0.0:8080; answers at http://fleetmap.test:8080/, and through a proxy to Host fleetmap.test; any other Host gets 421; the access token is required.',
    ]);
  });

  it('a name with another port is reached through a proxy; one with the bound port (or a bare name on port 80) directly', () => {
    expect(reachableAt({ bindHost: '::', port: 80, allowed: ['fleetmap.test', 'other.test:9999', 'Third.Test:80'] })).toEqual({
      direct: ['http://fleetmap.test/', 'http://third.test/'],
      proxied: ['other.test:9999'],
    });
    expect(listeningLines({ label: 'x', bindHost: '0.0.0.0', port: 8080, allowed: ['other.test:9999'], access: 'the access token is required' })).toEqual([
      'Fleetmap: x at other.test:9999, through a proxy',
      'Fleetmap: listening on 0.0.0.0:8080; answers through a proxy to Host other.test:9999; any other Host gets 421; the access token is required.',
    ]);
  });

  it('a loopback bind prints its own address first and one line only, unless names are allowed too', () => {
    expect(listeningLines({ label: 'Demo', bindHost: '127.0.0.1', port: 8080, allowed: [], access: undefined })).toEqual([
      'Fleetmap: Demo at http://127.0.0.1:8080/',
    ]);
    expect(reachableAt({ bindHost: '::1', port: 9000, allowed: [] }).direct).toEqual(['http://[::1]:9000/', 'http://localhost:9000/']);
    expect(listeningLines({ label: 'Demo', bindHost: '127.0.0.1', port: 8080, allowed: ['fleetmap.test'], access: undefined })).toEqual([
      'Fleetmap: Demo at http://127.0.0.1:8080/',
      'Fleetmap: listening on 127.0.0.1:8080; answers at http://127.0.0.1:8080/, http://localhost:8080/, http://fleetmap.test:8080/, and through a proxy to Host fleetmap.test; any other Host gets 421.',
    ]);
  });

  it('says who may open the map, on loopback too when a sign-in proxy is in front', () => {
    const access = 'only requests from the trusted proxy (127.0.0.1/32) with a x-forwarded-email header are answered';
    expect(listeningLines({ label: 'Demo', bindHost: '127.0.0.1', port: 8080, allowed: [], access })).toEqual([
      'Fleetmap: Demo at http://127.0.0.1:8080/',
      `Fleetmap: ${access}.`,
    ]);
    expect(listeningLines({ label: 'x', bindHost: '10.0.0.5', port: 8080, allowed: [], access })[1]).toBe(
      `Fleetmap: listening on 10.0.0.5:8080; answers at http://10.0.0.5:8080/; any other Host gets 421; ${access}.`,
    );
  });

  it('a bind to one address answers at that address', () => {
    expect(listeningLines({ label: 'x', bindHost: '10.0.0.5', port: 8080, allowed: [], access: 'the access token is required' })).toEqual([
      'Fleetmap: x at http://10.0.0.5:8080/',
      'Fleetmap: listening on 10.0.0.5:8080; answers at http://10.0.0.5:8080/; any other Host gets 421; the access token is required.',
    ]);
  });
});
