import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { readThroughFake } from './fake-aws/readWorld';
import { SECRETS, worldWithFixture } from './fake-aws/redactionWorld';
import type { Topology } from '../src/topology/model';
import type { TopologySource } from './sources/types';

const staticSource = (topology: Topology): TopologySource => ({ label: 'test', read: () => Promise.resolve(topology) });
const HOST = { host: '127.0.0.1:8080' };
let topology: Topology;

beforeAll(async () => {
  topology = (await readThroughFake({ world: worldWithFixture() })).topology;
});

describe('HTTP API', () => {
  it('serves the topology and each task definition with no secret in any response', async () => {
    const app = createApp({ source: staticSource(topology), allowedHosts: ['127.0.0.1:8080'] });
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

  it('refuses a Host header that is not its own (DNS rebinding)', async () => {
    const app = createApp({ source: staticSource(topology), allowedHosts: ['127.0.0.1:8080'] });
    const res = await app.request('/api/topology', { headers: { host: 'attacker.example:8080' } });
    expect(res.status).toBe(421);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers bad parameters with a clear 400 and unknown ones with 404', async () => {
    const app = createApp({ source: staticSource(topology), allowedHosts: ['127.0.0.1:8080'] });
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
    const res = await createApp({ source: failing, allowedHosts: ['127.0.0.1:8080'] }).request('/api/topology', { headers: HOST });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toContain('not valid JSON');
  });
});
