import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { syntheticEstate } from '../src/topology/__fixtures__/estate';
import { searchTopology } from '../src/topology/graph/search';
import { resourcesOf, shortId, type Topology } from '../src/topology/model';
import { measureBesideEmpty, median, type MapFigures } from './browser';

const SIZES = [20_000, 50_000, 100_000] as const;
const RUNS = 3;
/** Search queries per page load: tasks found by IP and by a prefix of their id. */
const QUERIES = 4;
const BIN = fileURLToPath(new URL('../bin/fleetmap.js', import.meta.url));
const run = promisify(execFile);

/** The estate grows as a real one does: 100 tasks a service, 2,500 a cluster, a load balancer per 1,000 tasks. */
const estateOf = (tasks: number): Topology =>
  syntheticEstate({ clusters: tasks / 2500, services: tasks / 100, tasks, loadBalancers: tasks / 1000, azs: 3, seed: 1 });

/**
 * The issue's targets, each for the sizes it names; a cell is marked where one applies. `at` lists the sizes,
 * `limit` the bound per size, `above` whether a figure must reach the bound rather than stay under it.
 */
interface Target {
  text: string;
  limit: (tasks: number) => number | undefined;
  above?: boolean;
}
const TARGETS: Record<string, Target> = {
  open: { text: '≤ 2.0 s (≤ 1.2 s at 50,000)', limit: (n) => ({ 50_000: 1200, 100_000: 2000 })[n] },
  pan: { text: '≥ 0.9 (50,000 and 100,000)', limit: (n) => (n >= 50_000 ? 0.9 : undefined), above: true },
  heap: { text: '≤ 100 MB at 100,000', limit: (n) => (n === 100_000 ? 100 : undefined) },
  wire: { text: '≤ 15 MB at 100,000', limit: (n) => (n === 100_000 ? 15 : undefined) },
  search: { text: '≤ 50 ms at 100,000', limit: (n) => (n === 100_000 ? 50 : undefined) },
  dom: { text: '≤ 2,000 (50,000 and 100,000)', limit: (n) => (n >= 50_000 ? 2000 : undefined) },
};

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');

function cell(target: keyof typeof TARGETS, tasks: number, value: number, text: string): string {
  const t = TARGETS[target];
  const limit = t?.limit(tasks);
  if (limit === undefined || !Number.isFinite(value)) return text;
  return `${text} ${(t?.above ? value >= limit : value <= limit) ? '✓' : '✗'}`;
}

/** Tasks spread through the estate, each with the query that should find it: its IP, else a prefix of its id. */
function queriesOf(topology: Topology): string[] {
  const tasks = resourcesOf(topology, 'task');
  return Array.from({ length: QUERIES }, (_, i) => {
    const t = tasks[Math.floor(((i + 0.5) * tasks.length) / QUERIES)];
    if (!t) return '';
    return i % 2 === 0 && t.privateIp ? t.privateIp : shortId(t.id).slice(0, 20);
  }).filter(Boolean);
}

/**
 * In the page: type a query into the search box (as React sees typing: the native value setter, then an input
 * event) and wait for the results list to show an option, then for the frame that paints it. A string: the bench
 * runs under tsx, whose helpers do not exist in the page.
 */
const typeAndWait = (query: string) => `(async () => {
  const input = document.querySelector('input[aria-label="Search the map"]');
  const list = document.querySelector('[role="listbox"][aria-label="Search results"]');
  if (!input || !list) return NaN;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const type = (value) => { setValue.call(input, value); input.dispatchEvent(new Event('input', { bubbles: true })); };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  type('');
  await frame();
  await frame();
  const started = performance.now();
  type(${JSON.stringify(query)});
  const deadline = started + 30000;
  while ((list.hidden || !list.querySelector('[role="option"]')) && performance.now() < deadline) await frame();
  if (list.hidden) return NaN;
  await frame();
  return performance.now() - started;
})()`;

/** Milliseconds from typing each query to the painted results, on a page that shows the map. */
function searchProbe(queries: string[], into: number[]): (page: Page) => Promise<void> {
  return async (page) => {
    for (const q of queries) into.push(await page.evaluate<number>(typeAndWait(q)));
    await page.evaluate<number>(typeAndWait(''));
  };
}

interface Row {
  tasks: number;
  map: MapFigures[];
  empty: MapFigures[];
  jsonMb: number;
  searchMs: number[];
}

async function measureSize(tasks: number): Promise<Row> {
  const topology = estateOf(tasks);
  const jsonMb = Buffer.byteLength(JSON.stringify(topology)) / 1e6;
  const searchMs: number[] = [];
  const runs = await measureBesideEmpty(`The ${num(tasks)}-task map`, topology, RUNS, { probe: searchProbe(queriesOf(topology), searchMs) });
  return { tasks, ...runs, jsonMb, searchMs };
}

