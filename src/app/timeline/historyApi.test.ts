import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../topology/__fixtures__/demo.topology.json';
import { fetchChanges, fetchHistory, fetchTopologyAt } from '../api';

/** The history endpoints of src/app/api.ts against a server on a loopback port, answering as the contract says. */
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(answer: (url: URL) => { status: number; body: unknown }): Promise<{ base: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    asked.push(`${url.pathname}${url.search}`);
    const { status, body } = answer(url);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

const summary = {
  live: { at: 1_715_695_800_000 },
  retainedFrom: 1_715_090_000_000,
  captures: [{ at: 1_715_695_500_000, version: 3, added: 1, removed: 2, changed: 0, changes: 4 }],
};

describe('the history client', () => {
  it('reads the captures kept, and takes a 404 for history turned off', async () => {
    const on = await serve(() => ({ status: 200, body: summary }));
    expect(await fetchHistory({ base: on.base })).toEqual(summary);
    const off = await serve(() => ({ status: 404, body: { error: 'History is off (--history off).' } }));
    expect(await fetchHistory({ base: off.base })).toBeUndefined();
  });

  it('refuses an answer of the wrong shape, and passes on any other failure', async () => {
    const bad = await serve(() => ({ status: 200, body: { ...summary, captures: [{ at: 'noon' }] } }));
    await expect(fetchHistory({ base: bad.base })).rejects.toThrow("The server's history cannot be read");
    const down = await serve(() => ({ status: 500, body: { error: 'database unreachable' } }));
    await expect(fetchHistory({ base: down.base })).rejects.toThrow('database unreachable');
  });

  it('asks for the estate at a moment as an ISO time, and says why the server refused one', async () => {
    const { base, asked } = await serve((url) =>
      url.searchParams.get('at') === '2024-05-14T14:05:00.000Z'
        ? { status: 200, body: demo }
        : { status: 404, body: { error: 'No capture before that time.' } },
    );
    const t = await fetchTopologyAt(Date.parse('2024-05-14T14:05:00Z'), { base });
    expect(t.source.label).toBe(demo.source.label);
    await expect(fetchTopologyAt(0, { base })).rejects.toThrow('No capture before that time.');
    expect(asked).toEqual(['/api/topology?at=2024-05-14T14%3A05%3A00.000Z', '/api/topology?at=1970-01-01T00%3A00%3A00.000Z']);
  });

  it('asks for a resource’s changes between two ISO times and validates each', async () => {
    const change = { id: '1:taskStopped:t', kind: 'taskStopped', subject: 't', severity: 'warning', message: 'web: task t stopped', at: 1_715_695_500_000 };
    const { base, asked } = await serve(() => ({ status: 200, body: { changes: [change] } }));
    expect(await fetchChanges({ resource: 'arn:aws:ecs:us-east-1:1:task/c/t', from: 0, to: 1000 }, { base })).toEqual([change]);
    expect(asked).toEqual([
      '/api/changes?from=1970-01-01T00%3A00%3A00.000Z&to=1970-01-01T00%3A00%3A01.000Z&resource=arn%3Aaws%3Aecs%3Aus-east-1%3A1%3Atask%2Fc%2Ft',
    ]);
    const bad = await serve(() => ({ status: 200, body: { changes: [{ ...change, kind: 'exploded' }] } }));
    await expect(fetchChanges({ resource: 't' }, { base: bad.base })).rejects.toThrow("The server's changes cannot be read");
  });
});
