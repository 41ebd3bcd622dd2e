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

test('every box is a focusable element with an accessible name saying what it is', async ({ page }) => {
  await new MapPage(page).open();
  const names = await page.locator('.react-flow__node[tabindex="0"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(20);
  for (const name of names)
    expect(name).toMatch(
      /^(\S+ )?(VPC|Availability Zone|subnet|service|workload|task|pod|\d+ (tasks?|pods?)|EKS node|container instance|target group|.*load balancer|namespace|ECS cluster|EKS cluster) /,
    );
  await expect(boxOf(page, '[data-service="api"]')).toHaveAttribute('aria-label', /^service api, 4 of 5 running, .*\d problems?: .*4\/5 running/);
});

test('Tab reaches a box on the map, which shows a focus ring of at least 3:1', async ({ page }) => {
  await new MapPage(page).open();
  let onBox = false;
  for (let i = 0; i < 200 && !onBox; i++) {
    await page.keyboard.press('Tab');
    onBox = await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') ?? false);
  }
  expect(onBox).toBe(true);
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
  await expect(subnet).toHaveAttribute('title', /^Subnet .+ · IPs: /);
  await subnet.locator('.box-title').click();
  await expect(subnet).toHaveClass(/\bis-selected\b/);
  await expect(page.locator('.box-vpc')).toHaveAttribute('title', /^VPC .+ subnets? \(/);
});
