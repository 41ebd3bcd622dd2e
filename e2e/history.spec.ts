import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { LIVE_FAKE_PORT, LIVE_PORT, LIVE_REFRESH_MS } from '../playwright.config';

/*
 * History against `fleetmap serve --source aws --history memory` reading `fleetmap fake-aws` every second: the test
 * changes the fake's world once, then goes back on the timeline to before the change and compares the two moments.
 */

const APP = `http://127.0.0.1:${LIVE_PORT}`;
const FAKE = `http://127.0.0.1:${LIVE_FAKE_PORT}`;
const SEEN_WITHIN_MS = LIVE_REFRESH_MS + 8_000;

test.use({ baseURL: APP });

/** Every node drawn, by id, with where React Flow put it on the map. */
function drawnAt(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node[data-id]')) {
      if (el.dataset['id'] !== undefined) out[el.dataset['id']] = `${el.style.transform} ${el.offsetWidth}×${el.offsetHeight}`;
    }
    return out;
  });
}

async function captureTimes(request: APIRequestContext): Promise<number[]> {
  const res = await request.get(`${APP}/api/history`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { captures: { at: number }[] }).captures.map((c) => c.at);
}

/** Moves the scrubber with the keyboard to the capture at `at`. */
async function scrubTo(slider: Locator, at: number): Promise<void> {
  await slider.focus();
  await slider.press('End');
  for (let i = 0; i < 200; i++) {
    const now = Number(await slider.getAttribute('aria-valuenow'));
    if (now === at) return;
    await slider.press(now > at ? 'ArrowLeft' : 'ArrowRight');
  }
  throw new Error(`the scrubber never stood on ${at}`);
}

test('the timeline goes back to before a change and shows the old placement, then compares the two moments', async ({ page, request }) => {
  await page.goto('/');
  await page.locator('#map[data-rendered="true"]').waitFor();
  const slider = page.getByRole('slider', { name: 'Moment shown on the map' });
  await expect(slider).toBeVisible();
  // The map as it is before the change: where every box is drawn, and the moment it was read.
  await expect.poll(async () => (await captureTimes(request)).length).toBeGreaterThan(0);
  const before = await drawnAt(page);
  const [beforeAt] = (await captureTimes(request)).slice(-1);
  if (beforeAt === undefined) throw new Error('no capture');

  expect((await request.post(`${FAKE}/_fake/churn?change=task-failure`)).status()).toBe(200);
  const added = page.locator('.react-flow__node.live-added');
  await expect(added.first()).toBeVisible({ timeout: SEEN_WITHIN_MS });
  const newTask = await added.first().getAttribute('data-id');
  if (!newTask) throw new Error('no new task');
  await expect.poll(async () => (await captureTimes(request)).some((t) => t > beforeAt)).toBe(true);
  const afterAt = (await captureTimes(request)).find((t) => t > beforeAt);
  if (afterAt === undefined) throw new Error('no capture after the change');

  // Back to before the change: read-only, unmistakably not live, the new task not there, every box where it was.
  await scrubTo(slider, beforeAt);
  const banner = page.getByTestId('as-of-banner');
  await expect(banner).toContainText('As of');
  await expect(banner).toContainText('read-only');
  await expect(page.getByTestId('freshness')).toContainText('Past view');
  await expect(page.locator(`.react-flow__node[data-id="${newTask}"]`)).toHaveCount(0);
  await expect.poll(() => drawnAt(page)).toEqual(before);

  // Back to live in one click.
  await banner.getByRole('button', { name: 'Back to live' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.locator(`.react-flow__node[data-id="${newTask}"]`)).toHaveCount(1);

  // Compare the two moments: B drawn, the new task marked as added, and listed.
  await page.getByRole('button', { name: 'Compare…' }).click();
  const picker = page.getByRole('slider', { name: /Moment to pick as A/ });
  await scrubTo(picker, beforeAt);
  await picker.press('Enter');
  const pickerB = page.getByRole('slider', { name: /Moment to pick as B/ });
  await scrubTo(pickerB, afterAt);
  await pickerB.press('Enter');
  await expect(banner).toContainText(/Comparing A, .* → B, .*1 added/);
  await expect(page.locator(`.react-flow__node.live-added[data-id="${newTask}"]`)).toHaveCount(1);
  await banner.getByRole('button', { name: /Differences/ }).click();
  await expect(page.getByRole('link', { name: /^task / }).first()).toBeVisible();
});
