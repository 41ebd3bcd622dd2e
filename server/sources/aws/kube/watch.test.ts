import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { V1Pod } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from '../../../fake-aws/demo';
import { startBlackHole } from '../../../fake-aws/faults';
import { FAKE_CREDENTIALS } from '../../../fake-aws/kube-auth';
import { startFakeKube, type FakeKube, type KubeAccess as FakeAccess } from '../../../fake-aws/kube-api';
import { KUBE_EVENT_WINDOW, notifyKube } from '../../../fake-aws/kubeEvents';
import { str, type JsonObject, type World } from '../../../fake-aws/world';
import { eksToken } from './token';
import { kubeWatches } from '../kubeWatches';
import { createKubeWatch, type KubeWatch } from './watch';

const CLUSTER = 'orders-eks';
const credentials = { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' };
const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function fakeCluster(access: FakeAccess = 'ok'): Promise<{ world: World; kube: FakeKube }> {
  const world = demoWorld();
  const objects = world.kube?.[CLUSTER];
  if (!objects) throw new Error('the demo has no orders-eks');
  const kube = await startFakeKube({ clusterName: CLUSTER, region: world.region, accountId: world.accountId, objects, credentials: FAKE_CREDENTIALS, access });
  cleanup.push(() => kube.close());
  return { world, kube };
}

function watcherOf(endpoint: string, ca: string, region = 'us-east-1'): KubeWatch {
  const cluster: EksCluster = {
    name: CLUSTER,
    arn: `arn:aws:eks:${region}:123456789012:cluster/${CLUSTER}`,
    endpoint,
    certificateAuthority: { data: Buffer.from(ca).toString('base64') },
    resourcesVpcConfig: { endpointPublicAccess: false },
  };
  const watch = createKubeWatch(
    cluster,
    { token: (clusterName) => eksToken({ clusterName, region, credentials }) },
    { requestTimeoutMs: 700, backoff: { firstMs: 100, maxMs: 400 }, coalesceMs: 20 },
  );
  cleanup.push(() => watch.stop());
  return watch;
}

/** Resolves when `check` holds, polling; fails after `ms`. */
async function within<T>(ms: number, check: () => T | undefined | false): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const got = check();
    if (got) return got;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const meta = (o: JsonObject) => o['metadata'] as JsonObject;
const podNamed = (w: KubeWatch, name: string) => w.current().pods.find((p: V1Pod) => p.metadata?.name === name);

describe('list-then-watch of an EKS cluster’s Kubernetes API (informers against the fake API server)', () => {
  it('lists everything the reader reads, then sees a pod added, changed and deleted within a second, firing onChange', async () => {
    const { world, kube } = await fakeCluster();
    const watch = watcherOf(kube.url, kube.caPem, world.region);
    let changes = 0;
    watch.onChange(() => (changes += 1));
    await watch.start();
    const objects = world.kube?.[CLUSTER];
    const now = watch.current();
    expect(now.pods).toHaveLength(objects?.pods.length ?? -1);
    expect(now.nodes).toHaveLength(objects?.nodes.length ?? -1);
    expect(now.deployments).toHaveLength(objects?.deployments.length ?? -1);
    expect(now.targetGroupBindings).toHaveLength(objects?.targetgroupbindings.length ?? -1);
    await within(1000, () => watch.status() === 'watching');
    expect(watch.errors()).toEqual([]);

    const [template] = objects?.pods ?? [];
    if (!template) throw new Error('no pod');
    const added = { ...template, metadata: { ...meta(template), name: 'orders-api-7f9c-new', uid: 'uid-new' } };
    const before = changes;
    notifyKube(world, CLUSTER, 'pods', 'ADDED', added);
    await within(1000, () => podNamed(watch, 'orders-api-7f9c-new'));
    await within(1000, () => changes > before);
    notifyKube(world, CLUSTER, 'pods', 'MODIFIED', { ...added, status: { phase: 'Failed', reason: 'Evicted' } });
    await within(1000, () => podNamed(watch, 'orders-api-7f9c-new')?.status?.reason === 'Evicted');
    notifyKube(world, CLUSTER, 'pods', 'DELETED', added);
    await within(1000, () => !podNamed(watch, 'orders-api-7f9c-new'));
    expect(watch.current().pods).toHaveLength(objects?.pods.length ?? -1);
    expect(watch.calls()['k8s:list pods']).toBe(1);
  });

  it('picks up a cut stream where it was, with no relist and nothing missed', async () => {
    const { world, kube } = await fakeCluster();
    const watch = watcherOf(kube.url, kube.caPem, world.region);
    await watch.start();
    await within(1000, () => kube.calls.some((c) => c.operation === 'watch pods'));
    const [pod] = world.kube?.[CLUSTER]?.pods ?? [];
    if (!pod) throw new Error('no pod');
    kube.dropWatches();
    // Changed while no stream is open: the new watch resumes from the last resourceVersion and replays it.
    notifyKube(world, CLUSTER, 'pods', 'MODIFIED', { ...pod, status: { phase: 'Running', reason: 'AfterTheCut' } });
    await within(1500, () => podNamed(watch, str(meta(pod), 'name'))?.status?.reason === 'AfterTheCut');
    await within(1000, () => (watch.calls()['k8s:watch pods'] ?? 0) >= 2);
    // Every kind's stream was cut; each resumes on its own backoff, the pods' first.
    await within(2000, () => watch.status() === 'watching');
    expect(watch.calls()['k8s:list pods']).toBe(1);
  });

  it('relists when the resume point has expired (410), dropping what went while it was away', async () => {
    const { world, kube } = await fakeCluster();
    const watch = watcherOf(kube.url, kube.caPem, world.region);
    await watch.start();
    await within(1000, () => kube.calls.some((c) => c.operation === 'watch pods'));
    const pods = world.kube?.[CLUSTER]?.pods ?? [];
    const [gone, busy] = pods;
    if (!gone || !busy) throw new Error('no pods');
    kube.dropWatches();
    notifyKube(world, CLUSTER, 'pods', 'DELETED', gone);
    for (let i = 0; i <= KUBE_EVENT_WINDOW; i += 1) notifyKube(world, CLUSTER, 'pods', 'MODIFIED', busy);
    await within(2000, () => watch.calls()['k8s:list pods'] === 2);
    await within(1000, () => !podNamed(watch, str(meta(gone), 'name')));
    expect(watch.current().pods).toHaveLength(pods.length);
    expect(kube.calls.filter((c) => c.operation === 'list pods')).toHaveLength(2);
  });

  it('says an API server that accepts and never answers is an error within the request bound, never a hang', async () => {
    const hole = await startBlackHole();
    cleanup.push(() => hole.close());
    const watch = watcherOf(`https://127.0.0.1:${hole.port}`, '');
    const started = Date.now();
    await watch.start();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(watch.status()).toMatch(/^error: no answer in 0.7 s$/);
    const errors = watch.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ resource: `EKS cluster ${CLUSTER}`, code: 'ETIMEDOUT' });
    expect(errors[0]?.hint).toContain('private-only');
  });

  it('turns a 401 into one error for the cluster with what to grant, and keeps retrying', async () => {
    const { world, kube } = await fakeCluster('unauthorized');
    const watch = watcherOf(kube.url, kube.caPem, world.region);
    await watch.start();
    expect(watch.status()).toBe('error: 401 Unauthorized: the cluster does not know this identity');
    const errors = watch.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'Unauthorized', api: expect.stringMatching(/^k8s:list /) });
    expect(errors[0]?.hint).toContain('aws eks create-access-entry --cluster-name orders-eks');
    const listed = kube.calls.length;
    await within(1500, () => kube.calls.length > listed);
  });

  it('a cluster that is gone from the account has its watch stopped; one that comes back is listed afresh', async () => {
    const { world, kube } = await fakeCluster();
    const watches = kubeWatches({ token: (clusterName) => eksToken({ clusterName, region: world.region, credentials }) });
    cleanup.push(() => watches.close());
    const cluster: EksCluster = {
      name: CLUSTER,
      arn: `arn:aws:eks:${world.region}:123456789012:cluster/${CLUSTER}`,
      endpoint: kube.url,
      certificateAuthority: { data: Buffer.from(kube.caPem).toString('base64') },
    };
    const watching = () => kube.calls.filter((c) => c.operation === 'watch pods').length;
    const lists = () => kube.calls.filter((c) => c.operation === 'list pods').length;
    await watches.read(cluster, []);
    await within(2000, () => watching() >= 1);
    // Still in the account: a cut stream is picked up again.
    watches.retain([cluster]);
    let before = watching();
    kube.dropWatches();
    await within(3000, () => watching() > before);
    // Gone: its watch stops, and a cut stream stays cut.
    watches.retain([]);
    before = watching();
    kube.dropWatches();
    await new Promise((r) => setTimeout(r, 1500));
    expect(watching()).toBe(before);
    const listed = lists();
    await watches.read(cluster, []);
    expect(lists()).toBe(listed + 1);
  });
});
