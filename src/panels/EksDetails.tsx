import { counted } from '../topology/graph/counts';
import { nodeGroupFacts, nodeGroupOf, nodeGroupsOf } from '../topology/graph/nodeGroupFacts';
import type { EksCluster, EksNode, FargateProfile, NodeGroup, Topology } from '../topology/model';
import { resourcesOf } from '../topology/model';
import { Go } from './Go';
import { Facts, ProblemList, Section } from './Section';

const quantity = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** A node's group in brief, its problems first, with a link to the group's own panel (every node, versions, subnets). */
function NodeGroupSummary({ group, topology }: { group: NodeGroup; topology: Topology }) {
  const f = nodeGroupFacts(topology, group);
  return (
    <Section title={`Node group ${group.name}`}>
      <ProblemList problems={f.problems} />
      <Facts
        rows={[
          ['status', group.status],
          ['scaling', `${group.scaling.desired} desired (min ${group.scaling.min}, max ${group.scaling.max}) · ${f.ready} Ready`],
          ['version', group.releaseVersion ?? group.version],
          ['details', <Go id={group.id}>{`open node group ${group.name}`}</Go>],
        ]}
      />
    </Section>
  );
}

/** An EKS worker node: where it runs, its pods, and its node group in brief with a link to the group's panel. */
export function EksNodeDetails({ node, topology }: { node: EksNode; topology: Topology }) {
  const cluster = resourcesOf(topology, 'eksCluster').find((c) => c.id === node.clusterArn);
  const group = nodeGroupOf(topology, node);
  const pods = resourcesOf(topology, 'pod').filter((p) => p.instanceId === node.id);
  return (
    <>
      <Section title={`EKS node ${node.name}`}>
        <Facts
          rows={[
            ['cluster', cluster?.name ?? node.clusterArn],
            ['EC2 instance', node.id],
            // Named by the instance's tags when DescribeNodegroup could not be read; tagless nodes are self-managed.
            [
              'node group',
              group ? (
                <>
                  <Go id={group.id}>{group.name}</Go> <span className={group.status === 'ACTIVE' ? 'muted' : 'warn'}>{group.status}</span>
                </>
              ) : (
                (node.nodeGroupName ?? 'self-managed')
              ),
            ],
            ['type', node.instanceType],
            ['lifecycle', node.lifecycle],
            ['state', node.state],
            ['AZ', node.az],
            ['subnet', node.subnetId],
            ['private IP', node.privateIp],
            ['Kubernetes', node.kube ? `${node.kube.ready ? 'Ready' : 'NotReady'} · kubelet ${node.kube.kubeletVersion ?? '?'}` : 'not read'],
            ['capacity', node.kube ? quantity(node.kube.capacity) : undefined],
            ['allocatable', node.kube ? quantity(node.kube.allocatable) : undefined],
          ]}
        />
        {pods.length ? (
          <>
            <h4>{counted(pods.length, 'pod')}</h4>
            <ul className="pod-list">
              {pods.map((p) => (
                <li key={p.id}>
                  {p.namespace}/{p.name} <span className={p.status === 'Running' && p.ready ? 'muted' : 'warn'}>{p.status}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      {group ? <NodeGroupSummary group={group} topology={topology} /> : null}
    </>
  );
}

/** An EKS cluster: endpoint access, authentication, its node groups (each a link to its panel) and Fargate profiles. */
export function EksClusterDetails({ cluster, topology }: { cluster: EksCluster; topology: Topology }) {
  const groups = nodeGroupsOf(topology, cluster);
  const profiles = resourcesOf(topology, 'fargateProfile').filter((f) => f.clusterArn === cluster.id);
  return (
    <>
      <Section title={`EKS cluster ${cluster.name}`}>
        <Facts
          rows={[
            ['version', cluster.version],
            ['status', cluster.status],
            [
              'endpoint',
              `${cluster.endpointPublicAccess ? 'public' : ''}${cluster.endpointPublicAccess && cluster.endpointPrivateAccess ? ' + ' : ''}${cluster.endpointPrivateAccess ? 'private' : ''}`,
            ],
            ['authentication', cluster.authenticationMode],
            ['VPC', cluster.vpcId],
            ['subnets', cluster.subnetIds.join(', ')],
          ]}
        />
      </Section>
      {groups.length ? (
        <Section title="Node groups">
          <table className="grid" data-node-groups>
            <thead>
              <tr>
                <th>node group</th>
                <th>status</th>
                <th>version</th>
                <th>capacity</th>
                <th>Ready</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((f) => (
                <tr key={f.group.id}>
                  <td>
                    <Go id={f.group.id}>{f.group.name}</Go>
                  </td>
                  <td className={f.problems.length ? 'warn' : ''}>{f.group.status}</td>
                  <td>{f.group.releaseVersion ?? f.group.version ?? '—'}</td>
                  <td>{`${f.group.capacityType ?? '—'} ${f.group.instanceTypes.join(', ')}`}</td>
                  <td>{`${f.ready}/${f.group.scaling.desired}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {profiles.map((f) => (
        <FargateProfileFacts key={f.id} profile={f} />
      ))}
    </>
  );
}

export function FargateProfileFacts({ profile }: { profile: FargateProfile }) {
  return (
    <Section title={`Fargate profile ${profile.name}`}>
      <Facts
        rows={[
          ['status', profile.status],
          ['selectors', profile.selectors.join('; ')],
          ['subnets', profile.subnetIds.join(', ')],
        ]}
      />
    </Section>
  );
}
