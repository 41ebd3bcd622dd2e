import { shortId, type Resource, type Topology } from '../model';

export interface SearchHit {
  id: string;
  kind: Resource['kind'];
  label: string;
  detail: string;
}

const SEARCHABLE: Partial<Record<Resource['kind'], (r: Resource) => { label: string; detail: string; terms: string[] }>> = {
  service: (r) => (r.kind === 'service' ? { label: r.name, detail: `service · ${r.running}/${r.desired} running`, terms: [r.name, r.id] } : none),
  task: (r) => {
    if (r.kind !== 'task') return none;
    return { label: shortId(r.id), detail: `task · ${r.group ?? ''} · ${r.privateIp ?? ''} · ${r.az ?? ''}`, terms: [r.id, r.group ?? '', r.privateIp ?? ''] };
  },
  loadBalancer: (r) =>
    r.kind === 'loadBalancer' ? { label: r.name, detail: `load balancer · ${r.type} · ${r.dnsName ?? ''}`, terms: [r.name, r.id, r.dnsName ?? ''] } : none,
  targetGroup: (r) =>
    r.kind === 'targetGroup' ? { label: r.name, detail: `target group · ${r.protocol ?? ''}:${r.port ?? ''}`, terms: [r.name, r.id] } : none,
  containerInstance: (r) =>
    r.kind === 'containerInstance'
      ? { label: r.ec2InstanceId ?? r.id, detail: `EC2 container instance · ${r.instanceType ?? ''}`, terms: [r.id, r.ec2InstanceId ?? ''] }
      : none,
  cluster: (r) => (r.kind === 'cluster' ? { label: r.name, detail: 'cluster', terms: [r.name, r.id] } : none),
  eksCluster: (r) => (r.kind === 'eksCluster' ? { label: r.name, detail: `EKS cluster · ${r.version ?? ''}`, terms: [r.name, r.id] } : none),
  eksNode: (r) =>
    r.kind === 'eksNode'
      ? { label: r.name, detail: `EKS node · ${r.instanceType ?? ''} · ${r.privateIp ?? ''}`, terms: [r.name, r.id, r.privateIp ?? ''] }
      : none,
  pod: (r) =>
    r.kind === 'pod'
      ? { label: r.name, detail: `pod · ${r.namespace} · ${r.status} · ${r.podIp ?? ''} · ${r.az ?? ''}`, terms: [r.name, r.podIp ?? '', r.nodeName ?? ''] }
      : none,
  workload: (r) =>
    r.kind === 'workload'
      ? { label: r.name, detail: `${r.workloadKind} · ${r.namespace} · ${r.ready}/${r.desired} ready`, terms: [r.name, `${r.namespace}/${r.name}`] }
      : none,
};
const none = { label: '', detail: '', terms: [] };

/** Resources whose name, id, IP or DNS name contains the query (case-insensitive); names that start with it first. */
export function searchTopology(topology: Topology, query: string, limit = 12): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: (SearchHit & { rank: number })[] = [];
  for (const r of Object.values(topology.resources)) {
    const describe = SEARCHABLE[r.kind];
    if (!describe) continue;
    const { label, detail, terms } = describe(r);
    if (!terms.some((t) => t.toLowerCase().includes(q))) continue;
    const rank = label.toLowerCase() === q ? 0 : label.toLowerCase().startsWith(q) ? 1 : 2;
    hits.push({ id: r.id, kind: r.kind, label, detail, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return hits.slice(0, limit).map(({ rank: _rank, ...hit }) => hit);
}
