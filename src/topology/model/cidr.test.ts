import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, ipv4ToInt, subnetOfIp } from './cidr';

const dotted = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

describe('IPv4 addresses', () => {
  it('reads a dotted quad as a number, and nothing else', () => {
    expect(ipv4ToInt('10.0.1.10')).toBe(10 * 2 ** 24 + 1 * 2 ** 8 + 10);
    expect(ipv4ToInt('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(ipv4ToInt('0.0.0.0')).toBe(0);
    for (const bad of ['10.0.1', '10.0.1.256', '10.0.1.-1', '10.0.1.1.1', '10.0.1.x', '10.0..1', ' 10.0.1.1', '1e1.0.0.1', 'fd00::1', ''])
      expect(ipv4ToInt(bad), bad).toBeUndefined();
  });

  it('round-trips every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => ipv4ToInt(dotted(n)) === n));
  });
});

describe('CIDR blocks', () => {
  it('holds the addresses from its first to its last, and not one beside', () => {
    expect(cidrContains('10.0.16.0/22', '10.0.16.0')).toBe(true);
    expect(cidrContains('10.0.16.0/22', '10.0.19.255')).toBe(true);
    expect(cidrContains('10.0.16.0/22', '10.0.20.0')).toBe(false);
    expect(cidrContains('10.0.16.0/22', '10.0.15.255')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '203.0.113.7')).toBe(true);
    expect(cidrContains('10.0.1.10/32', '10.0.1.10')).toBe(true);
    expect(cidrContains('10.0.1.10/32', '10.0.1.11')).toBe(false);
  });

  it('holds nothing when the block or the address cannot be read', () => {
    for (const cidr of ['10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/8.5', '10.0.0/8', '2600:1f18::/56']) expect(cidrContains(cidr, '10.0.0.1'), cidr).toBe(false);
    expect(cidrContains('10.0.0.0/8', 'not-an-ip')).toBe(false);
  });

  // Known bug: Number('') is 0, so a block with no prefix length is read as /0 and holds every address.
  it('holds nothing when the block has no prefix length', () => {
    expect(cidrContains('10.0.0.0', '192.168.1.1')).toBe(false);
    expect(cidrContains('10.0.0.0/', '192.168.1.1')).toBe(false);
  });

  it('agrees with the arithmetic for any block and address', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (base, bits, ip) => {
        const size = 2 ** (32 - bits);
        const network = Math.floor(base / size) * size;
        expect(cidrContains(`${dotted(network)}/${bits}`, dotted(ip))).toBe(ip >= network && ip < network + size);
      }),
    );
  });
});

describe('the subnet of an address', () => {
  const subnets = [
    { id: 'vpc-wide', cidrBlock: '10.0.0.0/16' },
    { id: 'private-a', cidrBlock: '10.0.64.0/20' },
    { id: 'pods-a', cidrBlock: '10.0.64.0/24' },
    { id: 'broken', cidrBlock: 'nonsense' },
  ];

  it('is the most specific block that holds it, whatever the order of the list', () => {
    expect(subnetOfIp(subnets, '10.0.64.9')?.id).toBe('pods-a');
    expect(subnetOfIp([...subnets].reverse(), '10.0.64.9')?.id).toBe('pods-a');
    expect(subnetOfIp(subnets, '10.0.70.1')?.id).toBe('private-a');
    expect(subnetOfIp(subnets, '10.0.200.1')?.id).toBe('vpc-wide');
  });

  it('is none for an address outside every block', () => {
    expect(subnetOfIp(subnets, '192.168.1.1')).toBeUndefined();
    expect(subnetOfIp([], '10.0.0.1')).toBeUndefined();
  });
});
