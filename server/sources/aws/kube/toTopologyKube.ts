import type { V1Container, V1EnvVar, V1LabelSelector, V1ObjectMeta, V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';
import type { LoadBalancer as AwsLoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Subnet as AwsSubnet } from '@aws-sdk/client-ec2';
import { subnetOfIp, type EksNode, type KubeContainer, type Resource } from '../../../../src/topology/model';
import { REDACTED } from '../../../../src/topology/redact/redact';
import { opt } from '../mapping';
import type { KubeRead } from './reader';

/** The id of a Kubernetes object: `<cluster ARN>/<kind>/<namespace>/<name>` (the last segment is its name). */
export const kubeId = (clusterArn: string, kind: string, namespace: string | undefined, name: string | undefined) =>
  `${clusterArn}/${kind.toLowerCase()}/${namespace ?? ''}/${name ?? ''}`;

/** What kubectl calls a node's Kubernetes facts, keyed by node name; the instance id comes from aws:///<az>/<id>. */
export interface KubeNodeFacts {
  clusterArn: string;
  instanceId?: string;
  fargate: boolean;
  zone?: string;
  /** Label eks.amazonaws.com/nodegroup, which EKS puts on the nodes of a managed node group */
  nodeGroup?: string;
  kube: NonNullable<EksNode['kube']>;
}

export function nodeFacts(read: KubeRead): Map<string, KubeNodeFacts> {
  const podsPerNode = new Map<string, number>();
  for (const p of read.pods) if (p.spec?.nodeName) podsPerNode.set(p.spec.nodeName, (podsPerNode.get(p.spec.nodeName) ?? 0) + 1);
  const out = new Map<string, KubeNodeFacts>();
  for (const n of read.nodes) {
    const name = n.metadata?.name ?? '';
    const labels = n.metadata?.labels ?? {};
    const last = (n.spec?.providerID ?? '').split('/').pop() ?? '';
    out.set(name, {
      clusterArn: read.clusterArn,
      ...(last.startsWith('i-') ? { instanceId: last } : {}),
      fargate: labels['eks.amazonaws.com/compute-type'] === 'fargate',
      ...opt('zone', labels['topology.kubernetes.io/zone']),
      ...opt('nodeGroup', labels['eks.amazonaws.com/nodegroup'] || undefined),
      kube: {
        ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        ...opt('kubeletVersion', n.status?.nodeInfo?.kubeletVersion),
        capacity: { ...(n.status?.capacity ?? {}) },
        allocatable: { ...(n.status?.allocatable ?? {}) },
        pods: podsPerNode.get(name) ?? 0,
      },
    });
  }
  return out;
}

/** An environment variable as Fleetmap keeps it: the name, and never a literal value. */
function envOf(e: V1EnvVar): { name: string; value: string } {
  const from = e.valueFrom;
  if (from?.secretKeyRef) return { name: e.name, value: `from Secret ${from.secretKeyRef.name ?? ''} key ${from.secretKeyRef.key}` };
  if (from?.configMapKeyRef) return { name: e.name, value: `from ConfigMap ${from.configMapKeyRef.name ?? ''} key ${from.configMapKeyRef.key}` };
  if (from?.fieldRef) return { name: e.name, value: `from field ${from.fieldRef.fieldPath}` };
  if (from?.resourceFieldRef) return { name: e.name, value: `from resource ${from.resourceFieldRef.resource}` };
  return { name: e.name, value: REDACTED };
}

const quantities = (q: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(q ?? {}).map(([k, v]) => [k, String(v)]));

/** A container spec as read; redactTopology runs over the whole topology once the read is done. */
export function containerOf(c: V1Container): KubeContainer {
  return {
    name: c.name,
    image: c.image ?? '',
    ports: (c.ports ?? []).map((p) => p.containerPort),
    requests: quantities(c.resources?.requests),
    limits: quantities(c.resources?.limits),
    env: (c.env ?? []).map(envOf),
    command: c.command ?? [],
    args: c.args ?? [],
  };
}

const labelList = (labels: Record<string, string> | undefined) => Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
const controller = (m: V1ObjectMeta | undefined) => (m?.ownerReferences ?? []).find((o) => o.controller) ?? m?.ownerReferences?.[0];
/** A Kubernetes timestamp (RFC 3339 on the wire; a Date once the client has read it) as epoch milliseconds. */
const epochMs = (d: Date | string | undefined) => (d ? new Date(d).getTime() : undefined);

function podState(p: V1Pod): { status: string; ready: boolean; restarts: number } {
  const statuses = p.status?.containerStatuses ?? [];
  let status = p.status?.phase ?? 'Unknown';
  for (const c of statuses) {
    const reason = c.state?.waiting?.reason ?? c.state?.terminated?.reason;
    if (reason) {
      status = reason;
      break;
    }
  }
  if (p.metadata?.deletionTimestamp) status = 'Terminating';
  return {
    status,
    ready: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0),
  };
}

