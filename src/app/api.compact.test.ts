import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { COMPACT_MEDIA_TYPE, encode } from '../topology/wire/compact';
import { fetchTopology } from './api';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A server that answers GET /api/topology with `body` (gzip'd, as Fleetmap's own would) and records what it was asked. */
async function serving(type: string, body: unknown): Promise<{ base: string; asked: () => IncomingHttpHeaders | undefined }> {
  let asked: IncomingHttpHeaders | undefined;
  const server = createServer((req, res) => {
    asked = req.headers;
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify(body)));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked: () => asked };
}

describe('fetchTopology and the compact wire form', () => {
  it('asks for the compact form and decodes it into the topology the server encoded', async () => {
    const topology = demoTopology();
    const server = await serving(COMPACT_MEDIA_TYPE, encode(topology));
    expect(await fetchTopology({ base: server.base })).toEqual(topology);
    expect(server.asked()?.accept).toContain(COMPACT_MEDIA_TYPE);
  });

  it('still reads plain JSON from a server that does not speak the compact form', async () => {
    const topology = demoTopology();
    const server = await serving('application/json', topology);
    expect(await fetchTopology({ base: server.base })).toEqual(topology);
  });

  it('turns a compact answer that does not fit into a message', async () => {
    const doc = encode(demoTopology());
    const server = await serving(COMPACT_MEDIA_TYPE, { ...doc, strings: [] });
    await expect(fetchTopology({ base: server.base })).rejects.toThrow('is not an index of the string table');
  });
});
