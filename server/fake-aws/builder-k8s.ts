import type { WorldBuilder } from './builder';
import { str, type JsonObject, type KubeObjects, type World } from './world';

/**
 * What an EKS cluster's Kubernetes API holds, built as the cluster itself would have made it: a Node per node-group
 * instance (provider id aws:///<az>/<instance-id>, zone and node-group labels), a Fargate node per Fargate pod,
 * workloads with the owner chain Deployment → ReplicaSet → Pod, and, for an Ingress, the ALB, target groups,
 * TargetGroupBindings and pod-IP target health the AWS Load Balancer Controller creates.
 */

export function kubeOf(w: World, cluster: string): KubeObjects {
  w.kube ??= {};
  w.kube[cluster] ??= {
    nodes: [],
    namespaces: [],
    pods: [],
    services: [],
    deployments: [],
    replicasets: [],
    daemonsets: [],
    statefulsets: [],
    jobs: [],
    ingresses: [],
    targetgroupbindings: [],
  };
  return w.kube[cluster];
}

export const uid = (b: WorldBuilder) => `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`;
export const meta = (o: JsonObject) => o['metadata'] as JsonObject;
export const nameOf = (o: JsonObject) => str(meta(o), 'name');

function ensureNamespace(b: WorldBuilder, kube: KubeObjects, namespace: string): void {
  if (kube.namespaces.some((n) => nameOf(n) === namespace)) return;
  kube.namespaces.push({
    metadata: { name: namespace, uid: uid(b), creationTimestamp: b.iso(30 * 86400), labels: { 'kubernetes.io/metadata.name': namespace } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
}

function nodeObject(
  b: WorldBuilder,
  spec: {
    name: string;
    az: string;
    ip: string;
    instanceType?: string;
    providerId: string;
    labels: Record<string, string>;
    cpu: number;
    memGi: number;
    pods: number;
  },
): JsonObject {
  const w = b.worldRef();
  return {
    metadata: {
      name: spec.name,
      uid: uid(b),
      creationTimestamp: b.iso(3 * 86400),
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/region': w.region,
        'topology.kubernetes.io/zone': spec.az,
        ...(spec.instanceType ? { 'node.kubernetes.io/instance-type': spec.instanceType } : {}),
        ...spec.labels,
      },
    },
    spec: { providerID: spec.providerId },
    status: {
      capacity: { cpu: String(spec.cpu), memory: `${spec.memGi * 1024 * 1024}Ki`, pods: String(spec.pods) },
      allocatable: { cpu: `${spec.cpu * 1000 - 70}m`, memory: `${Math.round(spec.memGi * 0.9 * 1024 * 1024)}Ki`, pods: String(spec.pods) },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: spec.ip },
        { type: 'Hostname', address: spec.name },
      ],
      nodeInfo: { kubeletVersion: 'v1.31.4-eks-1a2b3c4', containerRuntimeVersion: 'containerd://1.7.25', osImage: 'Amazon Linux 2023', architecture: 'amd64' },
    },
  };
}

const SIZES: Record<string, { cpu: number; memGi: number; pods: number }> = {
  'm6i.large': { cpu: 2, memGi: 8, pods: 29 },
  'm6i.xlarge': { cpu: 4, memGi: 16, pods: 58 },
  'm6i.2xlarge': { cpu: 8, memGi: 32, pods: 58 },
};

/** The cluster's Kubernetes API, with a Node for each of its node-group instances. Call after its node groups. */
export function addKubeApi(b: WorldBuilder, cluster: string): void {
  const w = b.worldRef();
  const kube = kubeOf(w, cluster);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) ensureNamespace(b, kube, ns);
  for (const inst of w.ec2.instances) {
    const tags = new Map((inst['tagSet'] as JsonObject[]).map((t) => [str(t, 'key'), str(t, 'value')]));
    if (tags.get('eks:cluster-name') !== cluster) continue;
    const name = str(inst, 'privateDnsName');
    if (kube.nodes.some((n) => nameOf(n) === name)) continue;
    const az = str(inst['placement'] as JsonObject, 'availabilityZone');
    const type = str(inst, 'instanceType');
    kube.nodes.push(
      nodeObject(b, {
        name,
        az,
        ip: str(inst, 'privateIpAddress'),
        instanceType: type,
        providerId: `aws:///${az}/${str(inst, 'instanceId')}`,
        labels: {
          'eks.amazonaws.com/nodegroup': tags.get('eks:nodegroup-name') ?? '',
          'eks.amazonaws.com/capacityType': str(inst, 'instanceLifecycle') === 'spot' ? 'SPOT' : 'ON_DEMAND',
        },
        ...(SIZES[type] ?? { cpu: 2, memGi: 8, pods: 29 }),
      }),
    );
  }
}