/** What Deployments, StatefulSets, DaemonSets, Jobs and ReplicaSets share: metadata, a label selector and a pod template. */
interface PodController {
  metadata?: V1ObjectMeta | undefined;
  spec?: { selector?: V1LabelSelector | undefined; template?: V1PodTemplateSpec | undefined } | undefined;
}

/** A workload's replica counts, read from the fields its kind keeps them in. */
interface WorkloadCounts {
  desired: number;
  ready: number;
  updated?: number | undefined;
  strategy?: string | undefined;
}

interface Context {
  subnets: { id: string; cidrBlock: string; az: string }[];
  loadBalancers: AwsLoadBalancer[];
}

/** Pure: one cluster's Kubernetes read → pods, workloads, Services and Ingresses. */
export function kubeResources(read: KubeRead, ctx: Context): Resource[] {
  const arn = read.clusterArn;
  const nodes = nodeFacts(read);
  const out: Resource[] = [];
  // ReplicaSets lead to their Deployment; a Deployment's newest ReplicaSet is the one with the highest revision.
  const rsOwner = new Map<string, string>();
  const newestRs = new Map<string, { name: string; revision: number }>();
  for (const rs of read.replicaSets) {
    const ns = rs.metadata?.namespace ?? '';
    const owner = controller(rs.metadata);
    if (owner?.kind !== 'Deployment') continue;
    rsOwner.set(`${ns}/${rs.metadata?.name ?? ''}`, owner.name);
    const revision = Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const key = `${ns}/${owner.name}`;
    if ((newestRs.get(key)?.revision ?? -1) < revision) newestRs.set(key, { name: rs.metadata?.name ?? '', revision });
  }

  const workloads: Resource[] = [];
  /** Every workload kind, whatever its counts are called, has the same metadata, selector and pod template. */
  const workload = (kind: string, w: PodController, counts: WorkloadCounts) =>
    workloads.push({
      kind: 'workload',
      id: kubeId(arn, kind, w.metadata?.namespace, w.metadata?.name),
      clusterArn: arn,
      namespace: w.metadata?.namespace ?? '',
      name: w.metadata?.name ?? '',
      workloadKind: kind,
      desired: counts.desired,
      ready: counts.ready,
      ...opt('updated', counts.updated),
      ...opt('strategy', counts.strategy),
      selector: labelList(w.spec?.selector?.matchLabels),
      template: (w.spec?.template?.spec?.containers ?? []).map(containerOf),
    });
  for (const d of read.deployments) {
    const ru = d.spec?.strategy?.rollingUpdate;
    const strategy =
      d.spec?.strategy?.type === 'RollingUpdate' && ru
        ? `RollingUpdate (${ru.maxUnavailable ?? '25%'} unavailable, ${ru.maxSurge ?? '25%'} surge)`
        : d.spec?.strategy?.type;
    workload('Deployment', d, { desired: d.spec?.replicas ?? 1, ready: d.status?.readyReplicas ?? 0, updated: d.status?.updatedReplicas, strategy });
  }
  for (const s of read.statefulSets)
    workload('StatefulSet', s, {
      desired: s.spec?.replicas ?? 1,
      ready: s.status?.readyReplicas ?? 0,
      updated: s.status?.updatedReplicas,
      strategy: s.spec?.updateStrategy?.type,
    });
  for (const s of read.daemonSets)
    workload('DaemonSet', s, {
      desired: s.status?.desiredNumberScheduled ?? 0,
      ready: s.status?.numberReady ?? 0,
      updated: s.status?.updatedNumberScheduled,
      strategy: s.spec?.updateStrategy?.type,
    });
  for (const j of read.jobs) workload('Job', j, { desired: j.spec?.parallelism ?? 1, ready: j.status?.ready ?? j.status?.active ?? 0 });
  // ReplicaSets nobody owns are workloads of their own.
  for (const rs of read.replicaSets)
    if (!controller(rs.metadata)) workload('ReplicaSet', rs, { desired: rs.spec?.replicas ?? 0, ready: rs.status?.readyReplicas ?? 0 });
  const known = new Set(workloads.map((w) => w.id));
  out.push(...workloads);

  const podsByWorkload = new Map<string, V1Pod[]>();
  for (const p of read.pods) {
    const m = p.metadata;
    const ns = m?.namespace ?? '';
    const owners: string[] = [];
    let workloadId: string | undefined;
    let oldRevision = false;
    const owner = controller(m);
    if (owner) {
      owners.push(`${owner.kind} ${owner.name}`);
      const deployment = owner.kind === 'ReplicaSet' ? rsOwner.get(`${ns}/${owner.name}`) : undefined;
      if (deployment) {
        owners.push(`Deployment ${deployment}`);
        workloadId = kubeId(arn, 'Deployment', ns, deployment);
        const newest = newestRs.get(`${ns}/${deployment}`);
        oldRevision = newest !== undefined && newest.name !== owner.name;
      } else {
        workloadId = kubeId(arn, owner.kind, ns, owner.name);
      }
      if (!known.has(workloadId)) workloadId = undefined;
    }
    const node = p.spec?.nodeName ? nodes.get(p.spec.nodeName) : undefined;
    const ip = p.status?.podIP;
    const subnet = ip ? subnetOfIp(ctx.subnets, ip) : undefined;
    const { status, ready, restarts } = podState(p);
    const hash = m?.labels?.['pod-template-hash'];
    out.push({
      kind: 'pod',
      id: kubeId(arn, 'pod', ns, m?.name),
      clusterArn: arn,
      namespace: ns,
      name: m?.name ?? '',
      ...opt('nodeName', p.spec?.nodeName),
      ...opt('instanceId', node?.instanceId),
      fargate: node?.fargate ?? false,
      phase: p.status?.phase ?? 'Unknown',
      status,
      ready,
      restarts,
      ...opt('podIp', ip),
      ...opt('subnetId', subnet?.id),
      ...opt('az', subnet?.az ?? node?.zone),
      ...opt('workloadId', workloadId),
      owners,
      ...opt('revision', hash),
      oldRevision,
      ...opt('startedAt', epochMs(p.status?.startTime)),
      ...opt('qosClass', p.status?.qosClass),
      containers: (p.spec?.containers ?? []).map(containerOf),
      containerStatuses: (p.status?.containerStatuses ?? []).map((c) => {
        const last = c.lastState?.terminated;
        const state = c.state?.running ? 'running' : c.state?.waiting ? 'waiting' : c.state?.terminated ? 'terminated' : 'unknown';
        return {
          name: c.name,
          ready: c.ready,
          restarts: c.restartCount,
          state,
          ...opt('reason', c.state?.waiting?.reason ?? c.state?.terminated?.reason),
          ...opt('lastTermination', last ? `${last.reason ?? 'Terminated'} (exit ${last.exitCode})` : undefined),
        };
      }),
    });
    if (workloadId) podsByWorkload.set(workloadId, [...(podsByWorkload.get(workloadId) ?? []), p]);
  }

  // Services select pods by label; the Load Balancer Controller binds target groups to them.
  const podWorkload = new Map<V1Pod, string>();
  for (const [id, pods] of podsByWorkload) for (const p of pods) podWorkload.set(p, id);
  for (const s of read.services) {
    const ns = s.metadata?.namespace ?? '';
    const selector = Object.entries(s.spec?.selector ?? {});
    const selected = selector.length ? read.pods.filter((p) => p.metadata?.namespace === ns && selector.every(([k, v]) => p.metadata?.labels?.[k] === v)) : [];
    out.push({
      kind: 'kubeService',
      id: kubeId(arn, 'Service', ns, s.metadata?.name),
      clusterArn: arn,
      namespace: ns,
      name: s.metadata?.name ?? '',
      type: s.spec?.type ?? 'ClusterIP',
      selector: selector.map(([k, v]) => `${k}=${v}`),
      ports: (s.spec?.ports ?? []).map((p) => `${p.port}→${String(p.targetPort ?? p.port)}/${p.protocol ?? 'TCP'}`),
      targetGroupArns: read.targetGroupBindings
        .filter((b) => b.metadata?.namespace === ns && b.spec?.serviceRef?.name === s.metadata?.name && b.spec?.targetGroupARN)
        .map((b) => b.spec?.targetGroupARN ?? ''),
      workloadIds: [...new Set(selected.flatMap((p) => podWorkload.get(p) ?? []))],
      ...opt('hostname', s.status?.loadBalancer?.ingress?.[0]?.hostname),
    });
  }
  for (const i of read.ingresses) {
    const hostname = i.status?.loadBalancer?.ingress?.[0]?.hostname;
    const lb = hostname ? ctx.loadBalancers.find((l) => l.DNSName === hostname) : undefined;
    out.push({
      kind: 'ingress',
      id: kubeId(arn, 'Ingress', i.metadata?.namespace, i.metadata?.name),
      clusterArn: arn,
      namespace: i.metadata?.namespace ?? '',
      name: i.metadata?.name ?? '',
      ...opt('className', i.spec?.ingressClassName),
      ...opt('hostname', hostname),
      ...opt('loadBalancerArn', lb?.LoadBalancerArn),
      rules: (i.spec?.rules ?? []).flatMap((r) =>
        (r.http?.paths ?? []).map(
          (p) =>
            `${r.host ?? '*'}${p.path ?? '/'} → ${p.backend.service?.name ?? p.backend.resource?.name ?? '?'}:${p.backend.service?.port?.number ?? p.backend.service?.port?.name ?? ''}`,
        ),
      ),
    });
  }
  return out;
}

/** Subnets as the Kubernetes mapping needs them. */
export function subnetBlocks(subnets: AwsSubnet[]): Context['subnets'] {
  return subnets.flatMap((s) => (s.SubnetId && s.CidrBlock ? [{ id: s.SubnetId, cidrBlock: s.CidrBlock, az: s.AvailabilityZone ?? '' }] : []));
}
