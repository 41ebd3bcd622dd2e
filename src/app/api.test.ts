import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchTopology, refreshTopology } from './api';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function start(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the page’s API client', () => {
  it('gives up on a server that accepts and never answers, with a message that says what to do', async () => {
    // Headers never come: a black-holed server.
    const base = await start(() => undefined);
    const started = Date.now();
    await expect(fetchTopology({ base, timeoutMs: 300 })).rejects.toThrow('did not answer within 0.3 s. Press Refresh to try again.');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a body that never ends', async () => {
    const base = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"schemaVersion":');
    });
    await expect(refreshTopology({ base, timeoutMs: 300 })).rejects.toThrow('did not answer');
  });

  it('refreshes with a POST carrying the header only same-origin script can send', async () => {
    let seen: { method: string | undefined; header: string | string[] | undefined } = { method: undefined, header: undefined };
    const base = await start((req, res) => {
      seen = { method: req.method, header: req.headers['x-fleetmap'] };
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'refused for the test' }));
    });
    await expect(refreshTopology({ base })).rejects.toThrow('refused for the test');
    expect(seen).toEqual({ method: 'POST', header: '1' });
  });
});
