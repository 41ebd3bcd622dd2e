import { afterEach, describe, expect, it } from 'vitest';
import { WORLD_EPOCH } from './builder';
import { demoWorld } from './demo';
import { ECS_TARGET_PREFIX } from './ecs-json';
import { sourceOnFake } from './readWorld';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './server';

interface LoggedCall {
  operation: string;
  at: number;
  throttled: boolean;
  status: number;
}

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Omit<FakeAwsOptions, 'world'> = {}): Promise<FakeAws> {
  fake = await startFakeAws({ world: demoWorld(WORLD_EPOCH), ...options });
  return fake;
}

/** One read of the whole estate through the real SDK clients, as `fleetmap serve` makes it. */
async function read(f: FakeAws): Promise<void> {
  await sourceOnFake(f, { maxAttempts: 3, pace: false }).read();
}

async function callLog(f: FakeAws, query = ''): Promise<LoggedCall[]> {
  const res = await fetch(`${f.url}/_fake/calls${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as LoggedCall[];
}

const tally = (calls: readonly LoggedCall[]) => {
  const out: Record<string, number> = {};
  for (const c of calls) out[c.operation] = (out[c.operation] ?? 0) + 1;
  return out;
};

describe('GET /_fake/calls: what a client cost the fake AWS', () => {
  it('lists every AWS call of a read, by IAM action, with its time and status', async () => {
    const f = await start();
    const before = Date.now();
    await read(f);
    const log = await callLog(f);
    // Three clusters: one ListClusters page, one ListServices per cluster, a DescribeTargetHealth per target group.
    const cost = tally(log);
    expect(cost['ecs:ListClusters']).toBe(1);
    expect(cost['ecs:ListServices']).toBe(3);
    expect(cost['elasticloadbalancing:DescribeTargetHealth']).toBe(f.world.elbv2.targetGroups.length);
    expect(cost['eks:ListClusters']).toBe(1);
    expect(log.length).toBe(f.calls.length);
    for (const c of log) {
      expect(c).toEqual({ operation: expect.stringMatching(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/), at: expect.any(Number), throttled: false, status: 200 });
      expect(c.at).toBeGreaterThanOrEqual(before);
      expect(c.at).toBeLessThanOrEqual(Date.now());
    }
    // The log's own reads are not AWS calls.
    expect(tally(await callLog(f))).toEqual(cost);
  });

  it('answers only the calls since a time with ?since=', async () => {
    const f = await start();
    await read(f);
    const first = await callLog(f);
    const cut = Math.max(...first.map((c) => c.at)) + 1;
    await new Promise((r) => setTimeout(r, 5));
    await read(f);
    const second = await callLog(f, `?since=${cut}`);
    expect(second.length).toBe(first.length);
    expect(tally(second)).toEqual(tally(first));
    for (const c of second) expect(c.at).toBeGreaterThanOrEqual(cut);
    const bad = await fetch(`${f.url}/_fake/calls?since=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('marks the calls a token bucket refused as throttled', async () => {
    // ListClusters draws on ECS's 50-token bucket; a hundredth of it lets one call through a burst of thirty.
    const f = await start({ throttle: { scale: 0.01 } });
    const listClusters = () =>
      fetch(f.url, {
        method: 'POST',
        headers: { 'x-amz-target': `${ECS_TARGET_PREFIX}ListClusters`, 'content-type': 'application/x-amz-json-1.1' },
        body: '{}',
      });
    await Promise.all(Array.from({ length: 30 }, listClusters));
    const log = await callLog(f);
    expect(log).toHaveLength(30);
    const throttled = log.filter((c) => c.throttled);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.length).toBeLessThan(30);
    for (const c of throttled) expect(c.status).toBe(400);
    expect(log.filter((c) => !c.throttled).every((c) => c.status === 200)).toBe(true);
  });

  it('keeps a bounded ring: the newest calls, never more than its size', async () => {
    const f = await start({ callLogSize: 10 });
    await read(f);
    const log = await callLog(f);
    expect(log).toHaveLength(10);
    expect(f.calls.length).toBeLessThanOrEqual(10);
    const last = f.calls.at(-1);
    expect(log.at(-1)?.operation).toBe(last?.action);
  });
});
