import { resourceOf, resourcesOf, shortId, type Service, type Topology } from '../topology/model';
import { serviceSubnets } from './serviceFacts';
import { targetGroupName } from '../topology/graph/routes';
import { formatTime } from '../topology/present/format';
import { Facts, Section } from './Section';

export function ServiceDetails({ service, topology }: { service: Service; topology: Topology }) {
  const tasks = resourcesOf(topology, 'task').filter((t) => t.serviceArn === service.id && t.lastStatus !== 'STOPPED');
  const perAz = new Map<string, number>();
  for (const t of tasks) perAz.set(t.az ?? 'unknown', (perAz.get(t.az ?? 'unknown') ?? 0) + 1);
  const subnets = serviceSubnets(service, topology);
  return (
    <>
      <Section title={`Service ${service.name}`}>
        <Facts
          rows={[
            ['cluster', shortId(service.clusterArn)],
            ['status', service.status],
            ['tasks', `${service.running} running, ${service.pending} pending, ${service.desired} desired`],
            [
              'launch',
              service.launchType ??
                service.capacityProviderStrategy.map((c) => `${c.capacityProvider} w${c.weight ?? 0}${c.base ? ` base ${c.base}` : ''}`).join(', '),
            ],
            [
              'tasks per AZ',
              [...perAz]
                .sort()
                .map(([az, n]) => `${az}: ${n}`)
                .join(' · ') || '—',
            ],
            [subnets.from === 'tasks' ? 'subnets (its tasks’)' : 'subnets', subnets.names.join(', ') || '—'],
          ]}
        />
      </Section>
      <Section title="Deployments">
        <table className="grid">
          <thead>
            <tr>
              <th>status</th>
              <th>revision</th>
              <th>running</th>
              <th>rollout</th>
            </tr>
          </thead>
          <tbody>
            {service.deployments.map((d) => (
              <tr key={d.id}>
                <td>{d.status}</td>
                <td>{shortId(d.taskDefinitionArn)}</td>
                <td>
                  {d.running}/{d.desired}
                  {d.failedTasks ? ` (${d.failedTasks} failed)` : ''}
                </td>
                <td>{d.rolloutState ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Load balancers">
        {service.loadBalancers.length ? (
          <ul className="plain">
            {service.loadBalancers.map((l, i) => {
              const tg = resourceOf(topology, 'targetGroup', l.targetGroupArn);
              return (
                <li
                  key={i}
                >{`${tg?.name ?? (l.targetGroupArn ? targetGroupName(l.targetGroupArn) : (l.loadBalancerName ?? '?'))} → ${l.containerName ?? ''}:${l.containerPort ?? ''}`}</li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">Not behind a load balancer.</p>
        )}
      </Section>
      <Section title="Latest events">
        <ul className="events">
          {service.events.map((e) => (
            <li key={e.id}>
              <time>{formatTime(e.createdAt)}</time> {e.message}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
