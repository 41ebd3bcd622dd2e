import { expect, test } from '@playwright/test';
import { MapPage } from './MapPage';

interface ApiResource {
  kind: string;
  id: string;
  serviceArn?: string;
}

test('draws AZ columns and subnets, with as many services and tasks as the API returns', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(page.getByText('Demo estate (simulated AWS)').first()).toBeVisible();
  await expect(map.azColumns()).toHaveCount(3);
  await expect(map.subnets()).toHaveCount(6);
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, ApiResource> };
  const resources = Object.values(topology.resources);
  const services = resources.filter((r) => r.kind === 'service');
  const tasks = resources.filter((r) => r.kind === 'task');
  await expect(page.getByTestId('service-count')).toHaveText(String(services.length));
  await expect(page.getByTestId('task-count')).toHaveText(String(tasks.length));
  await expect(page.locator('[data-service]')).toHaveCount(services.length);
  await expect(page.locator('[data-task]')).toHaveCount(tasks.length);
  await page.screenshot({ path: 'test-results/network-view.png' });
});

test('marks the unhealthy target on the task and its target group', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const unhealthy = page.locator('[data-task][data-health="unhealthy"]');
  await expect(unhealthy).toHaveCount(1);
  await expect(unhealthy).toContainText('Target.ResponseCodeMismatch');
  await expect(page.locator('[data-tg="web-tg"]')).toContainText('1 unhealthy');
});

test('clicking a task opens its task definition with values redacted, Esc closes it, the URL keeps it', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, ApiResource> };
  const api = Object.values(topology.resources).find((r) => r.kind === 'service' && r.id.endsWith('/api'));
  const task = Object.values(topology.resources).find((r) => r.kind === 'task' && r.serviceArn === api?.id);
  if (!task) throw new Error('no api task in the demo');
  await map.task(task.id).click();
  const details = map.details();
  await expect(details).toContainText('Task definition api:');
  await expect(details).toContainText('DATABASE_URL');
  await expect(details).toContainText('[redacted]');
  await expect(details).not.toContainText('hunter2');
  await expect(details).toContainText('STRIPE_KEY');
  expect(page.url()).toContain('select=');
  await page.reload();
  await expect(map.details()).toContainText('Task definition api:');
  await page.keyboard.press('Escape');
  await expect(map.details()).toHaveCount(0);
});

test('the service view shows clusters with their services and per-AZ counts', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('/?view=service');
  await expect(page.locator('.box-cluster[data-engine="ecs"]')).toHaveCount(3);
  await expect(page.locator('.box-cluster[data-engine="eks"]')).toHaveCount(1);
  await expect(page.locator('.box-cluster[data-engine="eks"] ~ * [data-eks-node], [data-eks-node]')).toHaveCount(5);
  await expect(page.locator('[data-service="cart"] .az-chip')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/service-view.png' });
});

test('EKS worker nodes share the AZ columns and subnets with ECS tasks; a node opens its node group’s health', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, { kind: string; id: string; subnetId?: string }> };
  const nodes = Object.values(topology.resources).filter((r) => r.kind === 'eksNode');
  expect(nodes.length).toBeGreaterThan(0);
  await expect(page.getByTestId('eks-node-count')).toHaveText(String(nodes.length));
  for (const n of nodes) {
    // Each node is drawn inside the box of the subnet EC2 says it runs in, next to that subnet's ECS tasks.
    const subnet = page.locator(`[data-subnet="${n.subnetId ?? ''}"]`);
    await expect(subnet).toHaveCount(1);
    const box = await subnet.boundingBox();
    const nodeBox = await page.locator(`[data-eks-node="${n.id}"]`).boundingBox();
    if (!box || !nodeBox) throw new Error(`${n.id} not drawn`);
    expect(nodeBox.x).toBeGreaterThanOrEqual(box.x);
    expect(nodeBox.y).toBeGreaterThanOrEqual(box.y);
    expect(nodeBox.x + nodeBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  await page.locator('.eks-node.spot').first().click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('Node group spot-workers');
  await expect(details).toContainText('AsgInstanceLaunchFailures');
});
