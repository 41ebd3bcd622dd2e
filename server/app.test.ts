import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from './app';
import { readThroughFake } from './fake-aws/readWorld';
import { SECRETS, worldWithFixture } from './fake-aws/redactionWorld';
import type { Topology } from '../src/topology/model';
import type { TopologySource } from './sources/types';
import { createWatcher } from './live/watcher';

const staticSource = (topology: Topology): TopologySource => ({ label: 'test', read: () => Promise.resolve(topology) });
const HOST = { host: '127.0.0.1:8080' };
const SAME_ORIGIN = { ...HOST, origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin', 'x-fleetmap': '1' };
let topology: Topology;

beforeAll(async () => {
  topology = (await readThroughFake({ world: worldWithFixture() })).topology;
});

/** A source that counts its reads; each read takes a few milliseconds, so concurrent callers overlap. */
function countingSource(): { source: TopologySource; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    source: {
      label: 'counting',
      read: async () => {
        reads++;
        await new Promise((r) => setTimeout(r, 20));
        return { ...topology, source: { ...topology.source, fetchedAt: reads } };
      },
    },
  };
}

const appWith = (source: TopologySource, extra: Partial<AppDeps> = {}) => createApp({ source, allowedHosts: ['127.0.0.1:8080'], ...extra });
const fetchedAt = async (res: Response) => ((await res.json()) as Topology).source.fetchedAt;

describe('HTTP API', () => {
  it('serves the topology and each task definition with no secret in any response', async () => {
    const app = appWith(staticSource(topology));
    const bodies: string[] = [];
    const top = await app.request('/api/topology', { headers: HOST });
    expect(top.status).toBe(200);
    bodies.push(await top.text());
    const arns = Object.values(topology.resources)
      .filter((r) => r.kind === 'taskDefinition')
      .map((r) => r.id);
    expect(arns).toContain('arn:aws:ecs:us-east-1:123456789012:task-definition/payments:42');
    for (const arn of arns) {
      const res = await app.request(`/api/task-definitions/${encodeURIComponent(arn)}`, { headers: HOST });
      expect(res.status).toBe(200);
      bodies.push(await res.text());
    }
    const all = bodies.join('\n');
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
    // Names stay visible: the map is useless if it hides what a variable is.
    expect(all).toContain('DATABASE_URL');
    expect(all).toContain('DB_PASSWORD');
  });

  it('refuses a Host header that is not its own (DNS rebinding), and says how to allow a name', async () => {
    const app = appWith(staticSource(topology));
    const res = await app.request('/api/topology', { headers: { host: 'attacker.example:8080' } });
    expect(res.status).toBe(421);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { error: string }).error).toContain('--allowed-host attacker.example:8080');
  });

  it('answers bad parameters with a clear 400 and unknown ones with 404', async () => {
    const app = appWith(staticSource(topology));
    const bad = await app.request('/api/task-definitions/not-an-arn', { headers: HOST });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('task definition ARN');
    expect((await app.request('/api/topology?refresh=maybe', { headers: HOST })).status).toBe(400);
    const missing = await app.request(`/api/task-definitions/${encodeURIComponent('arn:aws:ecs:us-east-1:123456789012:task-definition/nope:1')}`, {
      headers: HOST,
    });
    expect(missing.status).toBe(404);
    expect((await app.request('/api/nothing', { headers: HOST })).status).toBe(404);
  });

  it('turns a failing source into a 502 with the reason', async () => {
    const failing: TopologySource = {
      label: 'snapshot x.json',
      read: () => Promise.reject(new Error('x.json: Not a Fleetmap snapshot: the file is not valid JSON')),
    };
    const res = await appWith(failing).request('/api/topology', { headers: HOST });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toContain('not valid JSON');
  });

  it('sends the security headers and a strict Content-Security-Policy on every answer, refusals included', async () => {
    const app = appWith(staticSource(topology), { authToken: 'a-token-long-enough-1234' });
    const answers = [
      await app.request('/api/topology', { headers: { ...HOST, authorization: 'Bearer a-token-long-enough-1234' } }),
      await app.request('/api/nothing', { headers: { ...HOST, authorization: 'Bearer a-token-long-enough-1234' } }),
      await app.request('/api/topology?refresh=true', { headers: { ...HOST, authorization: 'Bearer a-token-long-enough-1234' } }),
      await app.request('/api/topology', { headers: { host: 'attacker.example' } }),
      await app.request('/api/topology', { headers: HOST }),
      await app.request('/api/refresh', {
        method: 'POST',
        headers: { ...HOST, authorization: 'Bearer a-token-long-enough-1234', origin: 'https://evil.example' },
      }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 400, 421, 401, 403]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('Refresh', () => {
  it('is a POST: GET ?refresh=true starts no read and says to POST', async () => {
    const counting = countingSource();
    const app = appWith(counting.source);
    const res = await app.request('/api/topology?refresh=true', { headers: HOST });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('POST /api/refresh');
    expect(counting.reads()).toBe(0);
  });

  it('GET (or any method but POST) on /api/refresh is 405 with Allow: POST and says how to refresh, starting no read', async () => {
    const counting = countingSource();
    const app = appWith(counting.source);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await app.request('/api/refresh', { method, headers: SAME_ORIGIN });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: string }).error).toBe(
        `/api/refresh takes POST, not ${method}: POST /api/refresh with the header "X-Fleetmap: 1".`,
      );
    }
    expect(counting.reads()).toBe(0);
  });

  it('shares one read among 100 concurrent refreshes', async () => {
    const counting = countingSource();
    const app = appWith(counting.source);
    const answers = await Promise.all(Array.from({ length: 100 }, () => app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN })));
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 100 }, () => 200));
    expect(new Set(await Promise.all(answers.map(fetchedAt)))).toEqual(new Set([1]));
    expect(counting.reads()).toBe(1);
  });

  it('refuses a cross-site refresh with 403 and starts no read', async () => {
    const counting = countingSource();
    const app = appWith(counting.source);
    const attempts: Record<string, string>[] = [
      { ...HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      { ...HOST, origin: 'https://evil.example' },
      { ...HOST, origin: 'null', 'x-fleetmap': '1' },
      { ...HOST, 'sec-fetch-site': 'same-site', 'x-fleetmap': '1' },
      // Neither Origin nor Sec-Fetch-Site (curl, an old browser): only with a header that needs a CORS preflight.
      { ...HOST },
      { ...HOST, 'content-type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of attempts) {
      const res = await app.request('/api/refresh', { method: 'POST', headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(counting.reads()).toBe(0);
    // A preflight gets no CORS permission, so a browser never sends the real request.
    const preflight = await app.request('/api/refresh', {
      method: 'OPTIONS',
      headers: { ...HOST, origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-fleetmap' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(counting.reads()).toBe(0);
    // The same page, and curl with the custom header or a JSON body, may refresh.
    expect((await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN })).status).toBe(200);
    expect((await app.request('/api/refresh', { method: 'POST', headers: { ...HOST, 'content-type': 'application/json' } })).status).toBe(200);
  });

  it('returns the last read to a refresh within 5 s of it, and reads again after', async () => {
    const counting = countingSource();
    let now = 1_000_000;
    const app = appWith(counting.source, { clock: () => now });
    expect(await fetchedAt(await app.request('/api/topology', { headers: HOST }))).toBe(1);
    now += 4_000;
    expect(await fetchedAt(await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN }))).toBe(1);
    expect(counting.reads()).toBe(1);
    now += 2_000;
    expect(await fetchedAt(await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN }))).toBe(2);
    expect(await fetchedAt(await app.request('/api/topology', { headers: HOST }))).toBe(2);
    expect(counting.reads()).toBe(2);
  });

  it('reads again after a failed read instead of serving the failure forever', async () => {
    let reads = 0;
    const flaky: TopologySource = {
      label: 'flaky',
      read: () => (++reads === 1 ? Promise.reject(new Error('connection reset')) : Promise.resolve(topology)),
    };
    const app = appWith(flaky);
    expect((await app.request('/api/topology', { headers: HOST })).status).toBe(502);
    expect((await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN })).status).toBe(200);
    expect(reads).toBe(2);
  });
});

