import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../../src/topology/model';
import { demoWorld } from '../../../fake-aws/demo';
import { readThroughFake } from '../../../fake-aws/readWorld';
import type { KubeRead } from './reader';
import { kubeId, kubeResources } from './toTopologyKube';

const world = demoWorld();

describe('Kubernetes times in the topology', () => {
  it('gives a pod its status.startTime in epoch milliseconds, the unit of an ECS task start', async () => {
    const { topology } = await readThroughFake({ world });
    const startTimes = new Map<string, string>();
    for (const kube of Object.values(world.kube ?? {})) {
      for (const pod of kube.pods ?? []) {
        const meta = pod['metadata'] as { name: string };
        const status = pod['status'] as { startTime?: string };
        if (status.startTime) startTimes.set(meta.name, status.startTime);
      }
    }
    const pods = resourcesOf(topology, 'pod').filter((p) => p.startedAt !== undefined);
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(pod.startedAt).toBe(Date.parse(startTimes.get(pod.name) ?? ''));
    // The demo's tasks and pods started within days of each other: one unit puts them on one time line.
    const task = resourcesOf(topology, 'task').find((t) => t.startedAt !== undefined);
    expect(Math.abs((task?.startedAt ?? 0) - (pods[0]?.startedAt ?? 0))).toBeLessThan(30 * 86_400_000);
  });
});

describe('Kubernetes workloads in the topology', () => {
  const arn = 'arn:aws:eks:us-east-1:123456789012:cluster/orders';
  const meta = (name: string, extra: object = {}) => ({ name, namespace: 'orders', uid: `uid-${name}`, ...extra });
  const template = (image: string) => ({ metadata: {}, spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] } });
  const selector = (app: string) => ({ matchLabels: { app } });
  const read: KubeRead = {
    clusterName: 'orders',
    clusterArn: arn,
    nodes: [],
    pods: [],
    services: [],
    ingresses: [],
    targetGroupBindings: [],
    deployments: [
      {
        metadata: meta('api'),
        spec: { replicas: 4, selector: selector('api'), template: template('api:2'), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
        status: { readyReplicas: 3, updatedReplicas: 2 },
      },
    ],
    statefulSets: [
      {
        metadata: meta('db'),
        spec: { replicas: 3, selector: selector('db'), template: template('postgres:16'), serviceName: 'db', updateStrategy: { type: 'OnDelete' } },
        status: { replicas: 3, readyReplicas: 2, updatedReplicas: 1 },
      },
    ],
    daemonSets: [
      {
        metadata: meta('agent'),
        spec: { selector: selector('agent'), template: template('agent:1'), updateStrategy: { type: 'RollingUpdate' } },
        status: { desiredNumberScheduled: 5, numberReady: 4, updatedNumberScheduled: 5, currentNumberScheduled: 5, numberMisscheduled: 0 },
      },
    ],
    jobs: [{ metadata: meta('export'), spec: { parallelism: 2, template: template('exporter:1') }, status: { active: 2 } }],
    replicaSets: [
      // One a Deployment owns (no workload of its own), one nobody owns.
      {
        metadata: meta('api-7d9f', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'uid-api', controller: true }] }),
        spec: { replicas: 4, selector: selector('api'), template: template('api:2') },
        status: { replicas: 4, readyReplicas: 3 },
      },
      { metadata: meta('legacy'), spec: { selector: selector('legacy'), template: template('legacy:1') }, status: { replicas: 1 } },
    ],
  };

  it('reads each kind’s counts from the fields that kind keeps them in, with its selector and pod template', () => {
    const workloads = kubeResources(read, { subnets: [], loadBalancers: [] }).filter((r) => r.kind === 'workload');
    const container = (image: string) => [{ name: 'app', image, ports: [8080], requests: {}, limits: {}, env: [], command: [], args: [] }];
    const base = (kind: string, name: string) => ({
      kind: 'workload',
      id: kubeId(arn, kind, 'orders', name),
      clusterArn: arn,
      namespace: 'orders',
      name,
      workloadKind: kind,
    });
    expect(workloads).toEqual([
      {
        ...base('Deployment', 'api'),
        desired: 4,
        ready: 3,
        updated: 2,
        strategy: 'RollingUpdate (25% unavailable, 1 surge)',
        selector: ['app=api'],
        template: container('api:2'),
      },
      { ...base('StatefulSet', 'db'), desired: 3, ready: 2, updated: 1, strategy: 'OnDelete', selector: ['app=db'], template: container('postgres:16') },
      { ...base('DaemonSet', 'agent'), desired: 5, ready: 4, updated: 5, strategy: 'RollingUpdate', selector: ['app=agent'], template: container('agent:1') },
      // A Job names no selector unless one is given by hand; `ready` is missing on older API servers, so active pods count.
      { ...base('Job', 'export'), desired: 2, ready: 2, selector: [], template: container('exporter:1') },
      // A ReplicaSet with no replica count asks for none; an owned one is its Deployment's, not a workload.
      { ...base('ReplicaSet', 'legacy'), desired: 0, ready: 0, selector: ['app=legacy'], template: container('legacy:1') },
    ]);
  });
});
