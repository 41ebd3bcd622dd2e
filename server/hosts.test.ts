import { describe, expect, it } from 'vitest';
import { parseAllowedHost, planHosts, splitAllowedHosts } from './hosts';

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