export interface WorkloadSpec {
  namespace: string;
  name: string;
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';
  /** Ignored for a DaemonSet, which runs one pod per (non-Fargate) node */
  replicas?: number;
  image: string;
  port?: number;
  requests?: { cpu: string; memory: string };
  limits?: { cpu?: string; memory?: string };
  /** Plain environment values (the reader must never pass them on) */
  env?: Record<string, string>;
  /** Environment variables from Secrets: name → secret/key */
  secretEnv?: Record<string, string>;
  /** Run on Fargate: each pod gets its own Fargate node in one of these subnets */
  fargateSubnets?: string[];
  /** Pods (by index) stuck in CrashLoopBackOff */
  crashLooping?: number[];
  /** Pods (by index) still on the previous ReplicaSet, as during a rollout */
  previous?: number[];
}

function podName(base: string, kind: WorkloadSpec['kind'], i: number, b: WorldBuilder): string {
  if (kind === 'StatefulSet') return `${base}-${i}`;
  if (kind === 'DaemonSet' || kind === 'Job') return `${base}-${b.hex(5)}`;
  return `${base}-${b.hex(5)}`;
}

interface PlacedNode {
  name: string;
  subnetId: string;
}

/** Worker nodes of the cluster (not Fargate), with their subnets, from the EC2 instances behind them. */
function workers(w: World, kube: KubeObjects): PlacedNode[] {
  return kube.nodes
    .filter((n) => (meta(n)['labels'] as JsonObject)['eks.amazonaws.com/compute-type'] !== 'fargate')
    .map((n) => ({ name: nameOf(n), subnetId: str(w.ec2.instances.find((i) => str(i, 'privateDnsName') === nameOf(n)) ?? {}, 'subnetId') }));
}