describe('The watcher behind the API', () => {
  it("/api/topology answers the watcher's current topology without a read; POST /api/refresh asks it for an early cycle", async () => {
    const counting = countingSource();
    const watcher = createWatcher({ source: counting.source, refreshMs: 60_000, reuseMs: 0 });
    const app = appWith(counting.source, { watcher });
    watcher.start();
    await watcher.latest();
    expect(counting.reads()).toBe(1);
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.request('/api/topology', { headers: HOST })));
    expect(new Set(await Promise.all(answers.map(fetchedAt)))).toEqual(new Set([1]));
    expect(counting.reads()).toBe(1);
    const status = (await (await app.request('/api/status', { headers: HOST })).json()) as { state: string; version: number };
    expect(status).toMatchObject({ state: 'live', version: watcher.current()?.version });
    expect(await fetchedAt(await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN }))).toBe(2);
    expect(await fetchedAt(await app.request('/api/topology', { headers: HOST }))).toBe(2);
    expect(counting.reads()).toBe(2);
    watcher.stop();
  });

  it("keeps answering the last good topology while the watcher's reads fail, and the status says why", async () => {
    let reads = 0;
    const failing: TopologySource = { label: 'flaky', read: () => (++reads === 1 ? Promise.resolve(topology) : Promise.reject(new Error('ExpiredToken'))) };
    const watcher = createWatcher({ source: failing, reuseMs: 0 });
    const app = appWith(failing, { watcher });
    expect((await app.request('/api/topology', { headers: HOST })).status).toBe(200);
    expect((await app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN })).status).toBe(502);
    const after = await app.request('/api/topology', { headers: HOST });
    expect(after.status).toBe(200);
    expect(Object.keys(((await after.json()) as Topology).resources).length).toBe(Object.keys(topology.resources).length);
    const status = (await (await app.request('/api/status', { headers: HOST })).json()) as { state: string; error?: string };
    expect(status).toMatchObject({ state: 'stale', error: 'Could not read flaky: ExpiredToken' });
  });
});

describe('Stopping', () => {
  it('answers a request waiting for a read 503 as soon as the server stops, and starts no read after', async () => {
    let reads = 0;
    const endless: TopologySource = {
      label: 'slow account',
      read: () => {
        reads++;
        return new Promise<Topology>(() => undefined);
      },
    };
    const stopping = new AbortController();
    const app = appWith(endless, { stopping: stopping.signal });
    const waiting = Promise.resolve(app.request('/api/topology', { headers: HOST }));
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toBe(1);
    stopping.abort();
    const res = await waiting;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: string }).error).toMatch(/^Fleetmap is shutting down; /);
    const arn = encodeURIComponent('arn:aws:ecs:us-east-1:123456789012:task-definition/payments:42');
    const later = await Promise.all([
      app.request('/api/refresh', { method: 'POST', headers: SAME_ORIGIN }),
      app.request(`/api/task-definitions/${arn}`, { headers: HOST }),
    ]);
    expect(later.map((r) => r.status)).toEqual([503, 503]);
    expect(reads).toBe(1);
    expect((await app.request('/api/health', { headers: HOST })).status).toBe(200);
  });
});
