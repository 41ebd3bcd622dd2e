import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from './fake-aws/demo';
import { startFakeAws, type FakeAws } from './fake-aws/server';

/** `fleetmap serve` as a user runs it: the installed bin, in its own process, spoken to over loopback HTTP. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/fleetmap.js');
const EMPTY_SNAPSHOT = {
  schemaVersion: 1,
  source: { kind: 'snapshot', label: 'snapshot', region: 'eu-west-1', fetchedAt: Date.UTC(2024, 4, 1) },
  resources: {},
  errors: [],
  stats: { calls: {}, retries: 0, durationMs: 0 },
};

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
  /** Resolves with the first stdout match, or fails after `ms` with what the process printed */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>;
}

const running: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function serve(args: string[], env: Record<string, string> = {}): Run {
  return fleetmap('serve', args, env);
}

/** The state directory every server started here keeps its history in, never the user's own. */
const STATE = mkdtempSync(join(tmpdir(), 'fleetmap-state-'));
afterAll(() => rmSync(STATE, { recursive: true, force: true }));

function fleetmap(command: string, args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [BIN, command, ...args], {
    cwd: ROOT,
    env: { ...process.env, XDG_STATE_HOME: STATE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, ms = 20_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const m = pattern.exec(out);
        if (m) {
          clearInterval(poll);
          resolve(m);
        } else if (Date.now() - started > ms || child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`no ${pattern} in stdout: ${out} / stderr: ${err}`));
        }
      }, 25);
    });
  return { child, out: () => out, err: () => err, exit, waitFor };
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function snapshotFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-serve-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Exit 2 with one line on stderr, no stack trace. */
async function expectUsageFailure(run: Run, message: string | RegExp): Promise<void> {
  expect(await withTimeout(run.exit, 20_000, 'exit')).toBe(2);
  expect(run.err()).toMatch(message);
  expect(run.err()).not.toMatch(/\n\s+at /);
  expect(run.err()).not.toMatch(/TypeError|RangeError|ERR_SOCKET/);
}

