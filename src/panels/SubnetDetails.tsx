import { counted } from '../topology/graph/counts';
import { ipWords, subnetFacts, type Occupant } from '../topology/graph/networkFacts';
import { resourceOf, shortId, type Subnet, type Topology } from '../topology/model';
import { Go } from './Go';
import { Facts, Section } from './Section';

const OWNER_WORDS: Readonly<Record<Occupant['engine'], { kind: string; unit: string }>> = {
  ecs: { kind: 'ECS service', unit: 'task' },
  eks: { kind: 'workload', unit: 'pod' },
};

/** Standalone tasks and pods have no box of their own to go to; a service or workload has. */
function OwnerName({ occupant }: { occupant: Occupant }) {
  return occupant.id.startsWith('standalone:') ? <>{`standalone (${shortId(occupant.id)})`}</> : <Go id={occupant.id}>{occupant.name}</Go>;
}

/** A subnet: where it is, where its default route goes, its free addresses, and everything the read placed in it. */
export function SubnetDetails({ subnet, topology }: { subnet: Subnet; topology: Topology }) {
  const f = subnetFacts(topology, subnet);
  const vpc = resourceOf(topology, 'vpc', subnet.vpcId);
  return (
    <>
      <Section title={`Subnet ${subnet.name ?? subnet.id}`}>
        <Facts
          rows={[
            ['subnet', subnet.id],
            ['AZ', subnet.az],
            ['CIDR', `${subnet.cidrBlock} (${f.ips.size} addresses)`],
            ['VPC', vpc ? <Go id={vpc.id}>{vpc.name ?? vpc.id}</Go> : subnet.vpcId],
            // "private — default route to NAT gateway nat-…", "isolated — no default route"
            ['exposure', <span data-exposure={f.reach}>{`${f.reach} — ${f.why}`}</span>],
            ['IP addresses', <span data-ips>{ipWords(f.ips)}</span>],
            ['runs', `${counted(f.tasks, 'task')}, ${counted(f.pods, 'pod')}`],
          ]}
        />
        {f.notAllRead.length ? <p className="warn">Not all {f.notAllRead.join(', ')} could be read: see the errors in the status bar.</p> : null}
      </Section>
      {f.occupants.length ? (
        <Section title="What runs here">
          <table className="grid" data-occupants>
            <thead>
              <tr>
                <th>name</th>
                <th>kind</th>
                <th>here</th>
              </tr>
            </thead>
            <tbody>
              {f.occupants.map((o) => (
                <tr key={o.id}>
                  <td>
                    <OwnerName occupant={o} />
                  </td>
                  <td>{OWNER_WORDS[o.engine].kind}</td>
                  <td className={o.running < o.count ? 'warn' : ''}>
                    {counted(o.count, OWNER_WORDS[o.engine].unit)}
                    {o.running < o.count ? ` (${o.running} running)` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {f.eksNodes.length || f.containerInstances.length ? (
        <Section title="Hosts">
          <ul className="plain">
            {f.eksNodes.map((n) => (
              <li key={n.id}>
                EKS node <Go id={n.id}>{n.name.split('.')[0] ?? n.name}</Go> {n.instanceType ?? ''}{' '}
                <span className={n.kube && !n.kube.ready ? 'warn' : 'muted'}>{n.kube ? (n.kube.ready ? 'Ready' : 'NotReady') : n.state}</span>
              </li>
            ))}
            {f.containerInstances.map((h) => (
              <li key={h.id}>
                container instance <Go id={h.id}>{h.ec2InstanceId ?? shortId(h.id)}</Go> {h.instanceType ?? ''}{' '}
                <span className="muted">{counted(h.runningTasks, 'running task')}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {f.loadBalancers.length ? (
        <Section title="Load balancer nodes here">
          <ul className="plain">
            {f.loadBalancers.map((lb) => (
              <li key={lb.id}>
                <Go id={lb.id}>{lb.name}</Go> <span className="muted">{`${lb.type}, ${lb.scheme}`}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {f.nodeGroups.length ? (
        <Section title="Node groups launching here">
          <ul className="plain">
            {f.nodeGroups.map((g) => (
              <li key={g.id}>
                <Go id={g.id}>{g.name}</Go> <span className={g.status === 'ACTIVE' ? 'muted' : 'warn'}>{g.status}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
