import { afterEach, describe, expect, it } from 'vitest';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import { changed, sibling, stoppedTask, tasksOf } from '../../src/topology/layout/stableChurn.fixture';
import { diffTopology } from '../../src/topology/live/diff';
import type { Topology } from '../../src/topology/model';
import { createApp } from '../app';
import { openPglite } from './sql';
import { createHistory } from './store';
import type { History } from './types';

const HOST = { host: '127.0.0.1:8080' };
const T0 = Date.UTC(2026, 10, 29, 14, 0);
const histories: History[] = [];
afterEach(async () => {
  for (const h of histories.splice(0)) await h.close();
});

/** The demo read at T0, then a minute later with a task stopped and its replacement started. */
async function kept(): Promise<{ history: History; a: Topology; b: Topology; stopped: string }> {
  const a = { ...demoTopology(), source: { ...demoTopology().source, fetchedAt: T0 } };
  const [task] = tasksOf(a).filter((t) => t.lastStatus === 'RUNNING');
  if (!task) throw new Error('no running task');
  const b = { ...changed(a, [stoppedTask(task), sibling(task, 1)]), source: { ...a.source, fetchedAt: T0 + 60_000 } };
  const history = await createHistory(await openPglite());
  histories.push(history);
  await history.captureTopology(a, 1, T0);
  const patch = diffTopology(a, b, 1);
  if (!patch) throw new Error('no difference');
  await history.capturePatch(patch, T0 + 60_000);
  return { history, a, b, stopped: task.id };
}

const appWith = (history: History | undefined) =>
  createApp({
    source: { label: 'demo', read: () => Promise.resolve(demoTopology()) },
    allowedHosts: [HOST.host],
    clock: () => T0 + 120_000,
    ...(history ? { history } : {}),
  });
const iso = (ms: number) => new Date(ms).toISOString();

describe('the history API', () => {
  it('answers the timeline, the estate at a moment and the changes of a resource', async () => {
    const { history, a, b, stopped } = await kept();
    const app = appWith(history);
    const timeline = (await (await app.request('/api/history', { headers: HOST })).json()) as { captures: { at: number; changed: number }[] };
    expect(timeline.captures.map((c) => c.at)).toEqual([T0, T0 + 60_000]);
    const at = async (ms: number) => (await (await app.request(`/api/topology?at=${iso(ms)}`, { headers: HOST })).json()) as Topology;
    expect(Object.keys((await at(T0 + 30_000)).resources).sort()).toEqual(Object.keys(a.resources).sort());
    expect(Object.keys((await at(T0 + 60_000)).resources).sort()).toEqual(Object.keys(b.resources).sort());
    const res = await app.request(`/api/changes?resource=${encodeURIComponent(stopped)}&from=${iso(T0)}&to=${iso(T0 + 120_000)}`, { headers: HOST });
    const { changes } = (await res.json()) as { changes: { kind: string; subject: string }[] };
    expect(changes.map((c) => c.kind)).toContain('taskStopped');
  });

  it('says what is wrong with a parameter, and when nothing was kept yet', async () => {
    const app = appWith((await kept()).history);
    const bad = await app.request('/api/topology?at=14:05', { headers: HOST });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^at: must be an ISO 8601 time/);
    expect((await app.request(`/api/history?from=${iso(T0 + 1)}&to=${iso(T0)}`, { headers: HOST })).status).toBe(400);
    expect((await app.request('/api/changes?limit=0', { headers: HOST })).status).toBe(400);
    const early = await app.request(`/api/topology?at=${iso(T0 - 1)}`, { headers: HOST });
    expect(early.status).toBe(404);
    expect(((await early.json()) as { error: string }).error).toContain('history starts with its first capture');
  });

  it('without a history answers 404, saying why, and the live topology as before', async () => {
    const app = appWith(undefined);
    const off = await app.request('/api/history', { headers: HOST });
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: string }).error).toContain('--history off');
    expect((await app.request(`/api/topology?at=${iso(T0)}`, { headers: HOST })).status).toBe(404);
    expect((await app.request('/api/topology', { headers: HOST })).status).toBe(200);
  });
});
