import { serve } from '@hono/node-server';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../server/app';
import { CHANGES } from '../server/fake-aws/churn';
import { generateWorld } from '../server/fake-aws/generate';
import { startFakeAws, type FakeAws } from '../server/fake-aws/server';
import type { World } from '../server/fake-aws/world';
import { DEFAULT_API_BUDGET } from '../server/live/budget';
import { createWatcher, type Watcher } from '../server/live/watcher';
import { bucketFor, bucketSpec } from '../server/sources/aws/limits';
import { createAwsSource } from '../server/sources/aws/source';
import type { LoggedCall } from '../server/fake-aws/callLog';
import { freePort, median } from './browser';
import { LIVE_TASKS } from './live';

const CYCLES = 3;
/** With 100 viewers one cycle says it: the watcher reads the same for any number of them. */
const CYCLES_MANY = 1;
const VIEWERS = 100;
/** serve's default for AWS: what the budget is planned against */
const REFRESH_MS = 30_000;

const pad = (s: string, n = 25) => s.padEnd(n);
const SERVICE: Record<string, 'ecs' | 'ec2' | 'elbv2' | 'eks'> = { ecs: 'ecs', ec2: 'ec2', elasticloadbalancing: 'elbv2', eks: 'eks' };

/** 1 % of the tasks change in a cycle: ECS stops half of them (real stop codes) and starts their replacements. */
function churnWorld(world: World, cycle: number): World {
  let w = world;
  const failures = Math.round((LIVE_TASKS * 0.01) / 2);
  for (let i = 0; i < failures; i++) w = CHANGES['task-failure'].change(w, { seed: cycle * 10_007 + i, now: Date.now() });
  return w;
}

/** The fake's call log since `since` (epoch ms), as anyone can read it: GET /_fake/calls. */
async function callsSince(fake: FakeAws, since: number): Promise<LoggedCall[]> {
  const res = await fetch(`${fake.url}/_fake/calls?since=${since}`);
  return (await res.json()) as LoggedCall[];
}

/** One refresh cycle after 1 % churn: the AWS calls it made. */
async function cycle(fake: FakeAws, watcher: Watcher, n: number): Promise<LoggedCall[]> {
  fake.setWorld(churnWorld(fake.world, n));
  const since = Date.now();
  await watcher.refresh();
  return callsSince(fake, since);
}

/** An event-stream viewer that reads and drops what it is sent, as a page would take it in. */
async function viewer(url: string, stop: AbortSignal): Promise<void> {
  const res = await fetch(`${url}/api/events`, { signal: stop });
  const reader = res.body?.getReader();
  void (async () => {
    try {
      while (reader && !(await reader.read()).done);
    } catch {
      // The bench ends the stream.
    }
  })();
}

/** Each throttle bucket's share of its sustained rate that one cycle per `everyMs` spends. */
function bucketShares(calls: readonly LoggedCall[], everyMs: number): [string, number][] {
  const perBucket = new Map<string, { n: number; refill: number }>();
  for (const c of calls) {
    const [prefix = '', op = ''] = c.operation.split(':');
    const { spec, key } = bucketFor(SERVICE[prefix] ?? 'ecs', op);
    perBucket.set(key, { n: (perBucket.get(key)?.n ?? 0) + 1, refill: bucketSpec(spec).refillPerSecond });
  }
  return [...perBucket].map(([key, b]): [string, number] => [key, b.n / (b.refill * (everyMs / 1000))]).sort((a, b) => b[1] - a[1]);
}

// A heap figure per viewer needs the garbage of the cycles before it collected first: tsx starts node without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

/** The actions whose counts differ between two cycles, with the difference: what made one cycle cost more. */
function difference(a: readonly LoggedCall[], b: readonly LoggedCall[]): string {
  const count = (calls: readonly LoggedCall[]) => calls.reduce((m, c) => m.set(c.operation, (m.get(c.operation) ?? 0) + 1), new Map<string, number>());
  const [x, y] = [count(a), count(b)];
  const out = [...new Set([...x.keys(), ...y.keys()])]
    .map((op) => [op, (y.get(op) ?? 0) - (x.get(op) ?? 0)] as const)
    .filter(([, d]) => d !== 0)
    .map(([op, d]) => `${op} ${d > 0 ? '+' : ''}${d}`);
  return out.length ? out.join(', ') : 'the same calls';
}

