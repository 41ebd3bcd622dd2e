import { describe, expect, it } from 'vitest';
import { WORLD_EPOCH } from './builder';
import { demoWorld } from './demo';
import { generateWorld } from './generate';
import { generateEksWorld } from './generate-eks';
import type { JsonValue, World } from './world';

/** ECS and EKS write epoch seconds; EC2, ELBv2 and Kubernetes ISO 8601 strings (FACTS §1). */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const isTimeKey = (key: string) => /(At|Time|Timestamp)$/.test(key) || key === 'startTime';

/** Every instant the world holds, in epoch milliseconds, and the world with each instant blanked out. */
function instants(world: World): { times: number[]; timeless: string } {
  const times: number[] = [];
  const walk = (v: JsonValue, key: string): JsonValue => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (!isTimeKey(key)) return v;
    if (typeof v === 'number') times.push(v * 1000);
    else if (typeof v === 'string' && ISO.test(v)) times.push(Date.parse(v));
    else return v;
    return '<time>';
  };
  const timeless = JSON.stringify(walk(world as unknown as JsonValue, ''));
  return { times, timeless };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SIZE = { clusters: 2, services: 40, tasks: 200, loadBalancers: 2, azs: 3, seed: 4 };

describe('the world keeps time from the `now` it is built at', () => {
  it('dates the demo before now: the mid-deployment is minutes old, tasks started within the hour', () => {
    const now = Date.UTC(2031, 4, 6, 12, 0, 0);
    const world = demoWorld(now);
    const { times } = instants(world);
    expect(times.length).toBeGreaterThan(100);
    for (const t of times) expect(t).toBeLessThanOrEqual(now);
    for (const t of times) expect(t).toBeGreaterThan(now - 60 * DAY);
    const api = world.ecs.services.find((s) => s['serviceName'] === 'api');
    const primary = (api?.['deployments'] as { status: string; createdAt: number }[]).find((d) => d.status === 'PRIMARY');
    expect(now - (primary?.createdAt ?? 0) * 1000).toBeLessThan(HOUR);
    const started = world.ecs.tasks.map((t) => Number(t['startedAt'] ?? t['createdAt']) * 1000);
    expect(Math.min(...started)).toBeGreaterThan(now - 2 * HOUR);
  });

  it('moves only the times: two nows give the same ids, ARNs, addresses and shapes', () => {
    const a = instants(demoWorld(WORLD_EPOCH));
    const b = instants(demoWorld(WORLD_EPOCH + 37 * DAY + 1234));
    expect(b.timeless).toBe(a.timeless);
    expect(b.times.map((t, i) => t - (a.times[i] ?? 0))).toEqual(a.times.map(() => 37 * DAY + 1000));
    expect(instants(generateWorld(SIZE, WORLD_EPOCH + DAY)).timeless).toBe(instants(generateWorld(SIZE, WORLD_EPOCH)).timeless);
    const eks = { clusters: 1, podsPerCluster: 60, azs: 3, seed: 2 };
    expect(instants(generateEksWorld(eks, WORLD_EPOCH + DAY)).timeless).toBe(instants(generateEksWorld(eks, WORLD_EPOCH)).timeless);
  });

  it('keeps the fixed epoch for tests that pass it', () => {
    const world = demoWorld(WORLD_EPOCH);
    const web = world.ecs.tasks.find((t) => t['group'] === 'service:web');
    expect(Number(web?.['startedAt']) * 1000).toBe(WORLD_EPOCH - 3500_000);
    const { times } = instants(generateWorld(SIZE, WORLD_EPOCH));
    expect(Math.max(...times)).toBeLessThanOrEqual(WORLD_EPOCH);
  });

  it('defaults to the wall clock, so a demo read today is a demo of today', () => {
    const before = Date.now();
    const { times } = instants(demoWorld());
    expect(Math.max(...times)).toBeGreaterThan(before - HOUR);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
  });
});
