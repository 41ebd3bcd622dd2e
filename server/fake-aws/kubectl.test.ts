import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsSource } from '../sources/aws/source';
import { resourcesOf } from '../../src/topology/model';
import { eksToken } from '../sources/aws/kube/token';
import { demoWorld } from './demo';
import { obj } from './kube-table';
import { notifyKube } from './kubeEvents';
import { startFakeAws, type FakeAws } from './server';
import { str, type World } from './world';

/**
 * The real kubectl, pointed at the fake Kubernetes API with a kubeconfig (its CA, an EKS token), lists the cluster's
 * nodes and pods: an independent check that the fake speaks the API as client-go expects (discovery, Table output,
 * chunked lists, TLS). `.ci/run` installs kubectl (Debian's kubernetes-client) and sets FLEETMAP_REQUIRE_KUBECTL.
 */
const KUBECTL = process.env['FLEETMAP_KUBECTL'] ?? ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p)) ?? '/usr/bin/kubectl';
const present = existsSync(KUBECTL);
if (!present && process.env['FLEETMAP_REQUIRE_KUBECTL'])
  throw new Error(`kubectl is required here but ${KUBECTL} does not exist (apt-get install kubernetes-client).`);

const run = promisify(execFile);
const credentials = { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' };
let fake: FakeAws;
let world: World;
let dir: string;

async function kubeconfig(name: string, token: string): Promise<string> {
  // What DescribeCluster returns for it: the API server's address and its CA.
  const kube = fake.kube.get('orders-eks');
  const file = join(dir, name);
  await writeFile(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: orders-eks',
      '  cluster:',
      `    server: ${kube?.url ?? ''}`,
      `    certificate-authority-data: ${Buffer.from(kube?.caPem ?? '').toString('base64')}`,
      'users:',
      '- name: reader',
      '  user:',
      `    token: ${token}`,
      'contexts:',
      '- name: orders',
      '  context: {cluster: orders-eks, user: reader}',
      'current-context: orders',
      '',
    ].join('\n'),
  );
  return file;
}

async function kubectl(config: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(KUBECTL, ['--kubeconfig', config, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir },
    timeout: 30_000,
  });
  return stdout;
}

describe.skipIf(!present)('kubectl against the fake Kubernetes API', () => {
  beforeAll(async () => {
    world = demoWorld();
    fake = await startFakeAws({ world, pageCap: 5 });
    dir = await mkdtemp(join(tmpdir(), 'fleetmap-kubectl-'));
  });
  afterAll(async () => {
    await fake.close();
  });

  it('lists the nodes and the pods of every namespace, following continue tokens', async () => {
    const config = await kubeconfig('good', await eksToken({ clusterName: 'orders-eks', region: world.region, credentials }));
    const nodes = (await kubectl(config, 'get', 'nodes', '--no-headers')).trim().split('\n');
    expect(nodes).toHaveLength(world.kube?.['orders-eks']?.nodes.length ?? -1);
    expect(nodes.every((l) => / Ready /.test(l))).toBe(true);
    const pods = (await kubectl(config, 'get', 'pods', '-A', '--no-headers', '--chunk-size', '7')).trim().split('\n');
    expect(pods).toHaveLength(world.kube?.['orders-eks']?.pods.length ?? -1);
    expect(pods.filter((l) => l.includes('CrashLoopBackOff'))).toHaveLength(1);
    const json = JSON.parse(await kubectl(config, 'get', 'deployments', '-n', 'orders', '-o', 'json')) as { items: { metadata: { name: string } }[] };
    expect(json.items.map((d) => d.metadata.name).sort()).toEqual(['orders-api', 'payments', 'recommendations']);
    expect(fake.kubeCalls().some((c) => c.operation === 'list pods' && new URLSearchParams(c.query).has('continue'))).toBe(true);
  });

  it('follows a pod with kubectl get pods -w: a change in the world prints as a new row', async () => {
    const config = await kubeconfig('watch', await eksToken({ clusterName: 'orders-eks', region: world.region, credentials }));
    const pods = world.kube?.['orders-eks']?.pods ?? [];
    const pod = pods.find((p) => str(obj(p['metadata']), 'namespace') === 'orders');
    if (!pod) throw new Error('no pod in orders');
    const name = str(obj(pod['metadata']), 'name');
    const child = spawn(KUBECTL, ['--kubeconfig', config, 'get', 'pods', '-n', 'orders', '-w', '--no-headers', '--request-timeout', '20s'], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    try {
      const rows = () => out.trim().split('\n').filter(Boolean);
      const listed = pods.filter((p) => str(obj(p['metadata']), 'namespace') === 'orders').length;
      for (let i = 0; i < 200 && rows().length < listed; i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(rows()).toHaveLength(listed);
      notifyKube(world, 'orders-eks', 'pods', 'MODIFIED', { ...pod, status: { ...obj(pod['status']), phase: 'Failed', containerStatuses: [] } });
      for (let i = 0; i < 200 && rows().length === listed; i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(rows()[listed]).toMatch(new RegExp(`^${name}\\s+0/\\d+\\s+Failed`));
    } finally {
      child.kill();
    }
  });

  it('refuses a token made for another cluster', async () => {
    const config = await kubeconfig('other', await eksToken({ clusterName: 'payments-eks', region: world.region, credentials }));
    await expect(kubectl(config, 'get', 'nodes')).rejects.toThrow(/Unauthorized|provide credentials/);
  });

  it('is read by Fleetmap through a kubeconfig context instead of a token of its own', async () => {
    const config = await kubeconfig('fleetmap', await eksToken({ clusterName: 'orders-eks', region: world.region, credentials }));
    // Keys the fake's Kubernetes API does not know: only the kubeconfig's token can get Fleetmap in.
    const other = { accessKeyId: 'AKIDNOTMAPPED', secretAccessKey: 'not-mapped' };
    const source = (kubeconfigFile?: string) =>
      createAwsSource({
        region: world.region,
        endpoint: fake.url,
        credentials: other,
        kind: 'demo',
        label: 'test',
        ...(kubeconfigFile ? { kubeconfig: kubeconfigFile } : {}),
      });
    expect((await source().read()).errors.map((e) => e.code)).toEqual(['Unauthorized']);
    const topology = await source(config).read();
    expect(topology.errors).toEqual([]);
    expect(resourcesOf(topology, 'pod')).toHaveLength(world.kube?.['orders-eks']?.pods.length ?? -1);
  });
});
