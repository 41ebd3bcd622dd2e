import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MapPage } from './MapPage';

const SHOTS = process.env['FLEETMAP_SHOTS'] ?? 'test-results';
const EMPTY_REGION = fileURLToPath(new URL('./fixtures/empty-region.json', import.meta.url));
const DIST_INDEX = fileURLToPath(new URL('../dist/index.html', import.meta.url));

/** Content-Security-Policy violations the page reports, collected from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test('the app runs under its strict Content-Security-Policy, and the built page has no inline script', async ({ page }) => {
  const html = await readFile(DIST_INDEX, 'utf8');
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/);
  expect(html).not.toMatch(/<script\b[^>]*>\s*[^<\s]/);
  const violations = await watchCsp(page);
  const res = await page.goto('/');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  const map = new MapPage(page);
  await map.open();
  await map.task((await page.locator('[data-task]:not([data-pod])').first().getAttribute('data-task')) ?? '').click();
  await expect(map.details()).toContainText('Task definition');
  // PNG export draws the map through a blob: image and a canvas.
  await page.getByRole('button', { name: 'Export' }).click();
  await Promise.all([page.waitForEvent('download'), page.locator('[role="menuitem"][data-format="png"]').click()]);
  expect(await violations()).toEqual([]);
});

test('a layout worker that cannot load: the map still draws, laid out on the main thread, and says so', async ({ page }) => {
  await page.route('**/layout.worker*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const map = new MapPage(page);
  await map.open();
  await expect(map.azColumns()).toHaveCount(3);
  const notice = page.getByTestId('layout-fallback');
  await expect(notice).toContainText("Laying out on the page's main thread");
  await expect(notice).toContainText('could not be loaded');
  await page.screenshot({ path: `${SHOTS}/layout-worker-404.png` });
});

test('a layout worker that crashes on every layout: the map still draws, and says so', async ({ page }) => {
  await page.route('**/layout.worker*', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "self.onmessage = () => { throw new Error('layout worker out of memory'); };" }),
  );
  const map = new MapPage(page);
  await map.open();
  await expect(page.getByTestId('layout-fallback')).toContainText('crashed');
  await expect(page.getByTestId('layout-fallback')).toContainText('layout worker out of memory');
});

/** A crafted read served as /api/topology must not be replaced by the live stream: the page falls back to the GET. */
const withoutStream = (page: Page) => page.route('**/api/events', (route) => route.fulfill({ status: 404, body: 'no stream' }));

test('an empty region says it holds no containers, which region was read, and how to pick another', async ({ page }) => {
  const empty = await readFile(EMPTY_REGION, 'utf8');
  await withoutStream(page);
  await page.route('**/api/topology', (route) => route.fulfill({ contentType: 'application/json', body: empty }));
  await page.goto('/');
  const message = page.getByTestId('empty-estate');
  await expect(message).toContainText('No ECS or EKS containers in eu-west-2');
  await expect(message).toContainText('Fleetmap read eu-west-2');
  await expect(message).toContainText('--region NAME');
  await expect(message).toContainText('AWS_REGION');
  await expect(page.getByText('VPC not readable')).toHaveCount(0);
  await expect(page.locator('.canvas')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/empty-region.png` });
});

test('Refresh is a POST; a server that never answers ends in a message, and Refresh works again', async ({ page }) => {
  await page.clock.install();
  const map = new MapPage(page);
  await map.open();
  // The first refresh goes into a black hole: the server accepts and never answers.
  await page.route('**/api/refresh', () => undefined);
  const refresh = page.getByRole('button', { name: /^(Refresh|Reading…)$/ });
  const [hung] = await Promise.all([page.waitForRequest('**/api/refresh'), refresh.click()]);
  expect(hung.method()).toBe('POST');
  expect(hung.headers()['x-fleetmap']).toBe('1');
  await expect(refresh).toBeDisabled();
  await page.clock.fastForward('02:31');
  await expect(page.getByRole('alert')).toContainText("Refresh failed: Fleetmap's server did not answer within 150 s");
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(map.azColumns()).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/refresh-timeout.png` });
  // The server answers the next one.
  await page.unroute('**/api/refresh');
  const [answered] = await Promise.all([page.waitForResponse('**/api/refresh'), page.getByRole('button', { name: 'Refresh' }).click()]);
  expect(answered.status()).toBe(200);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a page elsewhere cannot start a read', async ({ request, baseURL }) => {
  const res = await request.post('/api/refresh', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(res.status()).toBe(403);
  const get = await request.get('/api/topology?refresh=true');
  expect(get.status()).toBe(400);
  expect(await get.text()).toContain('POST /api/refresh');
  const same = await request.post('/api/refresh', { headers: { origin: baseURL ?? '', 'x-fleetmap': '1' } });
  expect(same.status()).toBe(200);
});

