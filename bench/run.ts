import { demoWorld } from '../server/fake-aws/demo';
import { generateWorld } from '../server/fake-aws/generate';
import { readThroughFake } from '../server/fake-aws/readWorld';
import type { World } from '../server/fake-aws/world';
import type { Topology } from '../src/topology/model';
import { measureBesideEmpty, median, type MapFigures } from './browser';
import { benchExports } from './exports';
import { generateEksWorld } from '../server/fake-aws/generate-eks';
import { KUBE_PAGE } from '../server/sources/aws/kube/reader';
import { bucketBoundSeconds, minimumCalls, minimumKubeCalls } from './minimum';
import { benchLiveCore } from './live';
import { benchLiveBrowser } from './liveBrowser';
import { benchLiveWatcher } from './liveWatcher';
import { benchHistory } from './history';
import { benchScale } from './scale';

process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
const LATENCY_MS = 20;
/**
 * The longest chain of calls that each need the previous one's answer: ListClusters → ListServices →
 * DescribeServices → DescribeTargetGroups → DescribeLoadBalancers → DescribeListeners → DescribeRules (the subnet
 * chain, DescribeSubnets → DescribeRouteTables after the balancers, is as long). No read can beat this × latency.
 */
const CRITICAL_PATH_CALLS = 7;
/**
 * With EKS clusters whose Kubernetes API is read, the Load Balancer Controller's target groups wait for the whole
 * Kubernetes read: ListClusters → DescribeCluster → list nodes (which fails fast on a 401) → the longest list, one
 * page after another (continue tokens) → then DescribeTargetGroups → DescribeLoadBalancers → DescribeListeners →
 * DescribeRules.
 */
function criticalPathCalls(world: World): number {
  const kube = Object.values(world.kube ?? {});
  if (!kube.length) return CRITICAL_PATH_CALLS;
  const longest = Math.max(...kube.flatMap((k) => Object.values(k).map((items) => Math.max(1, Math.ceil(items.length / KUBE_PAGE)))));
  return Math.max(CRITICAL_PATH_CALLS, 3 + longest + 4);
}
const BROWSER_RUNS = 3;

