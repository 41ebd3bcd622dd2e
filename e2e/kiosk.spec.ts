import { expect, test, type Page } from '@playwright/test';

/** A wall screen: the size the wallboard is made to be read on from across a room. */
test.use({ viewport: { width: 1920, height: 1080 } });

async function openWallboard(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`);
  await page.getByTestId('wallboard').waitFor();
  await page.locator('.canvas[data-layout="ready"]').waitFor();
  await page.locator('[data-task]').first().waitFor();
}

/** Every box drawn lies within the map's pane, once the fit has settled. */
async function offPane(page: Page): Promise<string[]> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no map');
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { id: n.getAttribute('data-id') ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
  const slack = 1;
  return boxes
    .filter((b) => b.left < pane.x - slack || b.top < pane.y - slack || b.right > pane.x + pane.width + slack || b.bottom > pane.y + pane.height + slack)
    .map((b) => b.id);
}

test('?kiosk=1 shows the map alone, fitted, under a slim header with the estate and its freshness, and a banner of problems', async ({ page }) => {
  await openWallboard(page, 'kiosk=1&theme=dark');
  const header = page.locator('.kiosk-header');
  await expect(header).toContainText('Demo estate');
  await expect(page.getByTestId('freshness')).toHaveText(/^Live · updated /);
  // No chrome for hands: the top bar's controls, the map's toolbar (zoom, minimap, Export), panels, status bar.
  await expect(page.locator('.top-bar')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Search the map' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
  await expect(page.locator('.map-tools')).toBeHidden();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await expect(page.locator('.status-bar')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => offPane(page), { timeout: 10_000 }).toEqual([]);

  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText(/\d+ problems?/);
  await expect(banner.locator('li').first()).toBeVisible();
  const sizes = await banner.locator('strong, li').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: test.info().outputPath('wallboard.png') });
});

test('&cycle= alternates Network and Services, and a reload stays a wallboard', async ({ page }) => {
  await openWallboard(page, 'kiosk=1&cycle=10');
  const network = await page.locator('[data-subnet]').count();
  expect(network).toBeGreaterThan(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('view'), { timeout: 15_000 }).toBe('service');
  await expect(page.locator('[data-subnet]')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('kiosk')).toBe('1');
  await expect.poll(() => new URL(page.url()).searchParams.get('view'), { timeout: 15_000 }).toBe(null);
  await expect(page.locator('[data-subnet]')).toHaveCount(network);
  await page.reload();
  await page.getByTestId('wallboard').waitFor();
});
