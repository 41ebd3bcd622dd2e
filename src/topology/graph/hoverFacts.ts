import { resourceOf, type Topology } from '../model';
import { counted } from './counts';
import { ipWords, subnetFacts, vpcFacts } from './networkFacts';
import { nodeGroupFacts } from './nodeGroupFacts';

/**
 * Pure: the key facts of a subnet, the VPC or a node group in one line, for a box's tooltip; the panel holds the rest.
 * Undefined for any other id, whose box says its facts itself.
 */
export function hoverFacts(topology: Topology, id: string): string | undefined {
  const r = topology.resources[id];
  switch (r?.kind) {
    case 'subnet': {
      const f = subnetFacts(topology, r);
      return [`Subnet ${r.name ?? r.id}`, r.az, r.cidrBlock, f.reach, `IPs: ${ipWords(f.ips)}`, `${counted(f.tasks, 'task')}, ${counted(f.pods, 'pod')}`].join(
        ' · ',
      );
    }
    case 'vpc': {
      const f = vpcFacts(topology, r);
      const t = f.totals;
      return [
        `VPC ${r.name ?? r.id}`,
        r.cidrBlock,
        `${counted(t.subnets, 'subnet')} (${t.public} public, ${t.private} private${t.isolated ? `, ${t.isolated} isolated` : ''})`,
        `IPs: ${ipWords(f.ips)}`,
      ].join(' · ');
    }
    case 'nodeGroup': {
      const f = nodeGroupFacts(topology, r);
      const cluster = resourceOf(topology, 'eksCluster', r.clusterArn)?.name;
      // Its problems say its status when it is not ACTIVE; a healthy group says ACTIVE.
      return [
        `Node group ${r.name}${cluster ? ` of ${cluster}` : ''}`,
        `${f.ready}/${r.scaling.desired} Ready`,
        ...(f.problems.length ? f.problems : [r.status]),
      ].join(' · ');
    }
    default:
      return undefined;
  }
}
