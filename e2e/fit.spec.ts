import { expect, test, type Locator, type Page } from '@playwright/test';
import { LARGE_PORT } from '../playwright.config';
import { MapPage } from './MapPage';

/** The map's viewport as React Flow applies it: translate(x, y) scale(zoom). */
async function camera(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([\d.e-]+)\)/.exec(t);
  return { x: Number(m?.[1] ?? 0), y: Number(m?.[2] ?? 0), zoom: Number(m?.[3] ?? 1) };
}

/** Waits for the viewport to stop moving (a fit or a pan animates). */
async function settled(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  let last = await camera(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(120);
    const now = await camera(page);
    if (now.x === last.x && now.y === last.y && now.zoom === last.zoom) return now;
    last = now;
  }
  return last;
}

async function pane(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no map');
  return box;
}

/** Whether an element lies wholly inside the map's pane. */
async function inPane(page: Page, el: Locator): Promise<boolean> {
  const [b, p] = [await el.boundingBox(), await pane(page)];
  return !!b && b.x >= p.x - 1 && b.y >= p.y - 1 && b.x + b.width <= p.x + p.width + 1 && b.y + b.height <= p.y + p.height + 1;
}

/** The drawn size of the service and workload names on screen: computed font size × zoom. */
async function nameSizes(page: Page): Promise<number[]> {
  const { zoom } = await camera(page);
  const p = await pane(page);
  const sizes = await page.locator('[data-service] .service-title').evaluateAll((els, area) => {
    return els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > area.x && r.left < area.x + area.width && r.bottom > area.y && r.top < area.y + area.height;
      })
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
  }, p);
  return sizes.map((s) => s * zoom);
}

test('the first look at 1600×1000 draws service names at 11 px or more, whole', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await settled(page);
  const sizes = await nameSizes(page);
  expect(sizes.length).toBeGreaterThan(4);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  // No name is cut: every title fits its own width, and its card holds it.
  const cut = await page.locator('[data-service] .service-title, [data-tg] .band-title').evaluateAll((els) =>
    els
      .filter((el) => {
        const card = el.closest('[data-service], [data-tg]')?.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || !card || r.bottom > card.bottom + 1 || r.right > card.right + 1;
      })
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
  // The target group's "1 unhealthy" badge lies inside its card.
  const tg = page.locator('[data-tg="web-tg"]');
  const badge = tg.getByText('1 unhealthy');
  const [t, b] = [await tg.boundingBox(), await badge.boundingBox()];
  expect(t && b && b.x >= t.x && b.y >= t.y && b.x + b.width <= t.x + t.width + 1 && b.y + b.height <= t.y + t.height + 1).toBe(true);
  await page.screenshot({ path: 'test-results/first-look.png' });
});

test('switching to Services fits that view: names legible and the busiest cluster in view, not the network’s zoom', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await settled(page);
  await page.getByRole('tab', { name: 'Services' }).click();
  await page.locator('.box-cluster').first().waitFor();
  await settled(page);
  expect(Math.min(...(await nameSizes(page)))).toBeGreaterThanOrEqual(11);
  // The cluster running the most tasks and pods: wholly in view across, its title on screen.
  const clusters = page.locator('.react-flow__node-cluster');
  let busiest: Locator | undefined;
  let most = -1;
  for (const c of await clusters.all()) {
    const units = await c.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [...document.querySelectorAll('[data-task]')].filter((t) => {
        const b = t.getBoundingClientRect();
        return b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom;
      }).length;
    });
    if (units > most) [busiest, most] = [c, units];
  }
  if (!busiest) throw new Error('no cluster');
  const [b, p] = [await busiest.boundingBox(), await pane(page)];
  // A pixel of slack: a box flush with the map's edge has its 1 px border drawn on the edge.
  expect(b && b.x >= p.x - 1 && b.x + b.width <= p.x + p.width + 1 && b.y >= p.y - 1).toBe(true);
  await page.screenshot({ path: 'test-results/services-fit.png' });
  // And back: the network view opens on its band again.
  await page.getByRole('tab', { name: 'Network' }).click();
  await page.locator('[data-az]').first().waitFor();
  await settled(page);
  expect(Math.min(...(await nameSizes(page)))).toBeGreaterThanOrEqual(11);
});

