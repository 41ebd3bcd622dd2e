import { demoWorld } from '../server/fake-aws/demo';
import { generateWorld } from '../server/fake-aws/generate';
import { readThroughFake } from '../server/fake-aws/readWorld';
import type { World } from '../server/fake-aws/world';
import { bucketBoundSeconds, minimumCalls } from './minimum';

process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
const LATENCY_MS = 20;
/** Each read waits on about this many dependent round trips (clusters → services/tasks → task definitions, EC2, ELBv2). */
const DEPENDENT_ROUND_TRIPS = 6;

async function benchRead(name: string, world: World): Promise<void> {
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const { topology, fake } = await readThroughFake({ world, latencyMs: LATENCY_MS, throttle: {} });
  const seconds = (performance.now() - started) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  const made = fake.calls.length;
  const min = minimumCalls(world);
  const minTotal = Object.values(min).reduce((a, b) => a + b, 0);
  const bound = bucketBoundSeconds(min);
  const lower = bound.seconds + (DEPENDENT_ROUND_TRIPS * LATENCY_MS) / 1000;
  const throttled = fake.calls.filter((c) => c.code?.includes('Throttl') || c.code === 'RequestLimitExceeded').length;
  console.log(`\n${name}: ${Object.keys(topology.resources).length} resources`);
  console.log(`  AWS calls        ${made} made vs ${minTotal} minimum  (ratio ${(made / minTotal).toFixed(3)}, target <= 1.02)`);
  console.log(
    `  wall time        ${seconds.toFixed(2)} s vs ${lower.toFixed(2)} s bound (${bound.bucket})  (ratio ${(seconds / lower).toFixed(2)}, target <= 1.2)`,
  );
  console.log(`  throttled        ${throttled} answers, ${topology.stats.retries} SDK retries`);
  console.log(`  errors surfaced  ${topology.errors.length}`);
  console.log(`  heap growth      ${heapMb.toFixed(1)} MB (rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB)`);
  for (const [action, n] of Object.entries(min)) {
    const got = fake.calls.filter((c) => c.action === action).length;
    if (got !== n) console.log(`    ${action}: ${got} vs ${n}`);
  }
}

await benchRead('demo estate', demoWorld());
await benchRead(
  '20 clusters, 500 services, 5,000 tasks, 30 load balancers',
  generateWorld({ clusters: 20, services: 500, tasks: 5000, loadBalancers: 30, azs: 3, seed: 1 }),
);
