import { counted } from '../topology/graph/counts';
import { ipWords, vpcFacts, type IpUse } from '../topology/graph/networkFacts';
import type { Topology, Vpc } from '../topology/model';
import { Go } from './Go';
import { Facts, Section } from './Section';

const addresses = (ips: IpUse) => (ips.free === undefined ? `${ips.seen} used` : `${ips.free} free`);

/** The VPC: its block, its subnets per AZ with their exposure and room, and what runs in it. */
export function VpcDetails({ vpc, topology }: { vpc: Vpc; topology: Topology }) {
  const f = vpcFacts(topology, vpc);
  const t = f.totals;
  const exposure = [
    `${t.public} public`,
    `${t.private} private`,
    ...(t.isolated ? [`${t.isolated} isolated`] : []),
    ...(t.unknown ? [`${t.unknown} not known (route tables not read)`] : []),
  ].join(', ');
  return (
    <>
      <Section title={`VPC ${vpc.name ?? vpc.id}`}>
        <Facts
          rows={[
            ['VPC', vpc.id],
            ['CIDR', `${vpc.cidrBlock} (${f.ips.size} addresses)`],
            ['subnets', `${t.subnets} in ${counted(f.azs.length, 'AZ')}: ${exposure}`],
            ['IP addresses', `in its subnets: ${ipWords(f.ips)}`],
            ['runs', `${counted(t.tasks, 'task')}, ${counted(t.pods, 'pod')}, ${counted(t.eksNodes, 'EKS node')}`],
            ['load balancers', t.loadBalancers],
          ]}
        />
      </Section>
      {f.azs.map((az) => (
        <Section key={az.az} title={az.az}>
          <table className="grid" data-az-subnets={az.az}>
            <thead>
              <tr>
                <th>subnet</th>
                <th>exposure</th>
                <th>CIDR</th>
                <th>IPs</th>
                <th>tasks</th>
                <th>pods</th>
              </tr>
            </thead>
            <tbody>
              {az.subnets.map((s) => (
                <tr key={s.subnet.id}>
                  <td>
                    <Go id={s.subnet.id}>{s.subnet.name ?? s.subnet.id}</Go>
                  </td>
                  <td title={s.why}>{s.reach}</td>
                  <td>{s.subnet.cidrBlock}</td>
                  <td>{addresses(s.ips)}</td>
                  <td>{s.tasks}</td>
                  <td>{s.pods}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}