test('the top bar fits one row at 1280 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await new MapPage(page).open();
  const bar = page.locator('header.top-bar');
  const rows = await bar.evaluate((el) => {
    const items = [...el.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
    return { tops: items.map((r) => Math.round(r.top + r.height / 2)), right: Math.max(...items.map((r) => r.right)), width: el.clientWidth };
  });
  expect(Math.max(...rows.tops) - Math.min(...rows.tops)).toBeLessThanOrEqual(4);
  expect(rows.right).toBeLessThanOrEqual(rows.width);
  expect((await bar.boundingBox())?.height).toBeLessThan(48);
  // The search box's placeholder is read whole, not cut to "Search: name, IP, unh".
  const room = await page.getByRole('combobox').evaluate((el) => {
    const input = el as HTMLInputElement;
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return -1;
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ctx.measureText(input.placeholder).width;
  });
  expect(room).toBeGreaterThanOrEqual(0);
});

/** The boxes of one kind (AZ columns, clusters) that the map pane's left or right edge runs through. */
async function cutAtSides(page: Page, selector: string): Promise<string[]> {
  const p = await pane(page);
  return page.locator(selector).evaluateAll(
    (els, area) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > area.y && r.top < area.y + area.height && [area.x, area.x + area.width].some((x) => r.left < x - 1 && r.right > x + 1);
        })
        .map((el) => el.closest('.react-flow__node')?.getAttribute('data-id') ?? '?'),
    p,
  );
}

