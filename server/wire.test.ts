import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTopology } from '../src/topology/__fixtures__/fixtures';
import type { Topology } from '../src/topology/model';
import { REDACTED } from '../src/topology/redact/redact';
import { COMPACT_MEDIA_TYPE, decode } from '../src/topology/wire/compact';
import { createApp } from './app';
import { demoWorld } from './fake-aws/demo';
import { readThroughFake } from './fake-aws/readWorld';
import { LIVE_LEAKS, leakWorld, PLANTED, poisoned } from './fake-aws/redactionWorld';
import { createSnapshotSource } from './sources/snapshot';
import type { TopologySource } from './sources/types';
import { asksForCompact } from './wire';

const HOST = { host: '127.0.0.1:8080' };
const COMPACT = { ...HOST, accept: `${COMPACT_MEDIA_TYPE}, application/json;q=0.5` };

const appOn = (source: TopologySource) => createApp({ source, allowedHosts: ['127.0.0.1:8080'] });
const staticSource = (topology: Topology): TopologySource => ({ label: 'test', read: () => Promise.resolve(topology) });

function decoded(text: string): Topology {
  const result = decode(JSON.parse(text));
  if (!result.ok) throw new Error(result.error);
  return result.topology;
}

describe('GET /api/topology in the compact wire form', () => {
  it.each([
    [COMPACT_MEDIA_TYPE, true],
    [`application/json, ${COMPACT_MEDIA_TYPE};q=0.9`, true],
    [`${COMPACT_MEDIA_TYPE.toUpperCase()}`, true],
    [`${COMPACT_MEDIA_TYPE};q=0`, false],
    ['application/json', false],
    ['*/*', false],
    [undefined, false],
  ])('Accept %j asks for it: %s', (accept, expected) => {
    expect(asksForCompact(accept)).toBe(expected);
  });

  it('answers the compact form to a client that asks, and the same topology decodes from it', async () => {
    const topology = demoTopology();
    const res = await appOn(staticSource(topology)).request('/api/topology', { headers: COMPACT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(COMPACT_MEDIA_TYPE);
    expect(res.headers.get('vary')).toMatch(/\bAccept\b/);
    const text = await res.text();
    expect(decoded(text)).toEqual(topology);
    expect(text.length).toBeLessThan(JSON.stringify(topology).length / 2);
  });

  it('answers plain JSON, as before, to every other client', async () => {
    const topology = demoTopology();
    const res = await appOn(staticSource(topology)).request('/api/topology', { headers: { ...HOST, accept: 'application/json' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('vary')).toMatch(/\bAccept\b/);
    expect(await res.json()).toEqual(topology);
  });

  it('compresses the compact form too', async () => {
    const topology = demoTopology();
    const res = await appOn(staticSource(topology)).request('/api/topology', { headers: { ...COMPACT, 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(decoded(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8'))).toEqual(topology);
  });
});

describe('the compact form carries no secret', () => {
  let demo: Topology;

  beforeAll(async () => {
    demo = (await readThroughFake({ world: demoWorld() })).topology;
  });

  it('from a snapshot with a secret in every string field', async () => {
    const bad = poisoned(demo);
    expect(JSON.stringify(bad)).toContain(PLANTED.accessKeyId);
    const file = join(await mkdtemp(join(tmpdir(), 'fleetmap-wire-')), 'poisoned.json');
    await writeFile(file, JSON.stringify(bad));
    const app = appOn(createSnapshotSource(file));
    const text = await (await app.request('/api/topology', { headers: COMPACT })).text();
    expect(Object.values(PLANTED).filter((s) => text.includes(s))).toEqual([]);
    expect(text).toContain(REDACTED);
    // The very topology the plain answer serves, in another form.
    const plain: unknown = await (await app.request('/api/topology', { headers: HOST })).json();
    expect(decoded(text)).toEqual(plain);
  });

  it('from a live read of an account whose resources carry secrets', async () => {
    const { topology } = await readThroughFake({ world: leakWorld() });
    const text = await (await appOn(staticSource(topology)).request('/api/topology', { headers: COMPACT })).text();
    expect(Object.values(LIVE_LEAKS).filter((s) => text.includes(s))).toEqual([]);
    expect(decoded(text)).toEqual(topology);
  });
});