interface ApiTopology {
  resources: Record<string, { kind: string; id: string; name?: string }>;
  errors: { api: string; resource?: string; code: string; message: string; hint: string }[];
}

/** The demo's read as `fleetmap serve` gives it, changed by `edit`, served to the page in its place. */
async function serveEdited(page: Page, edit: (t: ApiTopology) => ApiTopology): Promise<ApiTopology> {
  const res = await page.request.get('/api/topology');
  const topology = edit((await res.json()) as ApiTopology);
  await withoutStream(page);
  await page.route('**/api/topology', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(topology) }));
  return topology;
}

/** What a read with elasticloadbalancing:DescribeTargetGroups denied gives: no target group, so no load balancer. */
function targetGroupsDenied(t: ApiTopology): ApiTopology {
  const resources = Object.fromEntries(Object.entries(t.resources).filter(([, r]) => r.kind !== 'targetGroup' && r.kind !== 'loadBalancer'));
  const api = 'elasticloadbalancing:DescribeTargetGroups';
  return {
    ...t,
    resources,
    errors: [
      {
        api,
        resource: '6 target groups: api-tg, cart-tg, k8s-orders-orders-api-d59dc7625f, k8s-orders-payments-1287ba7755, ledger-tg, web-tg',
        code: 'AccessDenied',
        message: `User: arn:aws:iam::123456789012:user/fleetmap-reader is not authorized to perform: ${api} on resource: * because no identity-based policy allows the ${api} action`,
        hint: `Grant ${api} to the identity Fleetmap reads with (iam/fleetmap-readonly-policy.json lists every action it needs).`,
      },
    ],
  };
}

test('with target groups denied, the top bar does not count zero load balancers and service cards name their groups', async ({ page }) => {
  await serveEdited(page, targetGroupsDenied);
  const map = new MapPage(page);
  await map.open('/?view=service');
  const lbs = page.locator('.counts [data-part="loadBalancer"]');
  await expect(lbs).toHaveText('load balancers not all read');
  await expect(lbs).toHaveAttribute('title', /elasticloadbalancing:DescribeTargetGroups \(AccessDenied\)/);
  await expect(page.getByTestId('counts')).not.toContainText('0 load balancers');
  const web = page.locator('[data-service="web"]');
  await expect(web).toContainText('web-tg (listener rules not read)');
  await expect(web).not.toContainText('no listener rule');
  await page.screenshot({ path: `${SHOTS}/target-groups-denied.png` });
});

test('the error list closes on Esc and on a click outside it, and gives focus back to its button', async ({ page }) => {
  await serveEdited(page, targetGroupsDenied);
  const map = new MapPage(page);
  await map.open();
  // A task's details are open beside the list: Esc closes the list first, and only the list.
  await page.locator('[data-task]:not([data-pod])').first().click();
  await expect(map.details()).toBeVisible();
  const button = page.getByRole('button', { name: '1 error' });
  const list = page.getByRole('dialog', { name: 'What could not be read' });
  await button.click();
  await expect(list).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(map.details()).toBeVisible();
  // A click on the map, outside the list, closes it too.
  await button.click();
  await expect(list).toBeVisible();
  // An empty spot of the map's pane, clear of the toolbar above it and of every box.
  const pane = page.locator('.react-flow__pane');
  const paneBox = await pane.boundingBox();
  if (!paneBox) throw new Error('the map has no pane');
  await pane.click({ position: { x: 6, y: paneBox.height - 6 } });
  await expect(list).toHaveCount(0);
  // Focus goes where the click went (the map is one tab stop), never to the page's body.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  // A click inside the list leaves it open; its button still toggles it.
  await button.click();
  await list.locator('h3').click();
  await expect(list).toBeVisible();
  await button.click();
  await expect(list).toHaveCount(0);
});
