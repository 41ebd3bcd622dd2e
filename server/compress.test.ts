import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTopology } from '../src/topology/__fixtures__/fixtures';
import type { Topology } from '../src/topology/model';
import { createApp } from './app';
import { chooseEncoding, compression, MIN_COMPRESSED_BYTES } from './compress';
import { SECURITY_HEADERS } from './security';
import type { TopologySource } from './sources/types';

const HOST = { host: '127.0.0.1:8080' };
const BROWSER = { ...HOST, 'accept-encoding': 'gzip, deflate, br, zstd' };

const unpack: Record<string, (b: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

/** The body as the browser would read it: decompressed by what Content-Encoding says. */
async function bodyOf(res: Response): Promise<string> {
  const raw = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  if (!encoding) return raw.toString('utf8');
  const inflate = unpack[encoding];
  if (!inflate) throw new Error(`unexpected Content-Encoding ${encoding}`);
  return inflate(raw).toString('utf8');
}

describe('choosing an encoding from Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['*', 'br'],
    ['gzip;q=0, *;q=0.1', 'br'],
    ['br;q=0, gzip;q=0', undefined],
    ['identity', undefined],
    ['deflate', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('compressed answers', () => {
  let topology: Topology;
  let staticDir: string;
  const bundle = `export const x = ${JSON.stringify('fleetmap '.repeat(4000))};\n`;

  beforeAll(async () => {
    topology = demoTopology();
    staticDir = await mkdtemp(join(tmpdir(), 'fleetmap-compress-'));
    await writeFile(join(staticDir, 'index.html'), `<!doctype html><title>Fleetmap</title>${'<p>map</p>'.repeat(300)}`);
    await writeFile(join(staticDir, 'app.js'), bundle);
    await writeFile(join(staticDir, 'tiny.css'), 'body{margin:0}');
  });

  const source = (): TopologySource => ({ label: 'test', read: () => Promise.resolve(topology) });
  const app = () => createApp({ source: source(), allowedHosts: ['127.0.0.1:8080'], staticDir });

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
  ])('answers the topology to %j in %s, the security headers kept, and the same topology inside', async (accept, encoding) => {
    const res = await app().request('/api/topology', { headers: { ...HOST, 'accept-encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(res.headers.get('content-length')).toBeNull();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    const raw = await res.clone().arrayBuffer();
    const text = await bodyOf(res);
    expect(raw.byteLength).toBeLessThan(text.length / 5);
    expect(JSON.parse(text)).toEqual(topology);
  });

  it('answers as before to a client that takes no encoding, saying the answer varies with it', async () => {
    const res = await app().request('/api/topology', { headers: HOST });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(JSON.parse(await res.text())).toEqual(topology);
  });

  it('compresses the page and its scripts, and leaves what is below a kilobyte alone', async () => {
    const js = await app().request('/app.js', { headers: BROWSER });
    expect(js.headers.get('content-encoding')).toBe('br');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await bodyOf(js)).toBe(bundle);
    const page = await app().request('/', { headers: BROWSER });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(await bodyOf(page)).toContain('<title>Fleetmap</title>');
    const tiny = await app().request('/tiny.css', { headers: BROWSER });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('body{margin:0}');
    const health = await app().request('/api/health', { headers: BROWSER });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(await health.json()).toEqual({ ok: true, source: 'test' });
  });

  it('never holds back the event stream: the first event arrives while the stream is still open', async () => {
    const res = await app().request('/api/events', { headers: BROWSER });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    let text = '';
    while (!text.includes('event: topology')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended before its first topology');
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
  });
});

describe('the compression middleware on its own', () => {
  const big = 'x'.repeat(MIN_COMPRESSED_BYTES * 4);
  const app = new Hono();
  app.use('*', compression());
  app.get('/text', (c) => c.text(big));
  app.get('/exact', (c) => c.text('y'.repeat(MIN_COMPRESSED_BYTES - 1)));
  app.get('/no-transform', (c) => c.text(big, 200, { 'Cache-Control': 'no-transform' }));
  app.get('/encoded', (c) => c.body(big, 200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'identity' }));
  app.get('/binary', (c) => c.body(big, 200, { 'Content-Type': 'image/png' }));
  app.get('/tagged', (c) => c.text(big, 200, { ETag: '"v1"', Vary: 'Origin' }));
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'one', data: big });
      await stream.sleep(50);
      await stream.writeSSE({ event: 'two', data: 'late' });
    }),
  );

  it('compresses text at and above a kilobyte only', async () => {
    expect((await app.request('/text', { headers: BROWSER })).headers.get('content-encoding')).toBe('br');
    const small = await app.request('/exact', { headers: BROWSER });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toHaveLength(MIN_COMPRESSED_BYTES - 1);
  });

  it('leaves alone what asks not to be transformed, is encoded already, is not text, or is a HEAD', async () => {
    for (const path of ['/no-transform', '/encoded', '/binary']) {
      const res = await app.request(path, { headers: BROWSER });
      expect(res.headers.get('content-encoding') ?? 'none', path).not.toMatch(/br|gzip/);
      expect(await res.text(), path).toBe(big);
    }
    const head = await app.request('/text', { method: 'HEAD', headers: BROWSER });
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('weakens a strong ETag and adds to an existing Vary', async () => {
    const res = await app.request('/tagged', { headers: BROWSER });
    expect(res.headers.get('etag')).toBe('W/"v1"');
    expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding');
    expect(await bodyOf(res)).toBe(big);
  });

  it('passes an event stream through event by event', async () => {
    const res = await app.request('/events', { headers: BROWSER });
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    const text = new TextDecoder().decode(first.value);
    expect(text).toContain('event: one');
    // The second event is written 50 ms later: the first came on its own, not held until the stream ended.
    expect(text).not.toContain('late');
    await reader.cancel();
  });
});
