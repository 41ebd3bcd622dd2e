import type { ReactNode } from 'react';
import { targetGroupName } from '../topology/graph/routes';
import { ingressesOfLoadBalancer, servicesBehind, targetGroupUsers, targetLinks } from '../topology/graph/targets';
import { targetKey } from '../topology/graph/health';
import { resourceOf, shortId, type Ingress, type LoadBalancer, type TargetGroup, type Topology } from '../topology/model';
import { Go } from './Go';
import { Facts, Section } from './Section';

function counts(tg: TargetGroup | undefined): string {
  if (!tg) return 'not read';
  if (!tg.targets) return 'health not readable';
  const healthy = tg.targets.filter((t) => t.state === 'healthy').length;
  const unhealthy = tg.targets.filter((t) => t.state.startsWith('unhealthy')).length;
  return `${healthy} healthy, ${unhealthy} unhealthy of ${tg.targets.length}`;
}

type Row = [string, ReactNode];

/** Links, comma-separated, or undefined (drawn as a dash) when there are none. */
function links(items: { id: string; label: string }[]) {
  if (!items.length) return undefined;
  return items.map((x, i) => (
    <span key={x.id}>
      {i ? ', ' : ''}
      <Go id={x.id}>{x.label}</Go>
    </span>
  ));
}

/** The ECS services and Kubernetes Services behind a target group, as links (a group not described still has them). */
function servedLinks(topology: Topology, targetGroupArn: string) {
  const { services, kubeServices } = servicesBehind(topology, targetGroupArn);
  return links([
    ...services.map((s) => ({ id: s.id, label: `ECS service ${s.name}` })),
    ...kubeServices.map((s) => ({ id: s.id, label: `Kubernetes Service ${s.namespace}/${s.name}` })),
  ]);
}

const ingressLinks = (ingresses: Ingress[], topology: Topology) =>
  links(
    ingresses.map((i) => ({
      id: i.id,
      label: `Ingress ${i.namespace}/${i.name} (${resourceOf(topology, 'eksCluster', i.clusterArn)?.name ?? shortId(i.clusterArn)})`,
    })),
  );

export function LoadBalancerDetails({ lb, topology }: { lb: LoadBalancer; topology: Topology }) {
  const madeBy = ingressLinks(ingressesOfLoadBalancer(topology, lb.id), topology);
  return (
    <>
      <Section title={`Load balancer ${lb.name}`}>
        <Facts
          rows={[
            ['type', `${lb.type} · ${lb.scheme}`],
            ...(madeBy ? ([['made by', madeBy]] as Row[]) : []),
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
                <th>serves</th>
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
                      <td>{tg?.name ?? targetGroupName(t.targetGroupArn)}</td>
                      <td data-serves>{servedLinks(topology, t.targetGroupArn) ?? '—'}</td>
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
  const users = targetGroupUsers(topology, tg);
  const behind = targetLinks(topology, tg);
  const madeBy = ingressLinks(users.ingresses, topology);
  return (
    <>
      <Section title={`Target group ${tg.name}`}>
        <Facts
          rows={[
            ['target type', tg.targetType],
            ['port', `${tg.protocol ?? ''}:${tg.port ?? ''}`],
            ['health check', `${tg.healthCheck.protocol ?? ''} ${tg.healthCheck.path ?? ''} every ${tg.healthCheck.intervalSeconds ?? '?'} s`],
            ['services', servedLinks(topology, tg.id)],
            ...(madeBy ? ([['made by', madeBy]] as Row[]) : []),
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
                {behind.get(targetKey(tg, t)) ? <> · {links(behind.get(targetKey(tg, t)) ?? [])}</> : null}
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
