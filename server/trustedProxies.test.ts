import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './trustedProxies';

const trusted = (entries: string[]) => {
  const parsed = parseTrustedProxies(entries);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
};

describe('--trusted-proxy', () => {
  it('matches IPv4 CIDRs, and IPv4 peers that a dual-stack socket reports as ::ffff:a.b.c.d', () => {
    const t = trusted(['10.0.0.0/16', '192.168.1.7']);
    expect(t.contains('10.0.3.4')).toBe(true);
    expect(t.contains('::ffff:10.0.3.4')).toBe(true);
    expect(t.contains('10.1.0.1')).toBe(false);
    expect(t.contains('192.168.1.7')).toBe(true);
    expect(t.contains('192.168.1.8')).toBe(false);
    expect(t.cidrs).toEqual(['10.0.0.0/16', '192.168.1.7/32']);
  });

  it('matches IPv6 CIDRs', () => {
    const t = trusted(['fd00:abcd::/32', '::1']);
    expect(t.contains('fd00:abcd:1::5')).toBe(true);
    expect(t.contains('fd00:abce::5')).toBe(false);
    expect(t.contains('::1')).toBe(true);
    expect(t.contains('127.0.0.1')).toBe(false);
  });

  it('refuses what is not an address or CIDR, and a /0 that would trust every address', () => {
    for (const bad of ['', 'proxy.internal', '10.0.0.0/33', 'fd00::/129', '10.0.0/8', '10.0.0.0/x', '0.0.0.0/0', '::/0']) {
      const parsed = parseTrustedProxies([bad]);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(`"${bad}"`);
    }
    expect(parseTrustedProxies([])).toMatchObject({ ok: false, error: expect.stringContaining('--trusted-proxy') as unknown });
  });

  it('never matches a missing or garbled peer address', () => {
    const t = trusted(['10.0.0.0/8']);
    expect(t.contains(undefined)).toBe(false);
    expect(t.contains('not-an-address')).toBe(false);
  });
});
