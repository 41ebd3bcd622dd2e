import { afterEach, describe, expect, it } from 'vitest';
import { resourcesOf, type Topology } from '../../src/topology/model';
import { createAwsSource } from '../sources/aws/source';
import { WORLD_EPOCH } from './builder';
import { demoWorld } from './demo';
import { startFakeAws, type FakeAws } from './server';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** One read of the whole estate through the real SDK clients, as `fleetmap serve` makes it. */
function read(f: FakeAws): Promise<Topology> {
  return createAwsSource({
    region: f.world.region,
    endpoint: f.url,
    credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' },
    kind: 'demo',
    label: 'test',
    maxAttempts: 1,
    pace: false,
  }).read();
}

const running = (t: Topology) =>
  new Set(
    resourcesOf(t, 'task')
      .filter((x) => x.lastStatus !== 'STOPPED')
      .map((x) => x.id),
  );

describe('POST /_fake/churn: the world changes on cue', () => {
  it('makes the change named: a task fails and ECS starts its replacement, as the next read sees', async () => {
    fake = await startFakeAws({ world: demoWorld(WORLD_EPOCH) });
    const before = running(await read(fake));
    const res = await fetch(`${fake.url}/_fake/churn?change=task-failure`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ changes: ['task-failure'] });
    const after = running(await read(fake));
    expect([...after].filter((id) => !before.has(id))).toHaveLength(1);
    expect([...before].filter((id) => !after.has(id))).toHaveLength(1);
  });

  it('without a name, makes one tick of churn as the timer does, different each time', async () => {
    fake = await startFakeAws({ world: demoWorld(WORLD_EPOCH) });
    const first = fake.world;
    const res = await fetch(`${fake.url}/_fake/churn`, { method: 'POST' });
    const { changes } = (await res.json()) as { changes: string[] };
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(fake.world).not.toBe(first);
    const second = fake.world;
    await fetch(`${fake.url}/_fake/churn`, { method: 'POST' });
    expect(JSON.stringify(fake.world)).not.toBe(JSON.stringify(second));
  });

  it('refuses a change it does not know, naming those it does, and leaves the world as it was', async () => {
    fake = await startFakeAws({ world: demoWorld(WORLD_EPOCH) });
    const world = fake.world;
    const res = await fetch(`${fake.url}/_fake/churn?change=meteor`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      'change must be one of rollout, task-failure, target-flap, pod-crash-loop, scale, not "meteor"',
    );
    expect(fake.world).toBe(world);
    expect(fake.calls).toEqual([]);
  });
});
