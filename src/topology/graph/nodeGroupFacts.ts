import { resourceOf, resourcesOf, type EksCluster, type EksNode, type NodeGroup, type Subnet, type Topology } from '../model';
import { counted } from './counts';

/** A worker node's readiness: Kubernetes' Ready condition, or not read when the cluster's API could not be. */
export type NodeReadiness = 'Ready' | 'NotReady' | 'not read';

export interface NodeGroupNode {
  node: EksNode;
  readiness: NodeReadiness;
  /** Pods read on it */
  pods: number;
}

export interface NodeGroupFacts {
  group: NodeGroup;
  cluster?: EksCluster;
  nodes: NodeGroupNode[];
  /** EC2 instances in the running state */
  running: number;
  ready: number;
  /** The kubelet versions its nodes report, in order; the cluster's control plane version is cluster.version */
  kubeletVersions: string[];
  /** "control plane 1.31 · node group 1.31 (AMI release 1.31.4-20250116) · kubelet v1.31.4-eks-…", each "not read" when it was not */
  versions: string;
  /** Its subnets, with the AZ of those read */
  subnets: { id: string; subnet?: Subnet }[];
  /** What a person should look at first: a status other than ACTIVE, EKS's health issues, missing or unready nodes */
  problems: string[];
}

const readinessOf = (n: EksNode): NodeReadiness => (n.kube ? (n.kube.ready ? 'Ready' : 'NotReady') : 'not read');

/**
 * A node is the group's when EC2 names its group's ARN, or, when DescribeNodegroup's ARN was not joined, when the
 * eks:nodegroup-name tag names it in the same cluster (group names are unique per cluster only).
 */
const belongs = (g: NodeGroup) => (n: EksNode) =>
  n.nodeGroupArn === g.id || (n.nodeGroupArn === undefined && n.clusterArn === g.clusterArn && n.nodeGroupName === g.name);

/** Pure: the managed node group a worker node belongs to; undefined for a self-managed node or a group not read. */
export function nodeGroupOf(topology: Topology, node: EksNode): NodeGroup | undefined {
  return resourcesOf(topology, 'nodeGroup').find((g) => belongs(g)(node));
}

/** Pure: the versions a person compares when a group lags its control plane after an upgrade. */
function versionWords(cluster: EksCluster | undefined, group: NodeGroup, kubelets: readonly string[]): string {
  const release = group.releaseVersion ? ` (AMI release ${group.releaseVersion})` : '';
  return [
    `control plane ${cluster?.version ?? 'not read'}`,
    `node group ${group.version ?? 'not known'}${release}`,
    `kubelet ${kubelets.join(', ') || 'not read'}`,
  ].join(' · ');
}

/** Pure: a managed node group's state, scaling, nodes with readiness and versions, and its problems in words. */
export function nodeGroupFacts(topology: Topology, group: NodeGroup): NodeGroupFacts {
  const podsOn = new Map<string, number>();
  for (const p of resourcesOf(topology, 'pod')) if (p.instanceId && !p.fargate) podsOn.set(p.instanceId, (podsOn.get(p.instanceId) ?? 0) + 1);
  const nodes = resourcesOf(topology, 'eksNode')
    .filter(belongs(group))
    .map((node) => ({ node, readiness: readinessOf(node), pods: podsOn.get(node.id) ?? 0 }));
  const running = nodes.filter((n) => n.node.state === 'running').length;
  const ready = nodes.filter((n) => n.readiness === 'Ready').length;
  const notReady = nodes.filter((n) => n.readiness === 'NotReady').length;
  const cluster = resourceOf(topology, 'eksCluster', group.clusterArn);
  const problems = [
    ...(group.status === 'ACTIVE' ? [] : [`status ${group.status}`]),
    ...group.healthIssues,
    ...(running < group.scaling.desired ? [`${running} of ${group.scaling.desired} desired nodes running`] : []),
    ...(notReady ? [`${counted(notReady, 'node')} not Ready`] : []),
  ];
  const kubeletVersions = [...new Set(nodes.flatMap((n) => (n.node.kube?.kubeletVersion ? [n.node.kube.kubeletVersion] : [])))].sort();
  return {
    group,
    ...(cluster ? { cluster } : {}),
    nodes,
    running,
    ready,
    kubeletVersions,
    versions: versionWords(cluster, group, kubeletVersions),
    subnets: group.subnetIds.map((id) => {
      const subnet = resourceOf(topology, 'subnet', id);
      return { id, ...(subnet ? { subnet } : {}) };
    }),
    problems,
  };
}

/** Pure: an EKS cluster's managed node groups by name, each with its facts. */
export function nodeGroupsOf(topology: Topology, cluster: EksCluster): NodeGroupFacts[] {
  return resourcesOf(topology, 'nodeGroup')
    .filter((g) => g.clusterArn === cluster.id)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((g) => nodeGroupFacts(topology, g));
}
