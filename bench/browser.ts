import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app';
import type { Topology } from '../src/topology/model';

/** What one page load of the map costs in headless Chromium (software rendering on these machines). */
export interface MapFigures {
  /** performance.mark('fleetmap:data') → performance.mark('fleetmap:rendered'), ms */
  readyMs: number;
  /** Of which: building the graph, laying it out in the worker */
  graphMs: number;
  layoutMs: number;
  panFps: number;
  zoomFps: number;
  /** Pan at 100% zoom over the densest part of the map (tasks as individual nodes) */
  detailPanFps: number;
  /** Pan just past the zoom where the detailed level takes over: the most task nodes the detailed level mounts */
  edgePanFps: number;
  edgeNodesInDom: number;
  nodesInDom: number;
  /** React Flow nodes mounted at 100% zoom */
  detailNodesInDom: number;
  heapMb: number;
  /** Navigation start → performance.mark('fleetmap:rendered'), ms: what a person waits from opening the page */
  openMs: number;
  /** Bytes the page received for the topology (GET /api/topology and the event stream) by then, as sent: compressed if it was */
  wireBytes: number;
}

const VIEWPORT = { width: 1600, height: 1000 };
/** `npm run bench` builds into dist/; a scratch build elsewhere can be named here. */
export const BENCH_DIST = process.env['FLEETMAP_BENCH_DIST'] ?? fileURLToPath(new URL('../dist', import.meta.url));
const DRIVE_MS = 2000;
/** Input paced like a pointer device at 60 Hz, so frames are paced by the display and not by the event rate. */
const INPUT_EVERY_MS = 16;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Serves the built front end with a fixed topology, as `fleetmap serve --source snapshot` would. */
export async function serveTopology(topology: Topology): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const app = createApp({
    source: { label: 'bench', read: () => Promise.resolve(topology) },
    allowedHosts: [`127.0.0.1:${port}`],
    staticDir: BENCH_DIST,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Frames painted while `drive` runs, counted by requestAnimationFrame in the page. */
async function fpsWhile(page: Page, drive: () => Promise<void>): Promise<number> {
  // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page. Frames are counted
  // per 60 Hz display slot: headless Chromium has no vsync and may run extra animation frames on input.
  await page.evaluate(`(() => {
    window.__slots = new Set();
    window.__counting = true;
    const tick = (t) => {
      if (!window.__counting) return;
      window.__slots.add(Math.floor(t / (1000 / 60)));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  await drive();
  const elapsed = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __slots: Set<number>; __counting: boolean };
    w.__counting = false;
    return w.__slots.size;
  });
  return frames / elapsed;
}

/** A scripted drag: the pane follows the pointer around a circle for DRIVE_MS. */
async function pan(page: Page, cx: number, cy: number): Promise<void> {
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  while (Date.now() - started < DRIVE_MS) {
    const a = (Date.now() - started) / 400;
    await page.mouse.move(cx + Math.cos(a) * 250 - 250, cy + Math.sin(a) * 150);
    await page.waitForTimeout(INPUT_EVERY_MS);
  }
  await page.mouse.up();
}

/** Wheel in and out around the pointer for DRIVE_MS, ending near where it started. */
async function zoom(page: Page, cx: number, cy: number): Promise<void> {
  await page.mouse.move(cx, cy);
  const started = Date.now();
  for (let i = 0; Date.now() - started < DRIVE_MS; i++) {
    await page.mouse.wheel(0, Math.floor(i / 8) % 2 === 0 ? -60 : 60);
    await page.waitForTimeout(INPUT_EVERY_MS);
  }
}

async function zoomLevel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? 1);
  });
}

/** Small wheel steps until the zoom reaches `zoom` (or stops changing). */
async function wheelTo(page: Page, zoom: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const now = await zoomLevel(page);
    if (now >= zoom) return;
    await page.mouse.wheel(0, Math.max(-300, Math.log2(now / zoom) * 500));
    await page.waitForTimeout(30);
  }
}

/**
 * Bytes received so far for the topology, as they crossed the wire (Chromium's encodedDataLength: headers and the
 * body as sent, so compression shows). The event stream never finishes, so its chunks are summed as they arrive.
 */
async function topologyBytes(page: Page): Promise<() => number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const topologyRequests = new Set<string>();
  const chunks = new Map<string, number>();
  const finished = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const path = new URL(e.request.url).pathname;
    if (path.startsWith('/api/topology') || path === '/api/events') topologyRequests.add(e.requestId);
  });
  cdp.on('Network.dataReceived', (e) => {
    if (topologyRequests.has(e.requestId)) chunks.set(e.requestId, (chunks.get(e.requestId) ?? 0) + e.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (topologyRequests.has(e.requestId)) finished.set(e.requestId, e.encodedDataLength);
  });
  return () => [...topologyRequests].reduce((sum, id) => sum + Math.max(finished.get(id) ?? 0, chunks.get(id) ?? 0), 0);
}

export interface MeasureOptions {
  /** Path prefix for screenshots of the overview and of 100% zoom */
  screenshots?: string;
  /** Runs on the loaded page after the figures are taken, before it closes */
  probe?: (page: Page) => Promise<void>;
}

export async function measureMap(browser: Browser, url: string, { screenshots, probe }: MeasureOptions = {}): Promise<MapFigures> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const received = await topologyBytes(page);
    await page.goto(url);
    await page.locator('.canvas[data-rendered="true"]').waitFor({ timeout: 120_000 });
    const wireBytes = received();
    const marks = await page.evaluate(() =>
      Object.fromEntries(['data', 'graph', 'layout', 'rendered'].map((m) => [m, performance.getEntriesByName(`fleetmap:${m}`).at(-1)?.startTime ?? NaN])),
    );
    const at = (m: string) => marks[m] ?? NaN;
    const readyMs = at('rendered') - at('data');
    const graphMs = at('graph') - at('data');
    const layoutMs = at('layout') - at('graph');
    const box = await page.locator('.react-flow__pane').boundingBox();
    if (!box) throw new Error('no React Flow pane on the page');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.waitForTimeout(300);
    const panFps = await fpsWhile(page, () => pan(page, cx, cy));
    const zoomFps = await fpsWhile(page, () => zoom(page, cx, cy));
    const nodesInDom = await page.locator('.react-flow__node').count();
    if (screenshots) await page.screenshot({ path: `${screenshots}-overview.png` });
    const heapMb = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    // Zoom to 100% over the subnet holding the most tasks, and pan there.
    const target = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
      let best: { x: number; y: number; n: number } | undefined;
      for (const el of document.querySelectorAll<HTMLElement>('[data-subnet-tasks]')) {
        const n = Number(el.dataset['subnetTasks']);
        const r = el.getBoundingClientRect();
        if (!pane || (best && n <= best.n)) continue;
        // The middle of the part of the subnet that is on screen.
        const left = Math.max(r.left, pane.left);
        const right = Math.min(r.right, pane.right);
        const top = Math.max(r.top, pane.top);
        const bottom = Math.min(r.bottom, pane.bottom);
        if (right > left && bottom > top) best = { x: (left + right) / 2, y: (top + bottom) / 2, n };
      }
      return best;
    });
    let detailPanFps = NaN;
    let detailNodesInDom = 0;
    let edgePanFps = NaN;
    let edgeNodesInDom = 0;
    if (target) {
      const threshold = Number((await page.locator('.react-flow').getAttribute('data-overview-below')) ?? 0);
      // Wheel in over it, as a person would: first to just past the overview threshold, then to about 100%.
      await page.mouse.move(target.x, target.y);
      if (threshold) {
        await wheelTo(page, threshold * 1.08);
        await page.waitForTimeout(1000);
        edgeNodesInDom = await page.locator('.react-flow__node').count();
        edgePanFps = await fpsWhile(page, () => pan(page, cx, cy));
        await page.mouse.move(target.x, target.y);
      }
      await wheelTo(page, 0.95);
      await page.waitForTimeout(1000);
      detailNodesInDom = await page.locator('.react-flow__node').count();
      if (screenshots) await page.screenshot({ path: `${screenshots}-detail.png` });
      detailPanFps = await fpsWhile(page, () => pan(page, cx, cy));
    }
    await probe?.(page);
    const openMs = at('rendered');
    return {
      readyMs,
      graphMs,
      layoutMs,
      panFps,
      zoomFps,
      detailPanFps,
      edgePanFps,
      nodesInDom,
      detailNodesInDom,
      edgeNodesInDom,
      heapMb: heapMb / 1e6,
      openMs,
      wireBytes,
    };
  } finally {
    await page.close();
  }
}

/**
 * The baseline canvas holds one cluster of the estate and nothing else: a topology with no containers at all shows
 * the "no containers in this region" message instead of a canvas.
 */
export function emptyCanvasOf(name: string, topology: Topology): Topology {
  const cluster = Object.entries(topology.resources).find(([, r]) => r.kind === 'cluster' || r.kind === 'eksCluster');
  if (!cluster) throw new Error(`${name}: no cluster to keep on the baseline canvas`);
  return { ...topology, resources: Object.fromEntries([cluster]), errors: [] };
}

/** Page loads of the map and of the empty canvas, interleaved so both see the same machine load. */
export async function measureBesideEmpty(
  name: string,
  topology: Topology,
  runs: number,
  options: MeasureOptions = {},
): Promise<{ map: MapFigures[]; empty: MapFigures[] }> {
  const browser = await launchChromium();
  const servers = { map: await serveTopology(topology), empty: await serveTopology(emptyCanvasOf(name, topology)) };
  const figures: { map: MapFigures[]; empty: MapFigures[] } = { map: [], empty: [] };
  try {
    for (let i = 0; i < runs; i++) {
      figures.empty.push(await measureMap(browser, servers.empty.url));
      figures.map.push(await measureMap(browser, servers.map.url, options));
    }
  } finally {
    await browser.close();
    await servers.map.close();
    await servers.empty.close();
  }
  return figures;
}

export const median = (xs: number[]): number => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