function printTable(rows: Row[]): void {
  const head = [
    'tasks',
    'page open → map',
    'data → render',
    'pan, whole map',
    'pan at 100 %',
    'JS heap',
    'topology JSON',
    'bytes on the wire',
    'search',
    'React Flow nodes, most at any zoom',
  ];
  const line = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
  line(head);
  line(head.map(() => '---'));
  for (const r of rows) {
    const m = (k: keyof MapFigures) => median(r.map.map((f) => f[k]));
    const e = (k: keyof MapFigures) => median(r.empty.map((f) => f[k]));
    const pan = m('panFps') / e('panFps');
    const detail = m('detailPanFps') / e('panFps');
    const dom = Math.max(...r.map.flatMap((f) => [f.nodesInDom, f.edgeNodesInDom, f.detailNodesInDom]));
    const wireMb = m('wireBytes') / 1e6;
    const search = median(r.searchMs);
    line([
      num(r.tasks),
      cell('open', r.tasks, m('openMs'), `${num(m('openMs'))} ms`),
      `${num(m('readyMs'))} ms`,
      cell('pan', r.tasks, pan, num(pan, 2)),
      cell('pan', r.tasks, detail, num(detail, 2)),
      cell('heap', r.tasks, m('heapMb'), `${num(m('heapMb'))} MB`),
      `${num(r.jsonMb, 1)} MB`,
      cell('wire', r.tasks, wireMb, `${num(wireMb, 1)} MB`),
      cell('search', r.tasks, search, `${num(search)} ms`),
      cell('dom', r.tasks, dom, num(dom)),
    ]);
  }
  line([
    'target',
    TARGETS['open']?.text ?? '',
    '',
    TARGETS['pan']?.text ?? '',
    TARGETS['pan']?.text ?? '',
    TARGETS['heap']?.text ?? '',
    '',
    TARGETS['wire']?.text ?? '',
    TARGETS['search']?.text ?? '',
    TARGETS['dom']?.text ?? '',
  ]);
  for (const r of rows) {
    const m = (k: keyof MapFigures) => median(r.map.map((f) => f[k]));
    const e = (k: keyof MapFigures) => median(r.empty.map((f) => f[k]));
    console.log(
      `  ${num(r.tasks)}: graph ${num(m('graphMs'))} ms, layout ${num(m('layoutMs'))} ms; zoom, whole map ${num(m('zoomFps') / e('zoomFps'), 2)}; ` +
        `pan at the detail edge ${num(m('edgePanFps') / e('panFps'), 2)}; empty canvas pans at ${num(e('panFps'), 1)} fps; search slowest ${num(Math.max(...r.searchMs))} ms`,
    );
  }
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** The server's side of the largest estate: serialising it, searching it, and the CLI's exports of its snapshot. */
async function benchServerSide(tasks: number): Promise<void> {
  const topology = estateOf(tasks);
  const heldMb = process.memoryUsage().heapUsed / 1e6;
  const json = await timed(() => JSON.stringify(topology));
  const withJsonMb = process.memoryUsage().heapUsed / 1e6;
  const queries = queriesOf(topology);
  const cold = await timed(() => searchTopology(topology, queries[0] ?? ''));
  const warm: number[] = [];
  for (const q of queries) warm.push((await timed(() => searchTopology(topology, q))).ms);
  console.log(`\nThe ${num(tasks)}-task estate on the server (Node ${process.version})`);
  console.log(
    `  ${'JSON.stringify'.padEnd(25)}${num(json.ms)} ms, ${num(Buffer.byteLength(json.value) / 1e6, 1)} MB; heap in use ${num(heldMb)} MB with the topology held, ${num(withJsonMb)} MB with its JSON too`,
  );
  console.log(
    `  ${'core search (Node)'.padEnd(25)}first query ${num(cold.ms)} ms (builds the index), then median ${num(median(warm), 1)} ms over ${warm.length} queries`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-scale-'));
  try {
    const snap = join(dir, 'snap.json');
    await writeFile(snap, json.value);
    for (const format of ['svg', 'html']) {
      const out = join(dir, `out.${format}`);
      const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' };
      const done = await timed(() =>
        run(process.execPath, [BIN, 'export', '--file', snap, '--format', format, '-o', out], { env, maxBuffer: 1e8 }).then(
          () => true,
          (e: unknown) => e,
        ),
      );
      const size = done.value === true ? `${num((await stat(out)).size / 1e6, 1)} MB` : `failed: ${String(done.value).split('\n')[0] ?? ''}`;
      console.log(`  ${`CLI export --format ${format}`.padEnd(25)}${num(done.ms / 1000, 1)} s end to end from the snapshot, ${size}  (target: a few seconds)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Generated estates of 20,000, 50,000 and 100,000 tasks: one table of the page's figures against the empty canvas
 * measured beside each map, then the server's side of the largest. The read through the fake AWS is left out at this
 * size: generating its world and reading it (over a thousand task definitions at AWS's rate) takes minutes.
 */
export async function benchScale(): Promise<void> {
  const rows: Row[] = [];
  for (const tasks of SIZES) rows.push(await measureSize(tasks));
  console.log(
    `\nGenerated estates (services = tasks / 100, clusters = tasks / 2,500, a load balancer per 1,000 tasks, 3 AZs) in headless Chromium, ` +
      `medians of ${RUNS} page loads, 1600×1000, ratios against the empty canvas loaded between them; ✓/✗ where a target applies`,
  );
  printTable(rows);
  await benchServerSide(SIZES[SIZES.length - 1] ?? 100_000);
}
