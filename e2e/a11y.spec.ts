import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MapPage } from './MapPage';

/** What a contrast finding measured: "#6a7686 on #eaf0f8 (4.1)". */
function measured(node: { any: { data?: unknown }[] }): string {
  const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  return data?.fgColor ? `${data.fgColor} on ${data.bgColor ?? '?'} (${data.contrastRatio ?? '?'})` : '';
}

/** axe's serious and critical findings within `scope`, one line per rule and look: "color-contrast: .muted #6a7686 on …". */
async function seriousFindings(page: Page, scope: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(scope).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => [...new Set(v.nodes.map((n) => `${v.id}: ${String(n.target.at(-1)).split(' > ').slice(-2).join(' > ')} ${measured(n)}`))]);
}

/** The wrapper React Flow focuses around a box: the element a keyboard user tabs to. */
const boxOf = (page: Page, inner: string) => page.locator(`.react-flow__node:has(> ${inner})`);

test('the network view’s map has no serious or critical axe finding', async ({ page }) => {
  await new MapPage(page).open();
  expect(await seriousFindings(page, '.react-flow')).toEqual([]);
});

test('the services view’s map has no serious or critical axe finding', async ({ page }) => {
  await new MapPage(page).open('/?view=service');
  await page.locator('.service-box').first().waitFor();
  expect(await seriousFindings(page, '.react-flow')).toEqual([]);
});

test('with a service selected and its panel open, the dimmed map keeps its text legible', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.locator('[data-service="web"]').click();
  await expect(map.details()).toBeVisible();
  await expect(page.locator('.dim').first()).toBeVisible();
  expect(await seriousFindings(page, '.react-flow')).toEqual([]);
});

test('every box is a focusable element with an accessible name saying what it is, and the map is one Tab stop', async ({ page }) => {
  await new MapPage(page).open();
  // Focusable by the arrow keys, a click or a link (tabindex -1), with one of them the map's stop in the Tab order.
  await expect(page.locator('.react-flow__node[tabindex="0"]')).toHaveCount(1);
  const names = await page.locator('.react-flow__node[tabindex]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(20);
  for (const name of names)
    expect(name).toMatch(
      /^(\S+ )?(VPC|Availability Zone|subnet|service|workload|task|pod|\d+ (tasks?|pods?)|EKS node|container instance|target group|.*load balancer|namespace|ECS cluster|EKS cluster) /,
    );
  await expect(boxOf(page, '[data-service="api"]')).toHaveAttribute('aria-label', /^service api, 4 of 5 running, .*\d problems?: .*4\/5 running/);
});

/** Presses Tab until `done` holds of the focused element; how many presses it took (Infinity if it never did). */
async function tabUntil(page: Page, done: (el: Element | null) => boolean, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluateHandle(() => document.activeElement).then((h) => h.evaluate(done))) return i;
  }
  return Infinity;
}

test('the keyboard reaches Export and the map in a few Tabs: a skip link first, the map one stop, Tab from it leaves it', async ({ page }) => {
  await new MapPage(page).open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to map' })).toBeFocused();
  await page.keyboard.press('Enter');
  const first = await page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  expect(first).toBeTruthy();

  await page.goto('/');
  await page.locator('.canvas[data-rendered="true"]').waitFor();
  const toExport = await tabUntil(page, (el) => el?.id === 'export-button');
  expect(toExport).toBeLessThanOrEqual(16);
  // The map comes right after the map's toolbar: one press more, and one more leaves it.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') ?? false)).toBe(true);
  await page.keyboard.press('ArrowDown');
  const moved = await page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.react-flow__node') ?? null)).toBeNull();
  // Shift+Tab comes back to the box the arrows left focus on.
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null)).toBe(moved);
});