const pad = (s: string, n = 25) => s.padEnd(n);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function benchRead(name: string, world: World, runs: number): Promise<Topology> {
  const reads: { topology: Topology; fake: Awaited<ReturnType<typeof readThroughFake>>['fake']; seconds: number; heapMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const read = await readThroughFake({ world, latencyMs: LATENCY_MS, throttle: {} });
    // Heap in use with the topology (and the fake's world) still held: what a server keeps for this estate.
    reads.push({ ...read, seconds: (performance.now() - started) / 1000, heapMb: process.memoryUsage().heapUsed / 1e6 });
  }
  const seconds = median(reads.map((r) => r.seconds));
  const last = reads.at(-1);
  if (!last) throw new Error('no read');
  const { topology, fake, heapMb } = last;
  const made = fake.calls.length;
  const min = minimumCalls(world);
  const minTotal = Object.values(min).reduce((a, b) => a + b, 0);
  const buckets = bucketBoundSeconds(min);
  const path = criticalPathCalls(world);
  const latencyFloor = (path * LATENCY_MS) / 1000;
  const bound = Math.max(buckets.seconds, latencyFloor);
  const boundBy = buckets.seconds >= latencyFloor ? `bucket ${buckets.bucket}` : `${path} dependent calls × ${LATENCY_MS} ms`;
  const throttled = fake.calls.filter((c) => c.code?.includes('Throttl') || c.code === 'RequestLimitExceeded').length;
  console.log(
    `\n${name}: ${Object.keys(topology.resources).length} resources read through the fake AWS (${LATENCY_MS} ms per call, AWS's buckets), median of ${runs} reads`,
  );
  console.log(`  ${pad('AWS calls')}${made} made vs ${minTotal} minimum  (ratio ${(made / minTotal).toFixed(3)}, target <= 1.02)`);
  const kube = fake.kubeCalls();
  if (kube.length) {
    const byList = new Map<string, number>();
    for (const c of kube) byList.set(c.operation, (byList.get(c.operation) ?? 0) + 1);
    console.log(
      `  ${pad('Kubernetes API calls')}${kube.length} made vs ${minimumKubeCalls(world, KUBE_PAGE)} minimum (pages of ${KUBE_PAGE}) across ${fake.kube.size} clusters; ${[...byList].map(([op, n]) => `${op.replace('list ', '')} ${n}`).join(', ')}`,
    );
    const pods = Object.values(topology.resources).filter((r) => r.kind === 'pod').length;
    console.log(`  ${pad('pods read')}${pods}, JSON ${(JSON.stringify(topology).length / 1e6).toFixed(1)} MB served to the browser`);
  }
  console.log(
    `  ${pad('wall time')}${seconds.toFixed(2)} s vs ${bound.toFixed(2)} s lower bound, ${boundBy}  (ratio ${(seconds / bound).toFixed(2)}, target <= 1.2)`,
  );
  console.log(`  ${pad('throttling')}${throttled} throttled answers, ${topology.stats.retries} SDK retries (last read)`);
  console.log(`  ${pad('errors surfaced')}${topology.errors.length}`);
  console.log(
    `  ${pad('server memory')}heap in use ${heapMb.toFixed(0)} MB with the topology and the fake's world held, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  for (const [action, n] of Object.entries(min)) {
    const got = fake.calls.filter((c) => c.action === action).length;
    if (got !== n) console.log(`    ${action}: ${got} vs ${n}`);
  }
  return topology;
}

async function benchBrowser(name: string, topology: Topology): Promise<void> {
  const runs = await measureBesideEmpty(name, topology, BROWSER_RUNS);
  const m = (which: 'map' | 'empty', k: keyof MapFigures) => median(runs[which].map((r) => r[k]));
  console.log(`\n${name} in headless Chromium (software rendering), medians of ${BROWSER_RUNS} page loads, 1600×1000`);
  console.log(
    `  ${pad('data → complete render')}${fmt(m('map', 'readyMs'), 0)} ms (graph ${fmt(m('map', 'graphMs'), 0)} ms, layout ${fmt(m('map', 'layoutMs'), 0)} ms)  (target <= 1500 ms)`,
  );
  const ratio = (a: number, b: number) => `${fmt(a)} fps vs ${fmt(b)} fps empty canvas  (ratio ${fmt(a / b, 2)}, target >= 0.8)`;
  console.log(`  ${pad('pan, whole map')}${ratio(m('map', 'panFps'), m('empty', 'panFps'))}`);
  console.log(`  ${pad('zoom, whole map')}${ratio(m('map', 'zoomFps'), m('empty', 'zoomFps'))}`);
  console.log(`  ${pad('pan, at detail edge')}${ratio(m('map', 'edgePanFps'), m('empty', 'panFps'))}; ${fmt(m('map', 'edgeNodesInDom'), 0)} nodes mounted`);
  console.log(`  ${pad('pan, at 100%')}${ratio(m('map', 'detailPanFps'), m('empty', 'panFps'))}; ${fmt(m('map', 'detailNodesInDom'), 0)} nodes mounted`);
  console.log(
    `  ${pad('DOM nodes, whole map')}${fmt(m('map', 'nodesInDom'), 0)} React Flow nodes; JS heap ${fmt(m('map', 'heapMb'))} MB (empty ${fmt(m('empty', 'heapMb'))} MB)`,
  );
}

await benchRead('Demo estate', demoWorld(), 5);
const large = await benchRead(
  '20 clusters, 500 services, 5,000 tasks, 30 load balancers',
  generateWorld({ clusters: 20, services: 500, tasks: 5000, loadBalancers: 30, azs: 3, seed: 1 }),
  3,
);
await benchBrowser('The 5,000-task map', large);
await benchExports('the 5,000-task world', large);
const eks = await benchRead(
  '3 EKS clusters × 2,000 pods (Kubernetes API with the same 20 ms per call)',
  generateEksWorld({ clusters: 3, podsPerCluster: 2000, azs: 3, seed: 1 }),
  3,
);
await benchBrowser('The 6,000-pod EKS map', eks);
benchLiveCore();
await benchLiveBrowser();
await benchLiveWatcher();
await benchHistory();
await benchScale();
