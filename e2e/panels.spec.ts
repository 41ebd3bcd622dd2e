import { expect, test, type Page } from '@playwright/test';
import { MapPage } from './MapPage';

interface ApiResource {
  kind: string;
  id: string;
  name?: string;
  cidrBlock?: string;
  status?: string;
  healthIssues?: string[];
}

async function resources(page: Page): Promise<ApiResource[]> {
  const topology = (await (await page.request.get('/api/topology')).json()) as { resources: Record<string, ApiResource> };
  return Object.values(topology.resources);
}

test('clicking a subnet opens its panel: exposure and why, addresses, and as many tasks and pods as its box holds', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const all = await resources(page);
  const privateA = all.find((r) => r.kind === 'subnet' && r.name === 'private-a');
  if (!privateA?.cidrBlock) throw new Error('no private-a subnet in the demo');
  const box = page.locator(`[data-subnet="${privateA.id}"]`);
  const tasks = Number(await box.getAttribute('data-subnet-tasks'));
  const pods = Number(await box.getAttribute('data-subnet-pods'));
  expect(tasks + pods).toBeGreaterThan(0);
  await box.locator('.box-title').click();
  const details = map.details();
  await expect(details).toContainText('Subnet private-a');
  await expect(details).toContainText(privateA.cidrBlock);
  await expect(details.locator('[data-exposure="private"]')).toContainText(/private — default route to NAT gateway nat-[0-9a-f]{17}/);
  await expect(details.locator('[data-ips]')).toContainText(/\d+ free of 1019 usable/);
  await expect(details).toContainText(`${tasks} task${tasks === 1 ? '' : 's'}, ${pods} pod${pods === 1 ? '' : 's'}`);
  await expect(details.locator('[data-occupants] tbody tr').first()).toBeVisible();
  expect(page.url()).toContain('select=');
  await page.screenshot({ path: test.info().outputPath('subnet-panel.png') });

  // Both node groups launch into private-a; the one EKS calls unhealthy says so first.
  await details.getByRole('button', { name: 'spot-workers' }).click();
  await expect(details).toContainText('Node group spot-workers');
  const spot = all.find((r) => r.kind === 'nodeGroup' && r.name === 'spot-workers');
  await expect(details.locator('[data-problems]')).toContainText(spot?.healthIssues?.[0] ?? 'AsgInstanceLaunchFailures');
  await expect(details).toContainText('m6i.xlarge');
  await expect(details).toContainText('SPOT');
  await expect(details.getByRole('row')).toHaveCount(1 + 2);
  await page.screenshot({ path: test.info().outputPath('node-group-panel.png') });
});

test('clicking the VPC opens its panel with the subnets of each AZ, and a subnet there opens the subnet', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const all = await resources(page);
  const vpc = all.find((r) => r.kind === 'vpc');
  if (!vpc?.cidrBlock) throw new Error('no VPC in the demo');
  await page.locator('.box-vpc > .box-title').click();
  const details = map.details();
  await expect(details).toContainText(`VPC ${vpc.name ?? vpc.id}`);
  await expect(details).toContainText(`${vpc.cidrBlock} (65536 addresses)`);
  await expect(details).toContainText('6 in 3 AZs: 3 public, 3 private');
  await expect(details.locator('[data-az-subnets]')).toHaveCount(3);
  await expect(details.locator('[data-az-subnets="us-east-1b"] tbody tr')).toHaveText([/public-b\s*public/, /private-b\s*private/]);
  await page.screenshot({ path: test.info().outputPath('vpc-panel.png') });
  await details.getByRole('button', { name: 'private-b' }).click();
  await expect(details).toContainText('Subnet private-b');

  // An AZ column stays a frame: clicking it selects nothing.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await page.locator('[data-az="us-east-1a"] > .box-title').click();
  await expect(map.details()).toHaveCount(0);
});
