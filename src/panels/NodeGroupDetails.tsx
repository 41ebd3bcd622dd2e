import { nodeGroupFacts } from '../topology/graph/nodeGroupFacts';
import type { NodeGroup, Topology } from '../topology/model';
import { Go } from './Go';
import { Facts, ProblemList, Section } from './Section';

/** A managed node group: its problems first, then scaling, instances, versions, and each node's readiness. */
export function NodeGroupDetails({ group, topology }: { group: NodeGroup; topology: Topology }) {
  const f = nodeGroupFacts(topology, group);
  const s = group.scaling;
  return (
    <>
      <Section title={`Node group ${group.name}`}>
        <ProblemList problems={f.problems} />
        <Facts
          rows={[
            ['cluster', f.cluster ? <Go id={f.cluster.id}>{f.cluster.name}</Go> : group.clusterArn],
            ['status', group.status],
            ['scaling', `${s.desired} desired (min ${s.min}, max ${s.max}) · ${f.running} running · ${f.ready} Ready`],
            ['instance types', group.instanceTypes.join(', ')],
            ['capacity', group.capacityType],
            ['Kubernetes', f.versions],
            [
              'subnets',
              f.subnets.map((x, i) => (
                <span key={x.id}>
                  {i ? ', ' : ''}
                  {x.subnet ? <Go id={x.id}>{`${x.subnet.name ?? x.id} (${x.subnet.az})`}</Go> : x.id}
                </span>
              )),
            ],
            ['Auto Scaling groups', group.autoScalingGroups.join(', ')],
          ]}
        />
      </Section>
      <Section title="Nodes">
        {f.nodes.length ? (
          <table className="grid">
            <thead>
              <tr>
                <th>node</th>
                <th>type</th>
                <th>AZ</th>
                <th>state</th>
                <th>Kubernetes</th>
                <th>pods</th>
              </tr>
            </thead>
            <tbody>
              {f.nodes.map(({ node, readiness, pods }) => (
                <tr key={node.id}>
                  <td>
                    <Go id={node.id}>{node.name.split('.')[0] ?? node.name}</Go>
                  </td>
                  <td>{`${node.instanceType ?? '?'}${node.lifecycle === 'spot' ? ' (spot)' : ''}`}</td>
                  <td>{node.az ?? '—'}</td>
                  <td className={node.state === 'running' ? '' : 'warn'}>{node.state}</td>
                  <td className={readiness === 'NotReady' ? 'warn' : ''}>{readiness}</td>
                  <td>{pods}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No node of this group was read.</p>
        )}
      </Section>
    </>
  );
}
