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
  await expect(page.locator('[data-service]:not([data-workload])')).toHaveCount(services.length);
  // Application workloads of the EKS cluster stand beside the ECS services in the band.
  await expect(page.locator('[data-service][data-workload]')).toHaveCount(5);
  await expect(page.locator('[data-task]:not([data-pod])')).toHaveCount(tasks.length);
  await page.screenshot({ path: 'test-results/network-view.png' });
});

test('marks the unhealthy target on the task and its target group', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const unhealthy = page.locator('[data-task]:not([data-pod])[data-health="unhealthy"]');
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
  await map.reveal(map.task(task.id));
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
  // EKS: cluster → namespace → workload → pods, the system namespace last.
  await expect(page.locator('[data-namespace]')).toHaveText([/batch/, /orders/, /kube-system/]);
  await expect(page.locator('[data-service="orders-api"]')).toContainText('Deployment · 8/8 ready · orders');
  await expect(page.locator('[data-pod]')).toHaveCount(23);
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
  await page.locator('.box-eks-node.spot .box-title').first().click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('Node group spot-workers');
  await expect(details).toContainText('AsgInstanceLaunchFailures');
});

test('pods sit in their nodes and subnets in the same AZ columns as ECS tasks; system pods are folded', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const topology = (await (await request.get('/api/topology')).json()) as {
    resources: Record<string, { kind: string; id: string; name: string; az?: string; namespace: string; instanceId?: string; fargate?: boolean }>;
  };
  const pods = Object.values(topology.resources).filter((r) => r.kind === 'pod');
  await expect(page.getByTestId('pod-count')).toHaveText(String(pods.length));
  const columns = new Map<string, { x: number; width: number }>();
  for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
    const b = await page.locator(`[data-az="${az}"]`).boundingBox();
    if (b) columns.set(az, b);
  }
  const inColumn = (box: { x: number; width: number } | null, az: string | undefined) => {
    const col = columns.get(az ?? '');
    return !!box && !!col && box.x >= col.x && box.x + box.width <= col.x + col.width + 1;
  };
  const apps = pods.filter((p) => p.namespace !== 'kube-system');
  await expect(page.locator('[data-pod]')).toHaveCount(apps.length);
  for (const p of apps) {
    const box = await page.locator(`[data-pod="${p.name}"]`).boundingBox();
    expect(inColumn(box, p.az), `${p.name} in ${p.az ?? '?'}`).toBe(true);
    if (p.instanceId) {
      const node = await page.locator(`[data-eks-node="${p.instanceId}"]`).boundingBox();
      expect(node && box && box.y >= node.y && box.y + box.height <= node.y + node.height + 1, `${p.name} inside its node`).toBe(true);
    }
  }
  // An ECS task in the same column as a pod of the same AZ: both engines share the AZ boxes.
  const task = Object.values(topology.resources).find((r) => r.kind === 'task' && r.az === 'us-east-1a');
  expect(inColumn(await map.task(task?.id ?? '').boundingBox(), 'us-east-1a')).toBe(true);
  // kube-system is folded into one group per node, which unfolds on click.
  const system = page.locator('[data-system="kube-system"]');
  await expect(system).toHaveCount(5);
  await system.first().click();
  await expect(system).toHaveCount(4);
});

test('a crash-looping pod shows its reason, and its drill-down names variables without their values', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const crash = page.locator('[data-pod][data-health="unhealthy"]');
  await expect(crash).toHaveCount(1);
  await expect(crash).toContainText('CrashLoopBackOff');
  await map.reveal(crash);
  await crash.click();
  const details = map.details();
  await expect(details).toContainText('Pod payments-');
  await expect(details).toContainText('CrashLoopBackOff');
  await expect(details).toContainText('Deployment payments');
  await expect(details).toContainText('last terminated: Error (exit 1)');
  // The subnet is described as the task panel describes one: name, public or private, CIDR.
  await expect(details).toContainText(/subnet\s*private-[abc] \(private, 10\.0\.\d+\.0\/\d+\)/);
  await expect(details).toContainText('PAYMENT_PROVIDER_TOKEN');
  await expect(details).toContainText('[redacted]');
  await expect(details).not.toContainText('tok_live');
  await page.screenshot({ path: 'test-results/pod-details.png' });
  await details.getByRole('button', { name: 'payments' }).click();
  await expect(details).toContainText('Deployment payments');
  await expect(details).toContainText('3/4');
  await expect(details).toContainText('Pod template');
});