/**
 * The watcher at 10,000 tasks with 1 % churn per cycle, through the fake AWS with AWS's buckets: calls per cycle
 * against the first, full read, the share of each bucket a cycle spends at the planned interval, and what 100 event
 * stream viewers cost (AWS calls: none more; server memory per viewer).
 */
export async function benchLiveWatcher(): Promise<void> {
  const world = generateWorld({ clusters: 20, services: 500, tasks: LIVE_TASKS, loadBalancers: 30, azs: 3, seed: 1 });
  const fake = await startFakeAws({ world, throttle: {} });
  const source = createAwsSource({
    region: world.region,
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' },
    kind: 'demo',
    label: 'bench',
  });
  // Cycles are driven one after another rather than every 30 s; the plan still says what interval the budget allows.
  const watcher = createWatcher({ source, refreshMs: REFRESH_MS, reuseMs: 0 });
  const stop = new AbortController();
  const port = await freePort();
  const app = createApp({ source, watcher, allowedHosts: [`127.0.0.1:${port}`] });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    const firstSince = Date.now();
    await watcher.refresh();
    const full = (await callsSince(fake, firstSince)).length;
    await viewer(url, stop.signal);
    const one: LoggedCall[][] = [];
    for (let i = 1; i <= CYCLES; i++) one.push(await cycle(fake, watcher, i));
    const everyMs = watcher.status().refresh?.everyMs ?? REFRESH_MS;

    const before = heapMb();
    const connecting = Date.now();
    for (let i = 1; i < VIEWERS; i++) await viewer(url, stop.signal);
    await new Promise((r) => setTimeout(r, 500));
    const byViewers = (await callsSince(fake, connecting)).length;
    const perViewerKb = ((heapMb() - before) * 1e3) / (VIEWERS - 1);
    const many: LoggedCall[][] = [];
    for (let i = 1; i <= CYCLES_MANY; i++) many.push(await cycle(fake, watcher, CYCLES + i));

    const perCycle = median(one.map((c) => c.length));
    const shares = bucketShares(one[Math.floor(one.length / 2)] ?? [], everyMs);
    const throttled = [...one, ...many].flat().filter((c) => c.throttled).length;
    console.log(
      `\nThe watcher at ${LIVE_TASKS.toLocaleString('en')} tasks, 1 % churn per cycle, through the fake AWS with AWS's buckets, medians of ${CYCLES} cycles`,
    );
    console.log(`  ${pad('AWS calls per cycle')}${perCycle} vs ${full} for the first, full read (${((perCycle / full) * 100).toFixed(0)} %)`);
    console.log(`  ${pad('refresh interval')}${everyMs / 1000} s planned (${REFRESH_MS / 1000} s asked), budget ${DEFAULT_API_BUDGET * 100} % of each bucket`);
    const top = shares.slice(0, 4).map(([key, s]) => `${key} ${(s * 100).toFixed(1)} %`);
    const worst = shares[0]?.[1] ?? 0;
    console.log(`  ${pad('bucket share used')}${top.join(', ')}  (target <= ${DEFAULT_API_BUDGET * 100} %: ${worst <= DEFAULT_API_BUDGET ? 'met' : 'missed'})`);
    console.log(`  ${pad('throttled answers')}${throttled}`);
    const last = one.at(-1) ?? [];
    const crowd = many[0] ?? [];
    console.log(`  ${pad('cycles, one viewer')}${one.map((c) => c.length).join(', ')} calls`);
    // The rarely changing resources are read again every few minutes of wall time, whoever watches: a cycle where
    // they fall due is compared on the actions every cycle makes, and the re-read is named apart.
    const everyCycle = new Set(last.map((c) => c.operation));
    const regular = crowd.filter((c) => everyCycle.has(c.operation));
    const due = crowd.filter((c) => !everyCycle.has(c.operation));
    console.log(`  ${pad(`${VIEWERS} SSE viewers`)}${byViewers} AWS calls while they connected and were sent the estate`);
    console.log(
      `  ${pad('next cycle')}${regular.length} calls of the kinds every cycle makes vs ${last.length} in the cycle before (${difference(last, regular)})` +
        (due.length ? `; besides, the 5-minute re-read of what changes rarely fell due: ${due.length} calls` : ''),
    );
    console.log(`  ${pad('server memory')}${perViewerKb.toFixed(0)} kB heap per viewer (${VIEWERS} streams open)`);
  } finally {
    stop.abort();
    watcher.stop();
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  }
}
