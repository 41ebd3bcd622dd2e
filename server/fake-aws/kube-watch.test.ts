import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eksToken } from '../sources/aws/kube/token';
import { demoWorld } from './demo';
import { FAKE_CREDENTIALS, TEST_CREDENTIALS } from './kube-auth';
import { startFakeKube, type FakeKube } from './kube-api';
import { KUBE_EVENT_WINDOW, notifyKube } from './kubeEvents';
import { str, type JsonObject, type World } from './world';

const CLUSTER = 'orders-eks';
let world: World;
let kube: FakeKube;
let token: string;

interface Stream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Resolves with the next watch event line, parsed */
  next(): Promise<{ type: string; object: JsonObject }>;
  ended: Promise<void>;
  close(): void;
}

/** A raw HTTPS GET that hands back the body line by line, as a watch client reads it. */
function open(path: string, accept = 'application/json'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const url = new URL(kube.url + path);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, ca: kube.caPem, headers: { authorization: `Bearer ${token}`, accept } },
      (res) => {
        const lines: string[] = [];
        const waiting: ((line: string) => void)[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        const take = (line: string) => {
          const waiter = waiting.shift();
          if (waiter) waiter(line);
          else lines.push(line);
        };
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
            take(buffer.slice(0, i));
            buffer = buffer.slice(i + 1);
          }
        });
        const ended = new Promise<void>((done) =>
          res.on('end', () => {
            // A plain JSON answer (a list, a Status) has no newline after it.
            if (buffer) take(buffer);
            done();
          }),
        );
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          next: () =>
            new Promise((got) => {
              const parse = (line: string) => got(JSON.parse(line) as { type: string; object: JsonObject });
              const line = lines.shift();
              if (line !== undefined) parse(line);
              else waiting.push(parse);
            }),
          ended,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function getJson(path: string): Promise<JsonObject> {
  const s = await open(path);
  return (await s.next()) as unknown as JsonObject;
}

const meta = (o: JsonObject) => o['metadata'] as JsonObject;
const pods = () => world.kube?.[CLUSTER]?.pods ?? [];

/** The fake Kubernetes API of the demo's orders-eks, sending bookmarks this often. */
function startKube(bookmarkMs: number): Promise<FakeKube> {
  const objects = world.kube?.[CLUSTER];
  if (!objects) throw new Error('the demo has no orders-eks');
  return startFakeKube({ clusterName: CLUSTER, region: world.region, accountId: world.accountId, objects, credentials: FAKE_CREDENTIALS, bookmarkMs });
}

beforeEach(async () => {
  world = demoWorld();
  kube = await startKube(50);
  token = await eksToken({ clusterName: CLUSTER, region: world.region, credentials: TEST_CREDENTIALS });
});
afterEach(async () => {
  await kube.close();
});

