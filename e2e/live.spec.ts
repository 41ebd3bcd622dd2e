import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { createConnection, createServer, type Socket } from 'node:net';
import { LIVE_FAKE_PORT, LIVE_PORT, LIVE_PROXY_PORT, LIVE_REFRESH_MS } from '../playwright.config';

/*
 * The live map against `fleetmap serve --source aws` reading `fleetmap fake-aws` every second: the tests change the
 * fake's world on cue (POST /_fake/churn) and watch the map follow.
 */

const APP = `http://127.0.0.1:${LIVE_PORT}`;
const FAKE = `http://127.0.0.1:${LIVE_FAKE_PORT}`;
/**
 * When a change must be on screen: a refresh interval, plus one read of the demo through the fake, a layout and a
 * paint, on a shared CI machine running the other browser tests' servers at the same time (about 2 s when idle).
 */
const SEEN_WITHIN_MS = LIVE_REFRESH_MS + 8_000;

test.use({ baseURL: APP });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every node drawn, by id: where React Flow put it on the map (absolute, in map coordinates) and its size. */
function drawnBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node[data-id]')) {
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
      const id = el.dataset['id'];
      if (!m || id === undefined) continue;
      out[id] = { x: Number(m[1]), y: Number(m[2]), width: el.offsetWidth, height: el.offsetHeight };
    }
    return out;
  });
}

const viewport = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

/** The version of the topology the page draws, once it follows the event stream. */
async function pageVersion(page: Page): Promise<number> {
  return Number(await page.locator('#map').getAttribute('data-version'));
}

async function serverVersion(request: APIRequestContext): Promise<number> {
  const res = await request.get(`${APP}/api/status`);
  return ((await res.json()) as { version: number }).version;
}

/** Opens the map and waits until it follows the stream at the server's version. */
async function openLive(page: Page, request: APIRequestContext, url = '/'): Promise<void> {
  await page.goto(url);
  await page.locator('#map[data-rendered="true"]').waitFor();
  await expect.poll(async () => (await pageVersion(page)) === (await serverVersion(request)) && (await pageVersion(page)) > 0).toBe(true);
}

/**
 * The network between the page and the server, as a TCP relay the test can cut: `cut()` drops every connection and
 * refuses new ones (the page's event stream breaks as on a lost Wi-Fi), `mend()` lets them through again. Chromium's
 * offline emulation leaves an open stream flowing, so the relay is what breaks it.
 */
async function relay(): Promise<{ url: string; cut: () => void; mend: () => void; close: () => Promise<void> }> {
  const open = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = createConnection(LIVE_PORT, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(LIVE_PROXY_PORT, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${LIVE_PROXY_PORT}`,
    cut: () => {
      cut = true;
      for (const s of open) s.destroy();
    },
    mend: () => {
      cut = false;
    },
    close: () =>
      new Promise((resolve) => {
        // The page's event stream would hold the relay open for good.
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function churn(request: APIRequestContext, change: string): Promise<void> {
  const res = await request.post(`${FAKE}/_fake/churn?change=${change}`);
  expect(res.status()).toBe(200);
}

test('the fake’s world changes and the map shows it, highlighted, within one refresh, with no unchanged node moved', async ({ page, request }) => {
  await openLive(page, request);
  const before = await drawnBoxes(page);
  const camera = await viewport(page);
  expect(Object.keys(before).length).toBeGreaterThan(20);

  const asked = Date.now();
  await churn(request, 'task-failure');
  // ECS stops a task and starts its replacement: the new one appears with its ring.
  const added = page.locator('.react-flow__node.live-added [data-task]');
  await expect(added.first()).toBeVisible({ timeout: SEEN_WITHIN_MS });
  const seenAfterMs = Date.now() - asked;
  const newId = await page.locator('.react-flow__node.live-added').first().getAttribute('data-id');
  expect(newId && before[newId]).toBeUndefined();

  const after = await drawnBoxes(page);
  const kept = Object.keys(before).filter((id) => id in after);
  const moved = kept.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
  expect(moved).toEqual([]);
  expect(kept.length).toBe(Object.keys(before).length);
  // The view stays where the person left it: no refit on a live update.
  expect(await viewport(page)).toBe(camera);
  expect(seenAfterMs).toBeLessThan(SEEN_WITHIN_MS);
});

test('a dropped stream resumes from the version the page holds and loses nothing', async ({ page, request }) => {
  const network = await relay();
  try {
    await openLive(page, request, network.url);
    const held = await pageVersion(page);
    const tasksBefore = await page.locator('[data-task]').count();
    // The version a stream request resumes from: Last-Event-ID once the stream has sent an event with an id, else the
    // ?since= the page opened it with after reading the topology by request.
    const resumesFrom = async (r: Request) => (await r.allHeaders())['last-event-id'] ?? new URL(r.url()).searchParams.get('since') ?? undefined;
    const opened = Date.now();
    const resumed = page.waitForRequest(
      async (r) => new URL(r.url()).pathname === '/api/events' && Date.now() > opened && (await resumesFrom(r)) !== undefined,
      {
        timeout: 30_000,
      },
    );

    network.cut();
    await churn(request, 'task-failure');
    // The server moves on while the page cannot hear it.
    await expect.poll(() => serverVersion(request), { timeout: SEEN_WITHIN_MS * 2 }).toBeGreaterThan(held);
    expect(await pageVersion(page)).toBe(held);
    network.mend();

    const reconnect = await resumed;
    expect(Number(await resumesFrom(reconnect))).toBe(held);
    await expect.poll(async () => (await pageVersion(page)) === (await serverVersion(request)), { timeout: 30_000 }).toBe(true);
    // The replacement started while the page was cut off is on the map, ringed as new, beside its stopped forerunner.
    await expect(page.locator('.react-flow__node.live-added [data-task]').first()).toBeVisible();
    expect(await page.locator('[data-task]').count()).toBeGreaterThan(tasksBefore);
  } finally {
    await network.close();
  }
});
