import { expect, test } from '@playwright/test';
import { AUTH_PORT, AUTH_TOKEN } from '../playwright.config';

const base = `http://127.0.0.1:${AUTH_PORT}`;

test('a link with ?token= followed from another site opens the map at once, and the token leaves the address', async ({ page }) => {
  // A page of no site of ours (a chat message, a wiki): the navigation it starts is cross-site.
  await page.setContent(`<a href="${base}/?view=service&token=${AUTH_TOKEN}">Fleetmap</a>`);
  await page.getByRole('link', { name: 'Fleetmap' }).click();
  await page.locator('.canvas[data-layout="ready"]').waitFor();
  await expect(page.locator('.service-box').first()).toBeVisible();
  expect(page.url()).toBe(`${base}/?view=service`);
  // The session holds on a reload, without the token.
  await page.reload();
  await page.locator('.canvas[data-layout="ready"]').waitFor();
});