/** A workload and its pods, placed on the least busy nodes (or Fargate). Returns the pods' labels selector. */
export function addWorkload(b: WorldBuilder, cluster: string, spec: WorkloadSpec): Record<string, string> {
  const w = b.worldRef();
  const kube = kubeOf(w, cluster);
  ensureNamespace(b, kube, spec.namespace);
  const labels = { 'app.kubernetes.io/name': spec.name };
  const container: JsonObject = {
    name: spec.name,
    image: spec.image,
    ...(spec.port ? { ports: [{ containerPort: spec.port, protocol: 'TCP' }] } : {}),
    env: [
      ...Object.entries(spec.env ?? {}).map(([name, value]) => ({ name, value })),
      ...Object.entries(spec.secretEnv ?? {}).map(([name, ref]) => {
        const [secret = '', key = ''] = ref.split('/');
        return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
      }),
    ],
    resources: {
      ...(spec.requests ? { requests: spec.requests } : {}),
      ...(spec.limits ? { limits: spec.limits } : {}),
    },
    imagePullPolicy: 'IfNotPresent',
  };
  const template: JsonObject = { metadata: { labels }, spec: { containers: [container], restartPolicy: spec.kind === 'Job' ? 'Never' : 'Always' } };
  const nodes = workers(w, kube);
  const count = spec.kind === 'DaemonSet' ? nodes.length : (spec.replicas ?? 1);
  const workloadUid = uid(b);
  const workloadMeta = { name: spec.name, namespace: spec.namespace, uid: workloadUid, creationTimestamp: b.iso(10 * 86400), generation: 3, labels };
  const crash = new Set(spec.crashLooping ?? []);
  const ready = count - crash.size;
  const owners: { kind: string; name: string; uid: string; hash?: string }[] = [];
  if (spec.kind === 'Deployment') {
    w.kube![cluster]!.deployments.push({
      metadata: workloadMeta,
      spec: {
        replicas: count,
        selector: { matchLabels: labels },
        template,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      },
      status: {
        observedGeneration: 3,
        replicas: count,
        updatedReplicas: count - (spec.previous?.length ?? 0),
        readyReplicas: ready,
        availableReplicas: ready,
        ...(crash.size ? { unavailableReplicas: crash.size } : {}),
      },
    });
    const revisions = spec.previous?.length ? 2 : 1;
    for (let r = 1; r <= revisions; r++) {
      const hash = b
        .hex(10)
        .replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)] ?? 'x')
        .slice(0, 10);
      const rsName = `${spec.name}-${hash}`;
      const rsUid = uid(b);
      const current = r === revisions;
      const here = current ? count - (spec.previous?.length ?? 0) : (spec.previous?.length ?? 0);
      kube.replicasets.push({
        metadata: {
          name: rsName,
          namespace: spec.namespace,
          uid: rsUid,
          creationTimestamp: b.iso((current ? 1 : 10) * 86400),
          labels: { ...labels, 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/revision': String(r) },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name, uid: workloadUid, controller: true, blockOwnerDeletion: true }],
        },
        spec: { replicas: here, selector: { matchLabels: { ...labels, 'pod-template-hash': hash } }, template },
        status: { replicas: here, readyReplicas: here, availableReplicas: here },
      });
      owners.push({ kind: 'ReplicaSet', name: rsName, uid: rsUid, hash });
    }
  } else {
    const kindList = { StatefulSet: kube.statefulsets, DaemonSet: kube.daemonsets, Job: kube.jobs }[spec.kind];
    const status: JsonObject =
      spec.kind === 'DaemonSet'
        ? { desiredNumberScheduled: count, currentNumberScheduled: count, numberReady: ready, numberAvailable: ready, updatedNumberScheduled: count }
        : spec.kind === 'Job'
          ? { active: count, ready, startTime: b.iso(3600) }
          : { replicas: count, readyReplicas: ready, availableReplicas: ready, currentReplicas: count, updatedReplicas: count };
    kindList.push({
      metadata: workloadMeta,
      spec: {
        ...(spec.kind === 'Job' ? { parallelism: count, completions: count } : spec.kind === 'StatefulSet' ? { replicas: count, serviceName: spec.name } : {}),
        selector: { matchLabels: labels },
        template,
        ...(spec.kind === 'DaemonSet'
          ? { updateStrategy: { type: 'RollingUpdate' } }
          : spec.kind === 'StatefulSet'
            ? { updateStrategy: { type: 'RollingUpdate' } }
            : {}),
      },
      status,
    });
    owners.push({ kind: spec.kind, name: spec.name, uid: workloadUid });
  }
  const busy = new Map<string, number>();
  for (const p of kube.pods) {
    const n = str(p['spec'] as JsonObject, 'nodeName');
    busy.set(n, (busy.get(n) ?? 0) + 1);
  }
  for (let i = 0; i < count; i++) {
    const owner = owners.length > 1 && (spec.previous ?? []).includes(i) ? owners[0]! : owners[owners.length - 1]!;
    let node: PlacedNode;
    let ip: string;
    if (spec.fargateSubnets?.length) {
      const subnetId = spec.fargateSubnets[i % spec.fargateSubnets.length] ?? '';
      ip = b.ip(subnetId);
      const az = b.subnetAz(subnetId);
      const name = `fargate-ip-${ip.replaceAll('.', '-')}.ec2.internal`;
      kube.nodes.push(
        nodeObject(b, {
          name,
          az,
          ip,
          providerId: `aws:///${az}/${b.hex(32)}/${name}`,
          labels: { 'eks.amazonaws.com/compute-type': 'fargate', 'eks.amazonaws.com/fargate-profile': 'batch' },
          cpu: 1,
          memGi: 2,
          pods: 1,
        }),
      );
      node = { name, subnetId };
    } else {
      node = spec.kind === 'DaemonSet' ? nodes[i]! : [...nodes].sort((a, c) => (busy.get(a.name) ?? 0) - (busy.get(c.name) ?? 0))[0]!;
      // The VPC CNI gives each pod a secondary IP of its node's subnet.
      ip = b.ip(node.subnetId);
    }
    busy.set(node.name, (busy.get(node.name) ?? 0) + 1);
    const crashing = crash.has(i);
    const started = b.iso(crashing ? 1800 : 2 * 86400);
    kube.pods.push({
      metadata: {
        name: podName(owner.kind === 'ReplicaSet' ? owner.name : spec.name, spec.kind, i, b),
        namespace: spec.namespace,
        uid: uid(b),
        creationTimestamp: started,
        labels: {
          ...labels,
          ...(owner.hash ? { 'pod-template-hash': owner.hash } : {}),
          ...(spec.fargateSubnets?.length ? { 'eks.amazonaws.com/fargate-profile': 'batch' } : {}),
        },
        ownerReferences: [
          {
            apiVersion: owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
            kind: owner.kind,
            name: owner.name,
            uid: owner.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...(template['spec'] as JsonObject), nodeName: node.name, serviceAccountName: 'default' },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: crashing ? 'False' : 'True', ...(crashing ? { reason: 'ContainersNotReady' } : {}) },
          { type: 'PodScheduled', status: 'True' },
        ],
        podIP: ip,
        podIPs: [{ ip }],
        startTime: started,
        qosClass: spec.limits ? 'Burstable' : 'BestEffort',
        containerStatuses: [
          {
            name: spec.name,
            image: spec.image,
            imageID: `${spec.image.split(':')[0]}@sha256:${b.hex(64)}`,
            ready: !crashing,
            started: !crashing,
            restartCount: crashing ? 14 : 0,
            state: crashing
              ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${spec.name}` } }
              : { running: { startedAt: started } },
            ...(crashing ? { lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: b.iso(400), finishedAt: b.iso(390) } } } : {}),
          },
        ],
      },
    });
  }
  return labels;
}