test('the namespace filter leaves a namespace out of the map and the link', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const batch = page.locator('[data-pod^="nightly-export-"]');
  await expect(batch).toHaveCount(3);
  await page.getByTestId('namespace-filter').locator('summary').click();
  await page.getByRole('group', { name: 'Kubernetes namespaces' }).getByLabel(/batch/).uncheck();
  await expect(batch).toHaveCount(0);
  expect(page.url()).toContain('hide-ns=batch');
  await page.reload();
  await page.locator('.canvas[data-layout="ready"]').waitFor();
  await expect(page.locator('[data-pod^="orders-api-"]').first()).toBeVisible();
  await expect(batch).toHaveCount(0);
});

test('a load balancer’s panel names the ECS service or Kubernetes Service behind each target group', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.locator('[data-lb="storefront-alb"]').click();
  const details = map.details();
  await expect(details).toContainText('Load balancer storefront-alb');
  const row = details.locator('tr', { hasText: 'web-tg' });
  await expect(row.locator('[data-serves]')).toHaveText('ECS service web');
  await row.getByRole('button', { name: 'ECS service web' }).click();
  await expect(details).toContainText('Service web');
});

test('selecting a service dims the others and lights its tasks in every AZ, by click and by search', async ({ page, request }) => {
  const map = new MapPage(page);
  await map.open();
  const topology = (await (await request.get('/api/topology')).json()) as { resources: Record<string, ApiResource & { name?: string; az?: string }> };
  const resources = Object.values(topology.resources);
  const tasksOf = (name: string) => {
    const service = resources.find((r) => r.kind === 'service' && r.name === name);
    return resources.filter((r) => r.kind === 'task' && r.serviceArn === service?.id);
  };
  const dimmed = page.locator('.dim');
  await expect(dimmed).toHaveCount(0);

  const expectFocusOn = async (name: string) => {
    const own = tasksOf(name);
    // The service's tasks run in more than one AZ: every one of them stays lit, wherever it is drawn.
    expect(new Set(own.map((t) => t.az)).size).toBeGreaterThan(1);
    for (const t of own) await expect(map.task(t.id)).not.toHaveClass(/\bdim\b/);
    await expect(page.locator(`[data-service="${name}"]`)).not.toHaveClass(/\bdim\b/);
    // Every other task, pod and service in the band is dimmed.
    const others = page.locator(`[data-task]:not(${own.map((t) => `[data-task="${t.id}"]`).join(',')})`);
    expect(await others.count()).toBeGreaterThan(0);
    for (const el of await others.all()) await expect(el).toHaveClass(/\bdim\b/);
    for (const el of await page.locator(`[data-service]:not([data-service="${name}"])`).all()) await expect(el).toHaveClass(/\bdim\b/);
  };

  await page.locator('[data-service="web"]').click();
  await expect(page.locator('[data-service="web"]')).toHaveClass(/\bis-selected\b/);
  await expectFocusOn('web');

  // Search selects and zooms in; fit the map again to see every AZ.
  await page.getByRole('combobox', { name: 'Search the map' }).fill('cart');
  await page
    .getByRole('listbox', { name: 'Search results' })
    .getByRole('option', { name: /^cart\b/ })
    .first()
    .click();
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.locator('[data-service="web"]')).not.toHaveClass(/\bis-selected\b/);
  await expectFocusOn('cart');

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(dimmed).toHaveCount(0);
  await expect(page.locator('.is-selected')).toHaveCount(0);
});
