import { serve } from '@hono/node-server';
import { createApp } from '../server/app';
import { createWatcher } from '../server/live/watcher';
import { syntheticEstate } from '../src/topology/__fixtures__/estate';
import type { Topology } from '../src/topology/model';
import { BENCH_DIST, freePort, launchChromium, median } from './browser';
import { churnTopology, LIVE_TASKS } from './live';

const CYCLES = 5;

/**
 * In the page: when a `patch` event is handed to the app, and the time from there to the next painted map
 * (`fleetmap:rendered`, two frames after the canvas commits the new layout). A string: the bench runs under tsx,
 * whose helpers do not exist in the page.
 */
const MEASURE = `(() => {
  window.__applied = [];
  window.__steps = [];
  let at;
  let graphAt;
  let layoutAt;
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'patch') return add.call(this, type, listener, options);
    return add.call(this, type, (e) => { at = performance.now(); listener(e); }, options);
  };
  new PerformanceObserver((list) => {
    for (const m of list.getEntries()) {
      if (at === undefined) continue;
      if (m.name === 'fleetmap:graph') graphAt = m.startTime;
      if (m.name === 'fleetmap:layout') layoutAt = m.startTime;
      if (m.name !== 'fleetmap:rendered') continue;
      window.__applied.push(m.startTime - at);
      window.__steps.push({ graph: (graphAt ?? at) - at, layout: (layoutAt ?? at) - (graphAt ?? at), render: m.startTime - (layoutAt ?? at) });
      at = undefined;
    }
  }).observe({ type: 'mark' });
})()`;

/**
 * A page following the event stream of a 10,000-task estate, 1 % of it changing per cycle: from the patch reaching
 * the page to the map painted again (apply, graph, stable relayout (in place on the page, else in the worker), React Flow render).
 */
export async function benchLiveBrowser(): Promise<void> {
  let shown: Topology = syntheticEstate({ clusters: 20, services: 500, tasks: LIVE_TASKS, loadBalancers: 30, azs: 3, seed: 1 });
  const source = { label: 'bench', read: () => Promise.resolve(shown) };
  const watcher = createWatcher({ source, refreshMs: undefined, reuseMs: 0 });
  const port = await freePort();
  const app = createApp({ source, watcher, allowedHosts: [`127.0.0.1:${port}`], staticDir: BENCH_DIST });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  const browser = await launchChromium();
  try {
    await watcher.refresh();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(MEASURE);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('#map[data-rendered="true"]').waitFor({ timeout: 120_000 });
    const drawn = () => page.evaluate(() => (window as unknown as { __applied: number[] }).__applied.length);
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const before = await drawn();
      shown = churnTopology(shown, LIVE_TASKS * 0.01, cycle);
      await watcher.refresh();
      const deadline = Date.now() + 30_000;
      while ((await drawn()) === before && Date.now() < deadline) await page.waitForTimeout(50);
    }
    const { applied, steps } = await page.evaluate(() => {
      const w = window as unknown as { __applied: number[]; __steps: { graph: number; layout: number; render: number }[] };
      return { applied: w.__applied, steps: w.__steps };
    });
    const part = (k: 'graph' | 'layout' | 'render') => median(steps.map((s) => s[k])).toFixed(0);
    console.log(`\nThe live page at ${LIVE_TASKS.toLocaleString('en')} tasks in headless Chromium, 1 % churn per patch, median of ${applied.length} patches`);
    console.log(
      `  ${'patch → map painted'.padEnd(25)}${median(applied).toFixed(0)} ms  (target <= 100 ms): apply + graph ${part('graph')} ms, stable relayout ${part('layout')} ms (in place on the page, else in the worker), render and paint ${part('render')} ms`,
    );
  } finally {
    await browser.close();
    watcher.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}
