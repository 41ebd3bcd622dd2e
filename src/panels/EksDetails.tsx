import { counted } from '../topology/graph/counts';
import type { EksCluster, EksNode, FargateProfile, NodeGroup, Topology } from '../topology/model';
import { resourcesOf } from '../topology/model';
import { Facts, Section } from './Section';

const quantity = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function NodeGroupFacts({ group }: { group: NodeGroup }) {
  return (
    <Section title={`Node group ${group.name}`}>
      <Facts
        rows={[
          ['status', group.status],
          ['capacity', group.capacityType],
          ['instance types', group.instanceTypes.join(', ')],
          ['scaling', `${group.scaling.desired} desired (min ${group.scaling.min}, max ${group.scaling.max})`],
          ['subnets', group.subnetIds.join(', ')],
          ['Auto Scaling groups', group.autoScalingGroups.join(', ')],
        ]}
      />
      {group.healthIssues.length ? (
        <ul className="alerts">
          {group.healthIssues.map((issue) => (
            <li key={issue} className="warn">
              {issue}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** An EKS worker node: where it runs, and its node group's scaling and health. */
export function EksNodeDetails({ node, topology }: { node: EksNode; topology: Topology }) {
  const cluster = resourcesOf(topology, 'eksCluster').find((c) => c.id === node.clusterArn);
  const group = resourcesOf(topology, 'nodeGroup').find((g) => g.id === node.nodeGroupArn);
  const pods = resourcesOf(topology, 'pod').filter((p) => p.instanceId === node.id);
  return (
    <>
      <Section title={`EKS node ${node.name}`}>
        <Facts
          rows={[
            ['cluster', cluster?.name ?? node.clusterArn],
            ['EC2 instance', node.id],
            // Named by the instance's tags when DescribeNodegroup could not be read; tagless nodes are self-managed.
            ['node group', group?.name ?? node.nodeGroupName ?? 'self-managed'],
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
      {group ? <NodeGroupFacts group={group} /> : null}
    </>
  );
}

/** An EKS cluster: endpoint access, authentication, and every node group and Fargate profile. */
export function EksClusterDetails({ cluster, topology }: { cluster: EksCluster; topology: Topology }) {
  const groups = resourcesOf(topology, 'nodeGroup').filter((g) => g.clusterArn === cluster.id);
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
      {groups.map((g) => (
        <NodeGroupFacts key={g.id} group={g} />
      ))}
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