test('Tab reaches a box on the map, which shows a focus ring of at least 3:1', async ({ page }) => {
  await new MapPage(page).open();
  const presses = await tabUntil(page, (el) => el?.classList.contains('react-flow__node') ?? false);
  expect(presses).toBeLessThanOrEqual(20);
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) =>
      rgb(c)
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
    // What the ring is drawn against: the first opaque background behind the box.
    let under: Element | null = el.parentElement;
    let back = 'rgb(255, 255, 255)';
    while (under) {
      const b = getComputedStyle(under).backgroundColor;
      if (!/rgba\(.*, 0\)$|transparent/.test(b)) {
        back = b;
        break;
      }
      under = under.parentElement;
    }
    const [hi, lo] = [lum(style.outlineColor), lum(back)].sort((a, b) => b - a);
    return {
      visible: el.matches(':focus-visible'),
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      ratio: ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05),
    };
  });
  expect(ring.visible).toBe(true);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.ratio).toBeGreaterThanOrEqual(3);
});

test('Enter on a focused service selects it and opens its panel; Space on a folded group unfolds it', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.keyboard.press('Tab');
  const cart = boxOf(page, '[data-service="cart"]');
  await cart.focus();
  await page.keyboard.press('Enter');
  await expect(map.details()).toContainText('cart');
  await expect(page.locator('[data-service="cart"]')).toHaveClass(/\bis-selected\b/);
  expect(page.url()).toContain('select=');

  const group = page.locator('[data-group]').first();
  const id = await group.getAttribute('data-group');
  await boxOf(page, `[data-group="${id}"]`).focus();
  await page.keyboard.press(' ');
  await expect(page.locator(`[data-group="${id}"]`)).toHaveCount(0);
});

test('problems are badged on their boxes, whole and on top: an under-replicated service, a degraded node group’s nodes', async ({ page }) => {
  await new MapPage(page).open();
  for (const box of ['[data-service="api"]', '[data-tg="web-tg"]', '.box-eks-node.spot']) {
    const badge = page.locator(`${box} .problem-badge`).first();
    await expect(badge, box).toBeVisible();
    await expect(badge, box).toHaveAttribute('title', /\S/);
    // Nothing clips or covers it: the point at its centre is the badge itself.
    const whole = await badge.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      let clipped = false;
      for (let p = el.parentElement; p && !p.classList.contains('react-flow__viewport'); p = p.parentElement) {
        const s = getComputedStyle(p);
        const pr = p.getBoundingClientRect();
        if (s.overflow !== 'visible' && (r.left < pr.left || r.right > pr.right || r.top < pr.top || r.bottom > pr.bottom)) clipped = true;
      }
      return { onTop: hit === el || el.contains(hit), clipped };
    });
    expect(whole, box).toEqual({ onTop: true, clipped: false });
  }
});

test('a subnet’s box says its key facts on hover and shows when it is selected', async ({ page }) => {
  await new MapPage(page).open();
  const subnet = page.locator('.box-subnet').first();
  await subnet.locator('.box-title').hover();
  await expect(subnet).toHaveAttribute('title', /^Subnet .+ · IPs: /);
  await subnet.locator('.box-title').click();
  await expect(subnet).toHaveClass(/\bis-selected\b/);
  await page.locator('.box-vpc > .box-title').hover();
  await expect(page.locator('.box-vpc')).toHaveAttribute('title', /^VPC .+ subnets? \(/);
});

test('a box focused below the fold is brought into view, where it is drawn, not away from it', async ({ page }) => {
  await new MapPage(page).open();
  // The crash-looping pod sits in a node in a subnet, under the first look at 1600×1000.
  const pod = boxOf(page, '[data-pod][data-health="unhealthy"]');
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const first = await pod.boundingBox();
  expect(first && first.y + first.height > viewport.height, 'the pod starts off screen').toBe(true);
  await page.keyboard.press('Tab');
  await pod.focus();
  await expect
    .poll(async () => {
      const box = await pod.boundingBox();
      return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
    })
    .toBe(true);
});
