/** IPv4 CIDR arithmetic, enough to place an IP address in the subnet whose block holds it. */
export function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  // Number('') is 0: a block written without its prefix length would otherwise hold every address.
  if (!/^\d{1,2}$/.test(bitsText)) return false;
  const bits = Number(bitsText);
  const a = ipv4ToInt(base);
  const b = ipv4ToInt(ip);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** The most specific block holding `ip`, or undefined. */
export function subnetOfIp<T extends { cidrBlock: string }>(subnets: readonly T[], ip: string): T | undefined {
  let best: T | undefined;
  let bestBits = -1;
  for (const s of subnets) {
    const bits = Number(s.cidrBlock.split('/')[1] ?? -1);
    if (bits > bestBits && cidrContains(s.cidrBlock, ip)) {
      best = s;
      bestBits = bits;
    }
  }
  return best;
}
