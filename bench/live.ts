import { syntheticEstate } from '../src/topology/__fixtures__/estate';
import { buildGraph } from '../src/topology/graph/buildGraph';
import { relayout } from '../src/topology/layout/stableLayout';
import { changed, sibling, stoppedTask, tasksOf } from '../src/topology/layout/stableChurn.fixture';
import { keptNodes, movedNodes } from '../src/topology/layout/stableMoves';
import { diffTopology } from '../src/topology/live/diff';
import type { Topology } from '../src/topology/model';
import { median } from './browser';

/** 1 % of 10,000 tasks per cycle: half stop (ECS keeps listing them, STOPPED), half are their replacements. */
export const LIVE_TASKS = 10_000;
const CHURN_SHARE = 0.01;
const CYCLES = 5;

/** One cycle of an estate's own churn, in the model: `n / 2` running tasks stop and as many replacements start. */
export function churnTopology(t: Topology, n: number, cycle: number): Topology {
  const running = tasksOf(t).filter((x) => x.lastStatus === 'RUNNING');
  const step = Math.max(1, Math.floor(running.length / (n / 2)));
  const stopping = running.filter((_, i) => (i + cycle) % step === 0).slice(0, n / 2);
  const replacements = stopping.map((x, i) => sibling(x, cycle * 1000 + i));
  return changed(t, [...stopping.map(stoppedTask), ...replacements], new Set(stopping.map((x) => x.id)));
}

const pad = (s: string, n = 25) => s.padEnd(n);

/**
 * The server's and the layout's side of a live update at 10,000 tasks, measured in this process: the diff, the
 * patch against the whole topology on the wire, and the stable relayout with the unchanged nodes that moved.
 */
export function benchLiveCore(): void {
  let t = syntheticEstate({ clusters: 20, services: 500, tasks: LIVE_TASKS, loadBalancers: 30, azs: 3, seed: 1 });
  let graph = buildGraph(t, { view: 'network', expanded: new Set() });
  let layout = relayout(graph).layout;
  const diffMs: number[] = [];
  const relayoutMs: number[] = [];
  const patchBytes: number[] = [];
  const fullBytes: number[] = [];
  const moved: number[] = [];
  const repacked: number[] = [];
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const next = churnTopology(t, LIVE_TASKS * CHURN_SHARE, cycle);
    let started = performance.now();
    const patch = diffTopology(t, next, cycle);
    diffMs.push(performance.now() - started);
    if (!patch) throw new Error('a churned estate must differ');
    patchBytes.push(Buffer.byteLength(JSON.stringify(patch)));
    fullBytes.push(Buffer.byteLength(JSON.stringify({ version: cycle + 1, topology: next })));
    const nextGraph = buildGraph(next, { view: 'network', expanded: new Set() });
    started = performance.now();
    const out = relayout(nextGraph, { graph, layout });
    relayoutMs.push(performance.now() - started);
    moved.push(movedNodes(layout, out.layout, keptNodes(graph, nextGraph)).length);
    repacked.push(out.repacked.length);
    t = next;
    graph = nextGraph;
    layout = out.layout;
  }
  console.log(`\nLive updates: ${LIVE_TASKS.toLocaleString('en')} tasks, ${CHURN_SHARE * 100} % churn per cycle, medians of ${CYCLES} cycles`);
  console.log(`  ${pad('server diff')}${median(diffMs).toFixed(1)} ms`);
  const ratio = median(patchBytes) / median(fullBytes);
  console.log(
    `  ${pad('patch on the wire')}${(median(patchBytes) / 1e3).toFixed(0)} kB vs ${(median(fullBytes) / 1e6).toFixed(1)} MB whole topology (${(ratio * 100).toFixed(1)} %)`,
  );
  console.log(`  ${pad('stable relayout')}${median(relayoutMs).toFixed(0)} ms (network view; boxes repacked: ${median(repacked)})`);
  console.log(`  ${pad('unchanged nodes moved')}${Math.max(...moved)} at most in any cycle  (target 0)`);
}
