import { BlockList, isIP } from 'node:net';

/**
 * The networks --trusted-proxy names: only a TCP peer inside one of them may vouch for a user with the identity
 * header. The peer is the socket's address, never X-Forwarded-For, which any client can write.
 */
export type TrustedProxies = { ok: true; cidrs: string[]; contains: (address: string | undefined) => boolean } | { ok: false; error: string };

const FAMILY = { 4: { type: 'ipv4', bits: 32 }, 6: { type: 'ipv6', bits: 128 } } as const;

type Subnet = { address: string; prefix: number; type: 'ipv4' | 'ipv6' };

/** ADDRESS or ADDRESS/PREFIX (IPv4 or IPv6); a bare address is that one host. */
function parseCidr(entry: string): Subnet | { error: string } {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const version = isIP(address);
  const bad = {
    error: `--trusted-proxy takes an address or CIDR of the proxy in front of Fleetmap, e.g. 10.0.0.0/16, 127.0.0.1 or fd00::/8, not "${entry}".`,
  };
  if ((version !== 4 && version !== 6) || rest.length) return bad;
  const { type, bits } = FAMILY[version];
  if (prefixText === undefined) return { address, prefix: bits, type };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix <= bits)) return bad;
  if (prefix === 0) return { error: `--trusted-proxy "${entry}" would trust every address: name the proxy's own network, e.g. 10.0.0.0/16.` };
  return { address, prefix, type };
}

export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  if (!entries.length) {
    return { ok: false, error: '--auth proxy needs the address of the proxy in front of Fleetmap: --trusted-proxy CIDR (repeatable), e.g. 10.0.0.0/16.' };
  }
  const list = new BlockList();
  const cidrs: string[] = [];
  for (const entry of entries) {
    const subnet = parseCidr(entry);
    if ('error' in subnet) return { ok: false, error: subnet.error };
    list.addSubnet(subnet.address, subnet.prefix, subnet.type);
    cidrs.push(`${subnet.address}/${subnet.prefix}`);
  }
  return {
    ok: true,
    cidrs,
    // BlockList also matches an IPv4 peer that a dual-stack socket reports as ::ffff:a.b.c.d.
    contains: (address) => {
      const version = address === undefined ? 0 : isIP(address);
      return address !== undefined && (version === 4 || version === 6) && list.check(address, FAMILY[version].type);
    },
  };
}
