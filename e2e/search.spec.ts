import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MapPage } from './MapPage';

/** Page object for the search box: a combobox over a listbox of results grouped by kind. */
class Search {
  constructor(readonly page: Page) {}

  input(): Locator {
    return this.page.getByRole('combobox', { name: 'Search the map' });
  }

  results(): Locator {
    return this.page.getByRole('listbox', { name: 'Search results' });
  }

  group(heading: string): Locator {
    return this.results().getByRole('group', { name: heading });
  }

  options(): Locator {
    return this.results().getByRole('option');
  }

  /** The option aria-activedescendant points at, which is what Enter picks. */
  async active(): Promise<Locator> {
    const id = await this.input().getAttribute('aria-activedescendant');
    expect(id).toBeTruthy();
    return this.page.locator(`[id="${id}"]`);
  }
}

test('arrow keys walk the results, Enter selects and brings it into view, Esc closes and keeps focus', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const search = new Search(page);
  await expect(search.input()).toHaveAttribute('aria-expanded', 'false');

  // A task found by its IP reads as its service first, then where it runs.
  await search.input().fill('10.0.14.13');
  await expect(search.input()).toHaveAttribute('aria-expanded', 'true');
  const task = search.group('Tasks').getByRole('option').first();
  await expect(task.locator('.search-name')).toHaveText('web');
  await expect(task).toContainText('us-east-1b · 10.0.14.13 · unhealthy');
  // Options are the only interactive things in the list (no buttons nested in options).
  await expect(search.results().locator('button, a, input')).toHaveCount(0);

  await search.input().fill('cart');
  // Each option is named name first, then its detail, as a screen reader reads it.
  await expect(search.group('Services').getByRole('option', { name: /^cart 3\/3 running\b/ })).toHaveCount(1);
  await expect(search.group('Tasks').getByRole('option')).toHaveCount(3);
  await search.input().press('ArrowDown');
  await expect(await search.active()).toHaveAttribute('aria-selected', 'true');
  await expect((await search.active()).locator('.search-name')).toHaveText('cart');
  await search.input().press('ArrowDown');
  const second = await search.active();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(search.options().first()).toHaveAttribute('aria-selected', 'false');
  const ip = /10\.0\.\d+\.\d+/.exec((await second.textContent()) ?? '')?.[0];
  expect(ip).toBeTruthy();
  // Up from the first option wraps to the last; back down returns to the same task.
  await search.input().press('ArrowUp');
  await search.input().press('ArrowUp');
  await expect(await search.active()).toHaveText(/cart-tg/);
  await search.input().press('ArrowDown');
  await search.input().press('ArrowDown');
  await expect((await search.active()).locator('.search-detail')).toContainText(ip ?? '');
  await search.input().press('Enter');
  await expect(search.input()).toHaveAttribute('aria-expanded', 'false');
  await expect(map.details()).toContainText(ip ?? '');
  await expect(page).toHaveURL(/[?&]select=arn%3Aaws%3Aecs%3A[^&]*%3Atask%2F/);

  // By state: "crash" finds the crash-looping pod, named by its workload, and Enter picks it.
  await search.input().fill('crash');
  const pod = search.group('Pods').getByRole('option');
  await expect(pod).toHaveCount(1);
  await expect(pod.locator('.search-name')).toHaveText('payments');
  await expect(pod).toContainText('CrashLoopBackOff');
  await search.input().press('ArrowDown');
  await search.input().press('Enter');
  await expect(map.details()).toContainText('CrashLoopBackOff');

  await search.input().fill('unhealthy');
  await expect(search.group('Tasks')).toContainText('web');
  await expect(search.group('Target groups')).toContainText('web-tg');
  await search.input().press('Escape');
  await expect(search.input()).toHaveAttribute('aria-expanded', 'false');
  await expect(search.results()).toBeHidden();
  await expect(search.input()).toBeFocused();
  await expect(search.input()).toHaveValue('unhealthy');
});

test('result names read at 4.5:1 or better against the list, and axe finds nothing serious in the open search', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const search = new Search(page);
  await search.input().fill('web');
  await search.input().press('ArrowDown');
  await search.input().press('ArrowDown');
  await expect(search.results()).toBeVisible();

  const ratios = await search.results().evaluate((list) => {
    const channels = (css: string): number[] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m?.[1]) throw new Error(`unexpected colour ${css}`);
      return m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
    };
    // The colour drawn behind an element: the first ancestor whose background is not transparent.
    const backdrop = (el: Element): number[] => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        const c = channels(getComputedStyle(at).backgroundColor);
        if (c.length < 4 || (c[3] ?? 0) > 0) return c;
      }
      return [255, 255, 255];
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    return [...list.querySelectorAll('.search-name, .search-detail, .search-heading')].map((el) => ({
      text: el.textContent ?? '',
      colour: getComputedStyle(el).color,
      ratio: contrast(channels(getComputedStyle(el).color), backdrop(el)),
    }));
  });
  expect(ratios.length).toBeGreaterThan(3);
  for (const r of ratios) expect(r.ratio, `${r.text} in ${r.colour}`).toBeGreaterThanOrEqual(4.5);

  const axe = await new AxeBuilder({ page }).include('.search').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
  expect(serious).toEqual([]);

  // Nothing found is said, not drawn as an empty list.
  await search.input().fill('no-such-thing');
  await expect(search.results()).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible();
  const empty = await new AxeBuilder({ page }).include('.search').analyze();
  expect(empty.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
