import { type EksNode, type Topology, shortId } from '../model';
import { joinOne, relations } from './relations';
import type { GraphNode } from './types';

function sizeOf(q: string | undefined): string {
  if (!q) return '';
  const ki = /^(\d+)Ki$/.exec(q);
  return ki ? `${(Number(ki[1]) / 1024 / 1024).toFixed(1)} GiB` : q;
}

/** An EKS worker node as the map draws it: the box its pods sit in, inside its subnet. */
export function eksNodeOf(n: EksNode, parent: string, topology: Topology): GraphNode {
  const cluster = joinOne(topology, relations.eksNodeCluster, n)[0]?.to;
  const group = joinOne(topology, relations.eksNodeGroup, n)[0]?.to;
  const k = n.kube;
  return {
    kind: 'node',
    id: n.id,
    parent,
    label: n.name.split('.')[0] ?? n.name,
    cluster: cluster?.name ?? shortId(n.clusterArn),
    // A node group that could not be described is still named by its instances' tags: only tagless nodes are self-managed.
    nodeGroup: group?.name ?? n.nodeGroupName ?? 'self-managed',
    instanceType: n.instanceType ?? '',
    spot: n.lifecycle === 'spot',
    state: n.state,
    ...(k
      ? { usage: `${k.pods}/${k.allocatable['pods'] ?? '?'} pods · ${k.allocatable['cpu'] ?? '?'} cpu · ${sizeOf(k.allocatable['memory'])}`, ready: k.ready }
      : {}),
  };
}
