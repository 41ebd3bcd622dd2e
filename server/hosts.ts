/**
 * The Host headers the server answers to (its DNS-rebinding guard), from where it binds, its port and the names
 * allowed with --allowed-host / FLEETMAP_ALLOWED_HOSTS. Pure: the CLI checks a plan before it listens and computes
 * the final list once the port is known.
 */

export type HostPlan = { ok: true; hosts: string[]; exposed: boolean } | { ok: false; error: string };

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV6 = /^\[([0-9a-f:.]+)\]$/;

export function isLoopback(bindHost: string): boolean {
  return LOOPBACK.test(bindHost);
}

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostHeader(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}

/** One --allowed-host entry, NAME or NAME:PORT ([IPV6] or [IPV6]:PORT), lower-cased; an error says what is wrong. */
export function parseAllowedHost(entry: string): { name: string; port?: number } | { error: string } {
  const text = entry.trim().toLowerCase();
  const bad = {
    error: `--allowed-host takes NAME or NAME:PORT as browsers send it in the Host header (e.g. fleetmap.internal or fleetmap.internal:8443), not "${entry}".`,
  };
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(text);
  if (!m || !m[1]) return bad;
  const name = m[1];
  if (!NAME.test(name) && !IPV6.test(name)) return bad;
  if (m[2] === undefined) return { name };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return bad;
  return { name, port };
}

/** FLEETMAP_ALLOWED_HOSTS: names separated by commas (or spaces). */
export function splitAllowedHosts(env: string | undefined): string[] {
  return (env ?? '').split(/[,\s]+/).filter(Boolean);
}

/**
 * A loopback bind answers to its own names. A bind to one address or name answers to it too: a rebinding page
 * cannot make a browser send a Host it does not control. A wildcard bind (0.0.0.0, ::) has no name of its own, so
 * it needs the names browsers will use. A NAME with no port stands for the name behind a proxy (no port) and at
 * the bind port.
 */
export function planHosts(input: { bindHost: string; port: number; allowed: readonly string[] }): HostPlan {
  const { bindHost, port } = input;
  const hosts: string[] = [];
  if (isLoopback(bindHost)) hosts.push(hostHeader(bindHost, port), `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`);
  else if (!WILDCARD.has(bindHost)) hosts.push(hostHeader(bindHost, port));
  for (const entry of input.allowed) {
    const parsed = parseAllowedHost(entry);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    if (parsed.port !== undefined) hosts.push(`${parsed.name}:${parsed.port}`);
    else hosts.push(parsed.name, `${parsed.name}:${port}`);
  }
  if (!hosts.length) {
    return {
      ok: false,
      error:
        `--host ${bindHost} answers other machines, and Fleetmap answers only to the host names it knows (others get 421, ` +
        `which guards against DNS rebinding). Pass each name browsers will use: --allowed-host NAME[:PORT] (repeatable), ` +
        `e.g. --allowed-host fleetmap.internal --allowed-host 10.0.0.5:${port}, or FLEETMAP_ALLOWED_HOSTS=fleetmap.internal,10.0.0.5:${port}.`,
    };
  }
  return { ok: true, hosts: [...new Set(hosts)], exposed: !isLoopback(bindHost) };
}

/** A URL's authority: the port is left out where http implies it. */
const authority = (hostAndPort: string) => hostAndPort.replace(/:80$/, '');

/**
 * Where browsers reach the server: `direct`, URLs at the bound port (its own address, and each allowed name
 * served at that port); `proxied`, Host names that only a proxy in front can send (a bare name stands for one on
 * its default port, NAME:PORT for one on another port). Call it with entries planHosts accepted.
 */
export function reachableAt(input: { bindHost: string; port: number; allowed: readonly string[] }): { direct: string[]; proxied: string[] } {
  const { bindHost, port } = input;
  const direct: string[] = [];
  const proxied: string[] = [];
  if (isLoopback(bindHost)) direct.push(hostHeader(bindHost.toLowerCase(), port), `localhost:${port}`);
  else if (!WILDCARD.has(bindHost)) direct.push(hostHeader(bindHost.toLowerCase(), port));
  for (const entry of input.allowed) {
    const parsed = parseAllowedHost(entry);
    if ('error' in parsed) continue;
    if (parsed.port === undefined || parsed.port === port) direct.push(`${parsed.name}:${port}`);
    if (parsed.port === undefined && port !== 80) proxied.push(parsed.name);
    if (parsed.port !== undefined && parsed.port !== port) proxied.push(`${parsed.name}:${parsed.port}`);
  }
  return { direct: [...new Set(direct.map((h) => `http://${authority(h)}/`))], proxied: [...new Set(proxied)] };
}

/**
 * The start-up lines: where to open the map, then, when it answers beyond its own loopback names, the address it
 * is bound to and every name it answers to. `access` says who may open it (auth.ts accessClause), when not anyone.
 */
export function listeningLines(input: { label: string; bindHost: string; port: number; allowed: readonly string[]; access: string | undefined }): string[] {
  const { direct, proxied } = reachableAt(input);
  const [first] = direct;
  const open = first ?? `${proxied[0] ?? hostHeader(input.bindHost, input.port)}, through a proxy`;
  const lines = [`Fleetmap: ${input.label} at ${open}`];
  if (!input.allowed.length && isLoopback(input.bindHost)) return input.access ? [...lines, `Fleetmap: ${input.access}.`] : lines;
  const answers = [
    ...(direct.length ? [`at ${direct.join(', ')}`] : []),
    ...(proxied.length ? [`${direct.length ? 'and ' : ''}through a proxy to Host ${proxied.join(', ')}`] : []),
  ].join(', ');
  const access = input.access ? `; ${input.access}` : '';
  lines.push(`Fleetmap: listening on ${hostHeader(input.bindHost, input.port)}; answers ${answers}; any other Host gets 421${access}.`);
  return lines;
}