describe('fleetmap serve', () => {
  it('--port 0 picks a free port, prints its real URL, and SIGTERM exits 0', async () => {
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    const run = serve(['--source', 'snapshot', '--file', file, '--port', '0']);
    const [, port] = await run.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    expect(Number(port)).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/api/topology`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    run.child.kill('SIGTERM');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
  });

  it('a port in use, --port 99999 and --port abc end with one clear line and exit 2', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => busy.close(() => resolve())));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    await expectUsageFailure(
      serve(['--source', 'snapshot', '--file', file, '--port', String(port)]),
      new RegExp(`port ${port} on 127.0.0.1 is already in use`),
    );
    await expectUsageFailure(serve(['--source', 'snapshot', '--file', file, '--port', '99999']), /--port must be a port number from 1 to 65535/);
    await expectUsageFailure(serve(['--source', 'snapshot', '--file', file, '--port', 'abc']), /--port must be a port number/);
  });

  it('fleetmap fake-aws on a port in use ends with one clear line and exits 2, as serve does', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => busy.close(() => resolve())));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const run = fleetmap('fake-aws', ['--port', String(port)]);
    await expectUsageFailure(run, new RegExp(`^fleetmap: port ${port} on 127\\.0\\.0\\.1 is already in use: .*--port 0 picks a free one\\)\\.\\n$`));
    expect(run.err()).not.toContain('EADDRINUSE');
  });

  it('a bad snapshot fails at start with the snapshot error, exit 2', async () => {
    const bad = await snapshotFile('bad.json', '{"schemaVersion": 1, "resources": ');
    await expectUsageFailure(serve(['--source', 'snapshot', '--file', bad, '--port', '0']), /bad\.json: Not a Fleetmap snapshot: the file is not valid JSON/);
    await expectUsageFailure(serve(['--source', 'snapshot', '--file', join(tmpdir(), 'no-such-fleetmap.json'), '--port', '0']), /cannot open/);
  });

  it('SIGTERM answers a request still waiting for a read 503 at once, refuses new connections, and exits 0 well within the grace', async () => {
    // Two seconds per AWS answer: the read cannot finish inside the 8 s grace.
    const fake: FakeAws = await startFakeAws({ world: demoWorld(), latencyMs: 2000 });
    cleanups.push(() => fake.close());
    const run = serve(['--source', 'aws', '--port', '0'], { AWS_ENDPOINT_URL: fake.url, AWS_REGION: fake.world.region });
    const [, port] = await run.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    // The watcher starts reading at once; the request must be at the server, waiting for that read, before the signal.
    const sent = { done: false };
    const inFlight = fetch(`http://127.0.0.1:${port}/api/topology`);
    const request = get(`http://127.0.0.1:${port}/api/health`, () => (sent.done = true));
    request.on('error', () => undefined);
    await withTimeout(
      (async () => {
        // The read is under way once the fake AWS has been called; a second request, sent after /api/topology's and
        // answered, shows the server has been serving requests since, so a loaded machine has not left the first unsent.
        while (!fake.calls.length || !sent.done) await new Promise((r) => setTimeout(r, 20));
      })(),
      10_000,
      'first AWS call',
    );
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    const res = await withTimeout(inFlight, 15_000, 'the request in flight');
    const answeredAfter = Date.now() - signalled;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^Fleetmap is shutting down; /);
    expect(answeredAfter).toBeLessThan(1_500);
    await run.waitFor(/SIGTERM: finishing the requests in flight/);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(4_000);
    expect(run.out()).toContain('Fleetmap: stopped.');
  });

  it('beyond loopback: demands an allowed host and a token, then answers to that name only', async () => {
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    const base = ['--source', 'snapshot', '--file', file, '--host', '0.0.0.0', '--port', '0'];
    await expectUsageFailure(serve(base), /--allowed-host NAME\[:PORT\]/);
    await expectUsageFailure(serve([...base, '--allowed-host', 'fleetmap.test']), /--auth token .*FLEETMAP_TOKEN.*--token-file.*--auth proxy --auth-header/);
    await expectUsageFailure(serve([...base, '--allowed-host', 'https://fleetmap.test/']), /--allowed-host takes NAME or NAME:PORT/);
    const token = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const run = serve(base, { FLEETMAP_ALLOWED_HOSTS: 'fleetmap.test,other.test:9999', FLEETMAP_AUTH_TOKEN: token });
    const [, port] = await run.waitFor(/listening on 0\.0\.0\.0:(\d+)/);
    expect(run.out()).toContain(`ok.json at http://fleetmap.test:${port}/\n`);
    expect(run.out()).toContain(`answers at http://fleetmap.test:${port}/, and through a proxy to Host fleetmap.test, other.test:9999;`);
    const get = (host: string, auth?: string) =>
      new Promise<{ status: number; csp: string }>((resolve, reject) => {
        // fetch() cannot set Host; node:http can.
        void import('node:http').then(({ request }) => {
          const req = request(
            { host: '127.0.0.1', port: Number(port), path: '/api/topology', headers: { host, ...(auth ? { authorization: auth } : {}) } },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, csp: String(res.headers['content-security-policy']) });
            },
          );
          req.on('error', reject);
          req.end();
        });
      });
    expect((await get(`fleetmap.test:${port}`, `Bearer ${token}`)).status).toBe(200);
    expect((await get('fleetmap.test', `Bearer ${token}`)).status).toBe(200);
    expect((await get('other.test:9999', `Bearer ${token}`)).status).toBe(200);
    expect((await get(`fleetmap.test:${port}`)).status).toBe(401);
    const refused = await get(`0.0.0.0:${port}`, `Bearer ${token}`);
    expect(refused.status).toBe(421);
    expect(refused.csp).toContain("frame-ancestors 'none'");
    run.child.kill('SIGINT');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
  });

  it('--auth: none is refused beyond loopback; a token file that is missing, unreadable or short ends with one line, exit 2', async () => {
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    const base = ['--source', 'snapshot', '--file', file, '--host', '0.0.0.0', '--port', '0', '--allowed-host', 'fleetmap.test'];
    await expectUsageFailure(
      serve([...base, '--auth', 'none']),
      /^fleetmap: --host 0\.0\.0\.0 answers other machines, so it needs an authentication mode: --auth token/,
    );
    await expectUsageFailure(serve([...base, '--auth', 'token']), /--auth token needs a token: set FLEETMAP_TOKEN or pass --token-file PATH/);
    const missing = join(tmpdir(), 'no-such-fleetmap-token');
    await expectUsageFailure(serve([...base, '--auth', 'token', '--token-file', missing]), new RegExp(`--token-file ${missing} cannot be read: ENOENT`));
    const short = await snapshotFile('short-token', 'abc\n');
    await expectUsageFailure(serve([...base, '--auth', 'token', '--token-file', short]), /must be at least 16 characters/);
    await expectUsageFailure(serve([...base, '--auth', 'proxy', '--auth-header', 'X-Forwarded-Email']), /--trusted-proxy CIDR/);
    await expectUsageFailure(
      serve([...base, '--auth', 'proxy', '--auth-header', 'X-Forwarded-Email', '--trusted-proxy', '10.0.0.0/99']),
      /--trusted-proxy takes/,
    );
  });

  it('--auth token --token-file: no token → 401; the token → the map, its API and its event stream', async () => {
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    const token = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const tokenFile = await snapshotFile('token', `${token}\n`);
    const run = serve(['--source', 'snapshot', '--file', file, '--port', '0', '--auth', 'token', '--token-file', tokenFile]);
    const [, port] = await run.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/api/topology`)).status).toBe(401);
    expect((await fetch(`${url}/api/events`)).status).toBe(401);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${url}/api/topology`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${url}/api/topology`, { headers: { ...bearer, origin: 'https://evil.example' } })).status).toBe(403);
    const events = await fetch(`${url}/api/events`, { headers: bearer });
    expect(events.status).toBe(200);
    const reader = events.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toMatch(/^event: status\n/);
    await reader?.cancel();
    run.child.kill('SIGTERM');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
  });

  it('--auth proxy: only a trusted peer that sends the identity header is answered, and each user is logged once', async () => {
    const file = await snapshotFile('ok.json', JSON.stringify(EMPTY_SNAPSHOT));
    const proxyArgs = ['--source', 'snapshot', '--file', file, '--port', '0', '--auth', 'proxy', '--auth-header', 'X-Forwarded-Email'];
    const run = serve([...proxyArgs, '--host', '0.0.0.0', '--allowed-host', 'fleetmap.test', '--trusted-proxy', '127.0.0.1/32', '--trusted-proxy', 'fd00::/8']);
    const [, port] = await run.waitFor(/listening on 0\.0\.0\.0:(\d+).*trusted proxy \(127\.0\.0\.1\/32, fd00::\/8\) with a x-forwarded-email header/);
    const get = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        void import('node:http').then(({ request }) => {
          const req = request({ host: '127.0.0.1', port: Number(port), path: '/api/topology', headers: { host: 'fleetmap.test', ...headers } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      });
    expect(await get({})).toBe(401);
    expect(await get({ 'x-forwarded-email': 'ada@example.com' })).toBe(200);
    expect(await get({ 'x-forwarded-email': 'ada@example.com' })).toBe(200);
    await run.waitFor(/"ada@example\.com" signed in through 127\.0\.0\.1\./);
    expect(run.out().match(/signed in/g)).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);

    // The same request from a peer outside --trusted-proxy is refused, whatever headers it carries.
    const untrusted = serve([...proxyArgs, '--trusted-proxy', '10.0.0.0/8']);
    const [, port2] = await untrusted.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    const refused = await fetch(`http://127.0.0.1:${port2}/api/topology`, {
      headers: { 'x-forwarded-email': 'ada@example.com', 'x-forwarded-for': '10.0.0.7' },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toContain('not a trusted proxy');
    untrusted.child.kill('SIGTERM');
    expect(await withTimeout(untrusted.exit, 15_000, 'shutdown')).toBe(0);
  });

  it('--refresh and --api-budget: the demo is read again on its own, within the budget, and the status says how often', async () => {
    const run = serve(['--source', 'demo', '--port', '0', '--refresh', '200ms', '--api-budget', '0.25']);
    const [, port] = await run.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    const status = async () =>
      (await (await fetch(`http://127.0.0.1:${port}/api/status`)).json()) as { state: string; refresh?: { everyMs: number; message: string } };
    let now = await status();
    const until = Date.now() + 15_000;
    while (!(now.state === 'live' && now.refresh) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      now = await status();
    }
    // The demo's ECS task reads alone are more than a quarter of their bucket can give every 200 ms.
    expect(now.refresh?.everyMs).toBeGreaterThan(200);
    expect(now.refresh?.message).toMatch(/^refreshing every \d+ s \(0\.2 s asked\): \d+ calls per cycle at 25 % of \w+' 20\/s$/);
    const events = await fetch(`http://127.0.0.1:${port}/api/events`);
    const reader = events.body?.getReader();
    let text = '';
    while (!text.includes('event: topology')) text += new TextDecoder().decode((await reader?.read())?.value);
    expect(text).toMatch(/^event: status\n/);
    await reader?.cancel();
    run.child.kill('SIGTERM');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
    await expectUsageFailure(serve(['--source', 'demo', '--port', '0', '--refresh', 'soon']), /--refresh takes an interval of at least 100 ms/);
    await expectUsageFailure(serve(['--source', 'demo', '--port', '0', '--api-budget', '2']), /--api-budget takes a share/);
  });

  it('keeps history where it says, answers the timeline from it, and a second server refuses a data directory in use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleetmap-history-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const run = serve(['--source', 'demo', '--port', '0', '--refresh', '200ms', '--churn', '300ms', '--data-dir', dir]);
    const [, port] = await run.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    await run.waitFor(new RegExp(`History: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(PGlite\\)`));
    const history = async () =>
      (await (await fetch(`http://127.0.0.1:${port}/api/history`)).json()) as { captures: { at: number; changed: number; added: number }[] };
    let captures = (await history()).captures;
    const until = Date.now() + 20_000;
    while (captures.length < 3 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      captures = (await history()).captures;
    }
    expect(captures.length).toBeGreaterThanOrEqual(3);
    const first = captures[0];
    if (!first) throw new Error('no capture');
    const then = await fetch(`http://127.0.0.1:${port}/api/topology?at=${new Date(first.at).toISOString()}`);
    expect(then.status).toBe(200);
    expect(((await then.json()) as { source: { fetchedAt: number } }).source.fetchedAt).toBe(first.at);
    expect((await fetch(`http://127.0.0.1:${port}/api/topology?at=yesterday`)).status).toBe(400);
    await expectUsageFailure(serve(['--source', 'demo', '--port', '0', '--data-dir', dir]), /is in use by another Fleetmap \(pid \d+\)/);
    run.child.kill('SIGTERM');
    expect(await withTimeout(run.exit, 15_000, 'shutdown')).toBe(0);
    // Off: no history API.
    const off = serve(['--source', 'demo', '--port', '0', '--history', 'off']);
    const [, offPort] = await off.waitFor(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    expect((await fetch(`http://127.0.0.1:${offPort}/api/history`)).status).toBe(404);
  });

  it('logs an unhandled rejection and keeps running', () => {
    const script = `
      const { logUnhandledRejections } = await import(${JSON.stringify(join(ROOT, 'server/cli/serve.ts'))});
      logUnhandledRejections();
      Promise.reject(new Error('a read went wrong'));
      setTimeout(() => console.log('still serving'), 100);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('unhandled rejection (the server keeps running): Error: a read went wrong');
    expect(result.stdout).toContain('still serving');
  });
});
