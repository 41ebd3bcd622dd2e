import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MapPage } from './MapPage';

const MERMAID = fileURLToPath(new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));

async function exportAs(page: Page, format: string): Promise<{ download: Download; text: string; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[role="menuitem"][data-format="${format}"]`).click()]);
  const path = await download.path();
  const bytes = await readFile(path);
  return { download, text: bytes.toString('utf8'), bytes };
}

interface Snapshot {
  resources: Record<string, { kind: string; id: string; name?: string }>;
}

test('every export downloads from the toolbar and is what it claims to be', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const topology = (await (await request.get('/api/topology')).json()) as Snapshot;
  const services = Object.values(topology.resources).filter((r) => r.kind === 'service');

  const svg = await exportAs(page, 'svg');
  expect(svg.download.suggestedFilename()).toMatch(/^fleetmap-network-.*\.svg$/);
  expect(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const s of services) expect(svg.text).toContain(`>${s.name ?? ''}`);

  const drawio = await exportAs(page, 'drawio');
  expect(drawio.text).toContain('<mxGraphModel');
  expect(drawio.text).toContain('container=1');

  const json = await exportAs(page, 'json');
  expect(Object.keys((JSON.parse(json.text) as Snapshot).resources)).toHaveLength(Object.keys(topology.resources).length);

  for (const format of ['png', 'png2x', 'png-visible']) {
    const png = await exportAs(page, format);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    expect(width).toBeGreaterThan(500);
    expect(png.bytes.length).toBeGreaterThan(10_000);
  }

  // Mermaid's own parser, in the browser it was written for.
  const mermaid = await exportAs(page, 'mermaid');
  const blank = await page.context().newPage();
  await blank.addScriptTag({ path: MERMAID });
  const parsed = await blank.evaluate(async (text) => {
    const m = (window as unknown as { mermaid: { parse: (t: string) => Promise<unknown> } }).mermaid;
    try {
      await m.parse(text);
      return 'ok';
    } catch (e) {
      return String(e);
    }
  }, mermaid.text);
  expect(parsed).toBe('ok');
  await blank.close();
});

test('the export menu works from the keyboard', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'PNG, whole map at 2×' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('the single-file HTML works from file:// with every network request blocked', async ({ page, browser, request }, info) => {
  const map = new MapPage(page);
  await map.open();
  const html = await exportAs(page, 'html');
  expect(html.text).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(html.text).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
  expect(html.bytes.length).toBeLessThan(10_000_000);
  const file = info.outputPath('offline.html');
  await (await import('node:fs/promises')).writeFile(file, html.bytes);

  const topology = (await (await request.get('/api/topology')).json()) as Snapshot;
  const tasks = Object.values(topology.resources).filter((r) => r.kind === 'task');
  const services = Object.values(topology.resources).filter((r) => r.kind === 'service');

  const context = await browser.newContext({ offline: true });
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith('file:')) requests.push(url);
    await (url.startsWith('file:') ? route.continue() : route.abort());
  });
  const offline = await context.newPage();
  await offline.goto(`file://${file}`);
  await offline.locator('.canvas[data-rendered="true"]').waitFor();
  await expect(offline.getByText('Offline copy')).toBeVisible();
  await expect(offline.getByTestId('service-count')).toHaveText(String(services.length));
  await expect(offline.getByTestId('task-count')).toHaveText(String(tasks.length));
  await expect(offline.locator('[data-task]:not([data-pod])')).toHaveCount(tasks.length);
  await expect(offline.locator('[data-pod]').first()).toBeVisible();

  // Search, select and drill down, all without a server.
  await offline.getByRole('combobox', { name: 'Search the map' }).fill('ledger');
  await offline.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().click();
  await expect(offline.getByRole('complementary', { name: 'Details' })).toContainText('ledger');
  // The search brought ledger into view; fit the map again to reach the unhealthy task.
  await offline.locator('.react-flow__controls-fitview').click();
  const task = offline.locator('[data-task]:not([data-pod])[data-health="unhealthy"]');
  await task.click();
  const details = offline.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('Task definition');
  await expect(details).toContainText('[redacted]');
  await offline.screenshot({ path: 'test-results/offline-html.png' });
  expect(requests).toEqual([]);
  await context.close();
});

test('a snapshot dropped on the page opens; a broken file says what is wrong and the map stays', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const snapshot = await (await request.get('/api/topology')).text();
  const drop = async (name: string, content: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: 'application/json' }));
        return dt;
      },
      [name, content] as const,
    );
    await page.dispatchEvent('.main', 'dragover', { dataTransfer });
    await page.dispatchEvent('.main', 'drop', { dataTransfer });
  };
  await drop('broken.json', '{"schemaVersion": 1, "resources": {');
  await expect(page.getByRole('alert')).toContainText('broken.json cannot be opened');
  await expect(page.locator('[data-task]').first()).toBeVisible();
  await drop('saved.json', snapshot);
  await expect(page.getByText('snapshot saved.json').first()).toBeVisible();
  await expect(page.locator('[data-task]').first()).toBeVisible();
});