describe('watches on the fake Kubernetes API', () => {
  it('streams ADDED, MODIFIED and DELETED from the resourceVersion a list answered, chunked, one JSON event a line', async () => {
    const list = await getJson('/api/v1/pods?limit=500');
    const rv = str(meta(list), 'resourceVersion');
    expect(Number(rv)).toBeGreaterThan(0);
    const watch = await open(`/api/v1/pods?watch=1&resourceVersion=${rv}`);
    expect(watch.status).toBe(200);
    expect(watch.headers['transfer-encoding']).toBe('chunked');
    const [first] = pods();
    if (!first) throw new Error('no pod');
    const added = { ...first, metadata: { ...meta(first), name: 'orders-api-new', uid: 'new-uid' } };
    notifyKube(world, CLUSTER, 'pods', 'ADDED', added);
    notifyKube(world, CLUSTER, 'pods', 'MODIFIED', { ...added, status: { phase: 'Running' } });
    notifyKube(world, CLUSTER, 'services', 'ADDED', { metadata: { name: 'not-a-pod', namespace: 'orders' } });
    notifyKube(world, CLUSTER, 'pods', 'DELETED', added);
    const events = [await watch.next(), await watch.next(), await watch.next()];
    expect(events.map((e) => `${e.type} ${str(meta(e.object), 'name')} ${str(e.object, 'kind')}`)).toEqual([
      'ADDED orders-api-new Pod',
      'MODIFIED orders-api-new Pod',
      'DELETED orders-api-new Pod',
    ]);
    const versions = events.map((e) => Number(str(meta(e.object), 'resourceVersion')));
    expect(versions).toEqual([Number(rv) + 1, Number(rv) + 2, Number(rv) + 4]);
    expect(pods().some((p) => str(meta(p), 'name') === 'orders-api-new')).toBe(false);
    const relisted = await getJson('/api/v1/pods');
    expect(str(meta(relisted), 'resourceVersion')).toBe(String(Number(rv) + 4));
    watch.close();
  });

  it('replays what happened after the resourceVersion asked, and only in the namespace asked', async () => {
    const rv = Number(str(meta(await getJson('/api/v1/pods')), 'resourceVersion'));
    const [a, b] = [pods().find((p) => str(meta(p), 'namespace') === 'kube-system'), pods().find((p) => str(meta(p), 'namespace') === 'orders')];
    if (!a || !b) throw new Error('no pods');
    notifyKube(world, CLUSTER, 'pods', 'MODIFIED', a);
    notifyKube(world, CLUSTER, 'pods', 'MODIFIED', b);
    const watch = await open(`/api/v1/namespaces/orders/pods?watch=true&resourceVersion=${rv}`);
    const event = await watch.next();
    expect(`${event.type} ${str(meta(event.object), 'name')}`).toBe(`MODIFIED ${str(meta(b), 'name')}`);
    watch.close();
  });

  it('answers a resume point older than the event window with an ERROR event carrying 410 Expired, then closes', async () => {
    const rv = Number(str(meta(await getJson('/api/v1/pods')), 'resourceVersion'));
    const [pod] = pods();
    if (!pod) throw new Error('no pod');
    for (let i = 0; i <= KUBE_EVENT_WINDOW; i += 1) notifyKube(world, CLUSTER, 'pods', 'MODIFIED', pod);
    const watch = await open(`/api/v1/pods?watch=1&resourceVersion=${rv}`);
    expect(watch.status).toBe(200);
    const event = await watch.next();
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(str(event.object, 'message')).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    await watch.ended;
  });

  it('starts a watch without a resourceVersion with every object ADDED, sends bookmarks when allowed, and ends at timeoutSeconds', async () => {
    const watch = await open('/apis/apps/v1/deployments?watch=1&allowWatchBookmarks=true&timeoutSeconds=1');
    const deployments = world.kube?.[CLUSTER]?.deployments ?? [];
    const seen: string[] = [];
    for (let i = 0; i < deployments.length; i += 1) seen.push(`${(await watch.next()).type}`);
    expect(seen).toEqual(deployments.map(() => 'ADDED'));
    const bookmark = await watch.next();
    expect(bookmark.type).toBe('BOOKMARK');
    expect(bookmark.object).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1' });
    const started = Date.now();
    await watch.ended;
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('never writes to a watch it has ended: bookmarks and events due as the timeout ends it are dropped, not thrown', async () => {
    await kube.close();
    // Bookmarks every millisecond and watches that end after one: the timer that ends a watch and the one that writes
    // a bookmark fall due together, again and again.
    kube = await startKube(1);
    const failures: unknown[] = [];
    const onError = (e: unknown) => failures.push(e);
    process.on('uncaughtException', onError);
    try {
      for (let round = 0; round < 5; round += 1) {
        const watches = await Promise.all(Array.from({ length: 20 }, () => open('/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=0.002')));
        await Promise.all(watches.map((w) => w.ended));
      }
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a resourceVersion that is not a number with a 400 Status', async () => {
    const watch = await open('/api/v1/pods?watch=1&resourceVersion=abc');
    expect(watch.status).toBe(400);
    expect(await watch.next()).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
  });
});
