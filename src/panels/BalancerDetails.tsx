import { resourceOf, resourcesOf, type LoadBalancer, type TargetGroup, type Topology } from '../topology/model';
import { Facts, Section } from './Section';

function counts(tg: TargetGroup | undefined): string {
  if (!tg) return 'not read';
  if (!tg.targets) return 'health not readable';
  const healthy = tg.targets.filter((t) => t.state === 'healthy').length;
  const unhealthy = tg.targets.filter((t) => t.state.startsWith('unhealthy')).length;
  return `${healthy} healthy, ${unhealthy} unhealthy of ${tg.targets.length}`;
}

export function LoadBalancerDetails({ lb, topology }: { lb: LoadBalancer; topology: Topology }) {
  return (
    <>
      <Section title={`Load balancer ${lb.name}`}>
        <Facts
          rows={[
            ['type', `${lb.type} · ${lb.scheme}`],
            ['DNS name', <code key="d">{lb.dnsName}</code>],
            ['state', lb.state],
            ['AZs', lb.zones.map((z) => `${z.az} (${resourceOf(topology, 'subnet', z.subnetId)?.name ?? z.subnetId ?? ''})`).join(', ')],
          ]}
        />
      </Section>
      {lb.listeners.map((l) => (
        <Section key={l.id} title={`Listener ${l.protocol ?? ''}:${l.port ?? ''}`}>
          <table className="grid">
            <thead>
              <tr>
                <th>priority</th>
                <th>condition</th>
                <th>target group</th>
                <th>health</th>
              </tr>
            </thead>
            <tbody>
              {l.rules.flatMap((r) =>
                r.targets.map((t) => {
                  const tg = resourceOf(topology, 'targetGroup', t.targetGroupArn);
                  return (
                    <tr key={`${r.priority}-${t.targetGroupArn}`}>
                      <td>{r.priority}</td>
                      <td>{r.conditions.join('; ') || 'default'}</td>
                      <td>{tg?.name ?? t.targetGroupArn.split('/')[1]}</td>
                      <td className={tg?.targets?.some((x) => x.state.startsWith('unhealthy')) ? 'warn' : ''}>{counts(tg)}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}

export function TargetGroupDetails({ tg, topology }: { tg: TargetGroup; topology: Topology }) {
  const services = resourcesOf(topology, 'service').filter((s) => s.loadBalancers.some((l) => l.targetGroupArn === tg.id));
  return (
    <>
      <Section title={`Target group ${tg.name}`}>
        <Facts
          rows={[
            ['target type', tg.targetType],
            ['port', `${tg.protocol ?? ''}:${tg.port ?? ''}`],
            ['health check', `${tg.healthCheck.protocol ?? ''} ${tg.healthCheck.path ?? ''} every ${tg.healthCheck.intervalSeconds ?? '?'} s`],
            ['services', services.map((s) => s.name).join(', ') || '—'],
            ['health', counts(tg)],
          ]}
        />
      </Section>
      <Section title="Targets">
        {tg.targets ? (
          <ul className="plain">
            {tg.targets.map((t) => (
              <li key={`${t.id}:${t.port ?? ''}`} className={t.state.startsWith('unhealthy') ? 'warn' : ''}>
                {t.id}:{t.port} ({t.az}) <strong>{t.state}</strong> {t.reason ? `— ${t.reason}` : ''} {t.description ? `(${t.description})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="warn">Target health could not be read: see the errors in the status bar.</p>
        )}
      </Section>
    </>
  );
}
