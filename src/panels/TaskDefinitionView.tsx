import type { TaskDefinition } from '../topology/model';
import { EnvTable, Facts, Section } from './Section';

/** A task definition as the proxy served it: names visible, every secret-bearing value already redacted. */
export function TaskDefinitionView({ td }: { td: TaskDefinition }) {
  return (
    <Section title={`Task definition ${td.family}:${td.revision}`}>
      <Facts
        rows={[
          ['network mode', td.networkMode],
          ['cpu / memory', `${td.cpu ?? '—'} / ${td.memory ?? '—'}`],
          ['task role', td.taskRoleArn],
          ['execution role', td.executionRoleArn],
        ]}
      />
      {td.containers.map((c) => (
        <div key={c.name} className="container-def" data-container={c.name}>
          <h4>{c.name}</h4>
          <Facts
            rows={[
              ['image', <code key="i">{c.image}</code>],
              ['cpu / memory', `${c.cpu ?? '—'} / ${c.memory ?? c.memoryReservation ?? '—'}`],
              [
                'ports',
                c.portMappings.map((p) => `${p.containerPort ?? ''}${p.hostPort !== undefined ? `→${p.hostPort}` : ''}/${p.protocol ?? 'tcp'}`).join(', ') ||
                  '—',
              ],
              [
                'log driver',
                c.logConfiguration
                  ? `${c.logConfiguration.logDriver} ${Object.entries(c.logConfiguration.options)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(' ')}`
                  : '—',
              ],
              ['health check', c.healthCheck ? c.healthCheck.command.join(' ') : '—'],
              ['command', c.command.length ? c.command.join(' ') : '—'],
            ]}
          />
          <EnvTable caption="Environment (values redacted)" rows={c.environment} />
          <EnvTable caption="Secrets (by name)" rows={c.secrets} />
        </div>
      ))}
    </Section>
  );
}
