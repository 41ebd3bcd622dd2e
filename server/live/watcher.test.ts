import { afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from '../fake-aws/demo';
import { sourceOnFake } from '../fake-aws/readWorld';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import { notifyKube } from '../fake-aws/kubeEvents';
import type { JsonObject } from '../fake-aws/world';
import type { TopologySource } from '../sources/types';
import type { LiveStatus } from './status';
import { createWatcher, type LiveEvent, type Watcher, type WatcherOptions } from './watcher';

const fakes: FakeAws[] = [];
const watchers: Watcher[] = [];
const sources: TopologySource[] = [];
afterEach(async () => {
  for (const w of watchers.splice(0)) w.stop();
  for (const s of sources.splice(0)) await s.close?.();
  for (const f of fakes.splice(0)) await f.close();
});

async function fakeSource() {
  const world = demoWorld();
  const fake = await startFakeAws({ world });
  fakes.push(fake);
  // A dead endpoint fails fast: no retries, a short deadline.
  const source = sourceOnFake(fake, { label: 'test estate', maxAttempts: 1, readTimeoutMs: 5_000 });
  sources.push(source);
  return { world, fake, source };
}

function watch(options: WatcherOptions) {
  const watcher = createWatcher(options);
  watchers.push(watcher);
  const events: LiveEvent[] = [];
  watcher.subscribe((e) => events.push(e));
  /** Resolves with the first event (from now on) that `match` picks, or fails after `ms` */
  const next = <T>(match: (e: LiveEvent) => T | undefined, ms = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no such event within ${ms} ms; status ${JSON.stringify(watcher.status())}`));
      }, ms);
      const off = watcher.subscribe((e) => {
        const hit = match(e);
        if (hit !== undefined) {
          clearTimeout(timer);
          off();
          resolve(hit);
        }
      });
    });
  const status = (state: LiveStatus['state']) => next((e) => (e.kind === 'status' && e.status.state === state ? e.status : undefined));
  return { watcher, events, next, status };
}

const firstTask = (world: ReturnType<typeof demoWorld>) => world.ecs.tasks.find((t) => t['lastStatus'] === 'RUNNING') as JsonObject;

describe('the watcher', () => {
  it('reads on its own every interval; a read that changed something makes version + 1 and a patch, an unchanged one none', async () => {
    const { world, source } = await fakeSource();
    const { watcher, next, status } = watch({ source, refreshMs: 200, apiBudget: 1 });
    watcher.start();
    const first = await next((e) => (e.kind === 'topology' ? e.versioned : undefined));
    // Two more cycles with nothing changed: the version stays.
    await status('live');
    await status('live');
    expect(watcher.current()?.version).toBe(first.version);

    const task = firstTask(world);
    task['healthStatus'] = 'UNHEALTHY';
    const patch = await next((e) => (e.kind === 'patch' ? e.patch : undefined));
    expect(patch).toMatchObject({ from: first.version, to: first.version + 1, added: [], removed: [] });
    expect(patch.changed.map((r) => r.id)).toEqual([String(task['taskArn'])]);
    expect(watcher.current()?.version).toBe(first.version + 1);
    expect(watcher.since(first.version)).toEqual([patch]);
    expect(watcher.since(first.version + 1)).toEqual([]);
    // A version this run never made (an earlier run of the server): the whole topology, not someone else's patches.
    expect(watcher.since(3)).toBe('too-far-behind');
  });

  it('keeps the last good topology when a read fails, marked stale with the error, and is live again once a read succeeds', async () => {
    const { fake, source } = await fakeSource();
    let broken = false;
    const flaky: TopologySource = { label: source.label, read: (o) => (broken ? Promise.reject(new Error('connection reset by peer')) : source.read(o)) };
    const { watcher, status } = watch({ source: flaky, refreshMs: 150, apiBudget: 1 });
    watcher.start();
    const live = await status('live');
    const good = watcher.current();
    broken = true;
    const stale = await status('stale');
    expect(stale).toMatchObject({ state: 'stale', version: live.version, updatedAt: live.updatedAt });
    expect(stale.error).toBe('Could not read test estate: connection reset by peer');
    expect(watcher.current()).toBe(good);
    // While it reads again, the map stays marked stale with its error.
    const retrying = await status('reading');
    expect(retrying.error).toBe(stale.error);
    broken = false;
    expect((await status('live')).error).toBeUndefined();

    // The AWS endpoint gone: every call fails, the read comes back empty with errors — not an empty estate.
    await fake.close();
    const gone = await status('stale');
    expect(gone.error).toMatch(/^Could not read test estate: ecs:ListClusters: /);
    expect(Object.keys(watcher.current()?.topology.resources ?? {}).length).toBeGreaterThan(50);
  });

  it('reports a long read as calls done of calls expected, per service', async () => {
    const { source } = await fakeSource();
    const { watcher, events, status } = watch({ source, refreshMs: 60_000, apiBudget: 1, progressEveryMs: 0, reuseMs: 0 });
    watcher.start();
    const first = await status('live');
    const readingFirst = events.flatMap((e) => (e.kind === 'status' && e.status.state === 'reading' && e.status.progress ? [e.status.progress] : []));
    expect(readingFirst.at(-1)?.done).toBeGreaterThan(20);
    expect(Object.keys(readingFirst.at(-1)?.byService ?? {})).toEqual(expect.arrayContaining(['ecs', 'ec2', 'elasticloadbalancing', 'eks']));
    expect(first.refresh?.callsFullRead).toBe(readingFirst.at(-1)?.done);

    events.length = 0;
    await watcher.refresh();
    const progress = events.flatMap((e) => (e.kind === 'status' && e.status.progress ? [e.status.progress] : []));
    // The second read is measured against the first: it is expected to cost what the first did, and costs less.
    expect(progress[0]).toMatchObject({ done: 0, expected: first.refresh?.callsFullRead });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    const second = watcher.status();
    expect(second.refresh?.callsPerCycle).toBeLessThan(second.refresh?.callsFullRead ?? 0);
  });

  it('stretches the interval when a cycle would spend more than the budget, and says so', async () => {
    const { fake, source } = await fakeSource();
    const { watcher, status } = watch({ source, refreshMs: 100, apiBudget: 1 });
    watcher.start();
    await status('live');
    const { refresh } = await status('live');
    expect(refresh?.stretched).toBe(true);
    expect(refresh?.everyMs).toBeGreaterThan(100);
    expect(refresh?.message).toMatch(/^refreshing every \d+ s \(0.1 s asked\): \d+ calls per cycle at 100 % of \w+' 20\/s$/);
    // Cycles start no sooner than the stretched interval: one ListClusters per cycle.
    const starts = fake.calls.filter((c) => c.action === 'ecs:ListClusters').map((c) => c.at);
    const listClusters = () => fake.calls.filter((c) => c.action === 'ecs:ListClusters').map((c) => c.at);
    while (listClusters().length === starts.length) await new Promise((r) => setTimeout(r, 50));
    const later = listClusters();
    const gap = (later.at(-1) ?? 0) - (starts.at(-1) ?? 0);
    expect(gap).toBeGreaterThanOrEqual((refresh?.everyMs ?? 0) - 50);
  });

  it('reads again early, debounced, when the source says something changed between reads (a Kubernetes watch)', async () => {
    const { source } = await fakeSource();
    let changed: (() => void) | undefined;
    const watching: TopologySource = {
      label: source.label,
      read: (o) => source.read(o),
      watch: (onChange) => ((changed = onChange), () => (changed = undefined)),
    };
    let reads = 0;
    const counted: TopologySource = { ...watching, read: (o) => (reads++, watching.read(o)) };
    const { watcher, status } = watch({ source: counted, refreshMs: 60_000, apiBudget: 1, nudgeDebounceMs: 100 });
    watcher.start();
    await status('live');
    expect(reads).toBe(1);
    for (let i = 0; i < 5; i++) changed?.();
    await status('live');
    // Five changes within the debounce: one read.
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(2);
    watcher.stop();
    expect(changed).toBeUndefined();
  });

  it('shows a pod that changes within seconds through the Kubernetes watch, without calling AWS', async () => {
    const { world, fake, source } = await fakeSource();
    const { watcher, next, status } = watch({ source, refreshMs: 60_000, apiBudget: 1, nudgeDebounceMs: 200 });
    watcher.start();
    await status('live');
    const v = watcher.current()?.version ?? 0;
    const awsCalls = fake.calls.length;
    const pod = structuredClone(world.kube?.['orders-eks']?.pods.find((p) => (p['status'] as JsonObject)['phase'] === 'Running')) as JsonObject;
    const containers = (pod['status'] as JsonObject)['containerStatuses'] as JsonObject[];
    for (const c of containers) c['restartCount'] = Number(c['restartCount'] ?? 0) + 1;
    notifyKube(world, 'orders-eks', 'pods', 'MODIFIED', pod);
    const patch = await next((e) => (e.kind === 'patch' ? e.patch : undefined), 5_000);
    expect(patch.from).toBe(v);
    const name = String((pod['metadata'] as JsonObject)['name']);
    expect(patch.changed.map((r) => r.id).some((id) => id.endsWith(`/${name}`))).toBe(true);
    expect(fake.calls.length).toBe(awsCalls);
  });
});
