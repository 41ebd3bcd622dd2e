import { targetGroupName } from '../topology/graph/routes';
import { describeSubnet } from '../topology/graph/subnets';
import { podHealth } from '../topology/graph/units';
import type { Ingress, KubeContainer, KubeService, Pod, Topology, Workload } from '../topology/model';
import { resourcesOf, shortId } from '../topology/model';
import { formatTime } from '../topology/present/format';
import { Go } from './Go';
import { EnvTable, Facts, Section } from './Section';

const quantity = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';

/** Containers of a pod or a pod template: image, requests and limits, ports, and environment names only. */
export function KubeContainers({ containers }: { containers: KubeContainer[] }) {
  return (
    <>
      {containers.map((c) => (
        <div key={c.name} className="container-def" data-container={c.name}>
          <h4>{c.name}</h4>
          <Facts
            rows={[
              ['image', <code key="i">{c.image}</code>],
              ['requests', quantity(c.requests)],
              ['limits', quantity(c.limits)],
              ['ports', c.ports.join(', ') || '—'],
              ['command', [...c.command, ...c.args].join(' ') || '—'],
            ]}
          />
          <EnvTable caption="Environment (values redacted)" rows={c.env} />
        </div>
      ))}
    </>
  );
}

/** A pod: where it runs, its state and restarts, who owns it, and its containers with values redacted. */
export function PodDetails({ pod, topology }: { pod: Pod; topology: Topology }) {
  const targets = resourcesOf(topology, 'targetGroup').flatMap((tg) =>
    tg.targetType === 'ip' ? (tg.targets ?? []).filter((t) => t.id === pod.podIp).map((t) => ({ tg, t })) : [],
  );
  const { health, reason } = podHealth(
    pod,
    targets.map(({ tg, t }) => ({ state: t.state, targetGroupId: tg.id, ...(t.reason ? { reason: t.reason } : {}) })),
  );
  const cluster = resourcesOf(topology, 'eksCluster').find((c) => c.id === pod.clusterArn);
  const node = pod.instanceId ? topology.resources[pod.instanceId] : undefined;
  return (
    <>
      <Section title={`Pod ${pod.name}`}>
        <div className={`health-line health-${health}`} data-testid="pod-health">
          {pod.status}
          {reason && reason !== pod.status ? ` · ${reason}` : ''}
        </div>
        <Facts
          rows={[
            ['namespace', pod.namespace],
            ['cluster', cluster?.name ?? shortId(pod.clusterArn)],
            ['workload', pod.workloadId ? <Go id={pod.workloadId}>{shortId(pod.workloadId)}</Go> : '—'],
            ['owners', pod.owners.join(' → ') || 'none (standalone pod)'],
            ['phase', pod.phase],
            ['ready', pod.ready ? 'yes' : 'no'],
            ['restarts', pod.restarts],
            ['node', node ? <Go id={node.id}>{pod.nodeName ?? node.id}</Go> : pod.fargate ? `Fargate (${pod.nodeName ?? ''})` : pod.nodeName],
            ['pod IP', pod.podIp],
            ['AZ', pod.az],
            ['subnet', describeSubnet(topology, pod.subnetId)],
            ['revision', `${pod.revision ?? '—'}${pod.oldRevision ? ' (older ReplicaSet)' : ''}`],
            ['QoS class', pod.qosClass],
            ['started', formatTime(pod.startedAt)],
          ]}
        />
        {targets.length ? (
          <ul className="targets">
            {targets.map(({ tg, t }) => (
              <li key={tg.id} className={t.state.startsWith('unhealthy') ? 'warn' : ''}>
                target group {tg.name}: {t.state}
                {t.reason ? ` (${t.reason})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section title="Containers">
        {pod.containerStatuses.map((s) => (
          <p key={s.name} className={s.ready ? 'muted' : 'warn'} data-container-status={s.name}>
            {s.name}: {s.state}
            {s.reason ? ` (${s.reason})` : ''} · {s.restarts} restarts
            {s.lastTermination ? ` · last terminated: ${s.lastTermination}` : ''}
          </p>
        ))}
        <KubeContainers containers={pod.containers} />
      </Section>
    </>
  );
}

/** A workload: desired and ready replicas, strategy, how traffic reaches it, its pods, and its pod template. */
export function WorkloadDetails({ workload, topology }: { workload: Workload; topology: Topology }) {
  const pods = resourcesOf(topology, 'pod').filter((p) => p.workloadId === workload.id);
  const services = resourcesOf(topology, 'kubeService').filter((s) => s.workloadIds.includes(workload.id));
  const ingresses = resourcesOf(topology, 'ingress').filter(
    (i) => i.clusterArn === workload.clusterArn && services.some((s) => i.rules.some((r) => r.includes(`→ ${s.name}:`))),
  );
  const perAz: Record<string, number> = {};
  for (const p of pods) perAz[p.az ?? 'unknown'] = (perAz[p.az ?? 'unknown'] ?? 0) + 1;
  return (
    <>
      <Section title={`${workload.workloadKind} ${workload.name}`}>
        <Facts
          rows={[
            ['namespace', workload.namespace],
            ['ready', `${workload.ready}/${workload.desired}`],
            ['up to date', workload.updated],
            ['strategy', workload.strategy],
            ['selector', workload.selector.join(', ')],
            [
              'AZ spread',
              Object.entries(perAz)
                .sort()
                .map(([az, n]) => `${az}: ${n}`)
                .join(' · ') || '—',
            ],
            ['Services', services.map((s) => `${s.name} (${s.type})`).join(', ') || '—'],
            ['Ingresses', ingresses.map((i) => i.name).join(', ') || '—'],
          ]}
        />
        <ul className="pod-list">
          {pods.map((p) => (
            <li key={p.id}>
              <Go id={p.id}>{p.name}</Go> <span className={p.status === 'Running' && p.ready ? 'muted' : 'warn'}>{p.status}</span>
              {p.restarts ? <span className="muted"> · {p.restarts} restarts</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Pod template">
        <KubeContainers containers={workload.template} />
      </Section>
    </>
  );
}

export function KubeServiceDetails({ service }: { service: KubeService }) {
  return (
    <Section title={`Service ${service.name}`}>
      <Facts
        rows={[
          ['namespace', service.namespace],
          ['type', service.type],
          ['ports', service.ports.join(', ')],
          ['selector', service.selector.join(', ')],
          ['target groups', service.targetGroupArns.map(targetGroupName).join(', ') || '—'],
          ['hostname', service.hostname],
        ]}
      />
    </Section>
  );
}

export function IngressDetails({ ingress }: { ingress: Ingress }) {
  return (
    <Section title={`Ingress ${ingress.name}`}>
      <Facts
        rows={[
          ['namespace', ingress.namespace],
          ['class', ingress.className],
          ['load balancer', ingress.loadBalancerArn ? <Go id={ingress.loadBalancerArn}>{shortId(ingress.loadBalancerArn)}</Go> : ingress.hostname],
          ['rules', ingress.rules.join(' · ')],
        ]}
      />
    </Section>
  );
}