/** Whether two elements' boxes overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  return !!x && !!y && x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

for (const [width, height] of [
  [1280, 720],
  [1600, 1000],
  [1920, 1080],
] as const)
  test(`the first look at ${width}×${height} cuts no AZ column or cluster at its sides, and no control lies over the map`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const map = new MapPage(page);
    await map.open();
    await settled(page);
    expect(await cutAtSides(page, '[data-az]')).toEqual([]);
    expect(Math.min(...(await nameSizes(page)))).toBeGreaterThanOrEqual(11);
    for (const control of [page.getByRole('button', { name: 'Export' }), page.locator('.react-flow__controls')])
      expect(await overlap(control, page.locator('.react-flow'))).toBe(false);
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.screenshot({ path: `test-results/first-network-${width}.png` });
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.locator('.box-cluster').first().waitFor();
    await settled(page);
    expect(await cutAtSides(page, '.box-cluster')).toEqual([]);
    await page.screenshot({ path: `test-results/first-service-${width}.png` });
  });

test('the minimap comes when asked for, and is not offered on a phone', async ({ page }) => {
  await new MapPage(page).open();
  await page.getByRole('button', { name: 'Minimap' }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Minimap' })).toHaveCount(0);
});

test('the problems button counts the problems and each press brings the next one into view with its message', async ({ page }) => {
  await new MapPage(page).open();
  await settled(page);
  const button = page.getByTestId('problems');
  await expect(button).toHaveText(/^\d+ problems?$/);
  const total = Number(/\d+/.exec((await button.textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(1);
  await expect(button).toHaveAttribute('data-severity', /critical|warning/);
  const subjects: string[] = [];
  for (let i = 1; i <= 2; i++) {
    await button.click();
    const message = page.locator('#problem-message');
    await expect(message).toContainText(`${i}/${total}`);
    // It sits in the map's toolbar: over neither the map nor Export.
    expect(await overlap(message, page.locator('.react-flow'))).toBe(false);
    expect(await overlap(message, page.getByRole('button', { name: 'Export' }))).toBe(false);
    await expect(page).toHaveURL(/[?&]select=/);
    subjects.push(new URL(page.url()).searchParams.get('select') ?? '');
    await settled(page);
    // A subject drawn as a box of its own is on screen (a node group is drawn through its nodes).
    const box = page.locator(`.react-flow__node[data-id="${subjects.at(-1) ?? ''}"]`);
    if (await box.count()) expect(await inPane(page, box)).toBe(true);
  }
  expect(subjects[0]).not.toBe(subjects[1]);
});

test('keys: + and - zoom, 0 fits the whole map, arrows move between sibling boxes; Esc leaves the export menu on its button', async ({ page }) => {
  await new MapPage(page).open();
  const first = await settled(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('+');
  const zoomedIn = await settled(page);
  expect(zoomedIn.zoom).toBeGreaterThan(first.zoom);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  expect((await settled(page)).zoom).toBeLessThan(zoomedIn.zoom);
  await page.keyboard.press('0');
  const whole = await settled(page);
  const p = await pane(page);
  const vpc = page.locator('[data-vpc], .box-vpc').first();
  expect(await inPane(page, vpc)).toBe(true);
  expect(whole.zoom).toBeLessThan(first.zoom);
  expect(p.width).toBeGreaterThan(0);

  // Typing in search does not zoom.
  await page.getByRole('combobox').fill('0');
  expect((await camera(page)).zoom).toBe(whole.zoom);
  await page.getByRole('combobox').fill('');

  const task = page.locator('.react-flow__node-task').first();
  await task.focus();
  const from = await task.getAttribute('data-id');
  await page.keyboard.press('ArrowRight');
  const to = await page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id'));
  expect(to).toBeTruthy();
  expect(to).not.toBe(from);

  const exportButton = page.getByRole('button', { name: 'Export' });
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});

test('at 390 px wide the details panel is a sheet under the map and the top bar wraps whole items', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, { kind: string; id: string }> };
  const svc = Object.values(topology.resources).find((r) => r.kind === 'service');
  // The services view, where a service's box is wider than a phone.
  await page.goto(`/?view=service&select=${encodeURIComponent(svc?.id ?? '')}`);
  await page.locator('.canvas[data-rendered="true"]').waitFor();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details).toBeVisible();
  const d = await details.boundingBox();
  expect(d && d.width >= 380 && d.y > 844 / 3).toBe(true);
  const p = await pane(page);
  expect(p.width).toBeGreaterThan(380);
  // The selected box opens with its left edge and title on screen, not cut off on the left.
  await settled(page);
  const box = await page.locator(`.react-flow__node[data-id="${svc?.id ?? ''}"]`).boundingBox();
  expect(box && box.x >= p.x && box.x < p.x + p.width / 2 && box.y >= p.y).toBe(true);
  // No item of the bar runs past the screen.
  const right = await page.locator('header.top-bar').evaluate((el) => Math.max(...[...el.children].map((c) => c.getBoundingClientRect().right)));
  expect(right).toBeLessThanOrEqual(390);
});

test.describe('a large estate', () => {
  test.use({ baseURL: `http://127.0.0.1:${LARGE_PORT}` });

  test('a link that selects a task lands on it, zoomed in to where it is drawn as itself', async ({ page }) => {
    const topology = (await (await page.request.get('/api/topology')).json()) as { resources: Record<string, { kind: string; id: string }> };
    const tasks = Object.values(topology.resources).filter((r) => r.kind === 'task');
    const task = tasks[Math.floor(tasks.length * 0.7)];
    if (!task) throw new Error('no task');
    await page.goto(`/?select=${encodeURIComponent(task.id)}`);
    await page.locator('.canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
    const node = page.locator(`[data-task="${task.id}"]`);
    await expect(node).toBeVisible({ timeout: 15_000 });
    await settled(page);
    expect((await camera(page)).zoom).toBeGreaterThanOrEqual(1);
    await expect(page.locator('.react-flow')).toHaveAttribute('data-lod', 'detail');
    expect(await inPane(page, node)).toBe(true);
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
  });
});
