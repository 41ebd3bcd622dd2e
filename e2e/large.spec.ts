import { expect, test, type Page } from '@playwright/test';
import { LARGE_PORT } from '../playwright.config';

test.use({ baseURL: `http://127.0.0.1:${LARGE_PORT}` });

async function zoom(page: Page): Promise<number> {
  const t = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? 1);
}

async function openOverview(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('.canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
  await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'overview');
}

test('a large estate opens as an overview: every task drawn, a few dozen DOM nodes', async ({ page, request }) => {
  await openOverview(page);
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, { kind: string }> };
  const tasks = Object.values(topology.resources).filter((r) => r.kind === 'task').length;
  await expect(page.getByTestId('task-count')).toHaveText(String(tasks));
  await expect(page.getByTestId('overview-hint')).toBeVisible();
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(60);
  expect(await page.locator('[data-task]').count()).toBe(0);
  // The sketches hold the folded groups and lone tasks of every subnet, and the whole band.
  const items = await page.locator('canvas.sketch').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-sketch-items')), 0));
  expect(items).toBeGreaterThan(500);
  await page.screenshot({ path: 'test-results/large-overview.png' });
});

test('zooming in swaps the sketches for real task nodes, culled to the screen; zooming out swaps back', async ({ page }) => {
  await openOverview(page);
  const threshold = Number(await page.locator('.react-flow').getAttribute('data-overview-below'));
  const subnet = page.locator('[data-subnet-tasks]').filter({ hasNotText: ' 0 tasks' }).first();
  const box = await subnet.boundingBox();
  if (!box) throw new Error('no subnet on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  for (let i = 0; i < 60 && (await zoom(page)) < threshold * 1.2; i++) await page.mouse.wheel(0, -200);
  await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'detail');
  await expect(page.locator('[data-task], [data-group]').first()).toBeVisible();
  const mounted = await page.locator('.react-flow__node').count();
  expect(mounted).toBeGreaterThan(10);
  expect(mounted).toBeLessThan(700);
  await page.screenshot({ path: 'test-results/large-detail.png' });
  for (let i = 0; i < 60 && (await zoom(page)) > threshold * 0.8; i++) await page.mouse.wheel(0, 200);
  await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'overview');
});

/** Drags the pane by (dx, dy) screen pixels, a few hundred at a time, as a person pans across a map. */
async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no map on the page');
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(dx) / 500, Math.abs(dy) / 300)));
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  for (let i = 0; i < steps; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx / steps, cy + dy / steps, { steps: 8 });
    await page.mouse.up();
  }
}

/** The ids of the tasks and folded groups React Flow has mounted. */
const mountedTasks = (page: Page) =>
  page.locator('.react-flow__node-task, .react-flow__node-taskGroup').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));

test('close up, React Flow holds only the boxes near the viewport: a task in another AZ column is held once the view pans to it', async ({ page, request }) => {
  await openOverview(page);
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, unknown> };
  const resources = Object.keys(topology.resources).length;
  // Two subnets holding tasks, in the AZ columns farthest apart.
  const subnets = await page.locator('[data-subnet-tasks]').evaluateAll((els) =>
    els
      .filter((el) => Number((el as HTMLElement).dataset['subnetTasks']) > 0)
      .map((el) => el.getBoundingClientRect())
      .map((r) => ({ x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 60) })),
  );
  const near = subnets.reduce((a, b) => (b.x < a.x ? b : a));
  const far = subnets.reduce((a, b) => (b.x > a.x ? b : a));
  const overviewZoom = await zoom(page);
  await page.mouse.move(near.x, near.y);
  for (let i = 0; i < 60 && (await zoom(page)) < 2; i++) await page.mouse.wheel(0, -200);
  await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'detail');
  await expect(page.locator('.react-flow__node-task, .react-flow__node-taskGroup').first()).toBeVisible();
  const here = await mountedTasks(page);
  const held = async () => Number(await page.locator('.react-flow').getAttribute('data-nodes-held'));
  expect(await held()).toBeGreaterThan(here.length);
  expect(await held()).toBeLessThan(resources / 4);
  await page.screenshot({ path: 'test-results/large-held-near.png' });

  // The wheel keeps the point under the pointer: the far subnet is its overview offset away, scaled by the zoom.
  const scale = (await zoom(page)) / overviewZoom;
  await panBy(page, -(far.x - near.x) * scale, -(far.y - near.y) * scale);
  await expect.poll(async () => (await mountedTasks(page)).length).toBeGreaterThan(0);
  const there = await mountedTasks(page);
  expect(there.filter((id) => here.includes(id))).toEqual([]);
  const first = here[0] ?? '';
  // Not merely unmounted by React Flow's own culling: no longer handed to it at all, as the count of held nodes says.
  expect(await page.evaluate((id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`), first)).toBeNull();
  expect(await held()).toBeLessThan(resources / 4);
  await page.screenshot({ path: 'test-results/large-held-far.png' });

  await panBy(page, (far.x - near.x) * scale, (far.y - near.y) * scale);
  await expect(page.locator(`.react-flow__node[data-id="${first}"]`)).toBeVisible();
});

test('selecting a service lights its tasks in every AZ on the overview', async ({ page }) => {
  await openOverview(page);
  const before = await page.locator('canvas.sketch').first().screenshot();
  await page.goto(`/?select=${encodeURIComponent(await firstServiceArn(page))}`);
  await page.locator('.canvas[data-rendered="true"]').waitFor();
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
  const after = await page.locator('canvas.sketch').first().screenshot();
  expect(after.equals(before)).toBe(false);
});

test('the overview repaints in place when the selection changes, without a reload', async ({ page }) => {
  await page.goto(`/?select=${encodeURIComponent(await firstServiceArn(page))}`);
  await page.locator('.canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
  await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'overview');
  // The canvas's own pixels, so a panel opening or closing around it does not count as a change.
  const pixels = () =>
    page
      .locator('canvas.sketch')
      .first()
      .evaluate((el) => (el as HTMLCanvasElement).toDataURL());
  const lit = await pixels();
  await page.evaluate(() => document.querySelector('canvas.sketch')?.setAttribute('data-probe', 'same element'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeHidden();
  await expect.poll(pixels).not.toBe(lit);
  // The sketch was repainted, not rebuilt: the same canvas element is still mounted.
  await expect(page.locator('canvas.sketch[data-probe="same element"]')).toHaveCount(1);
});

async function firstServiceArn(page: Page): Promise<string> {
  const res = await page.request.get('/api/topology');
  const topology = (await res.json()) as { resources: Record<string, { kind: string; id: string }> };
  const svc = Object.values(topology.resources).find((r) => r.kind === 'service');
  if (!svc) throw new Error('no service');
  return svc.id;
}

test('the single-file HTML of a large estate opens offline with every task accounted for', async ({ page, browser }, info) => {
  await openOverview(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[role="menuitem"][data-format="html"]').click()]);
  const file = info.outputPath('large.html');
  await download.saveAs(file);
  const context = await browser.newContext({ offline: true });
  const offline = await context.newPage();
  await offline.goto(`file://${file}`);
  await offline.locator('.canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
  await expect(offline.getByTestId('task-count')).toHaveText((await page.getByTestId('task-count').textContent()) ?? '');
  await expect(offline.getByTestId('service-count')).toHaveText((await page.getByTestId('service-count').textContent()) ?? '');
  await expect(offline.locator('.react-flow')).toHaveAttribute('data-lod', 'overview');
  await context.close();
});
