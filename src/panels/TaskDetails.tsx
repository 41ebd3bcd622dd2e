import { resourceOf, resourcesOf, shortId, type Task, type Topology } from '../topology/model';
import { formatTime } from '../topology/present/format';
import { targetStatesByTask, taskHealth } from '../topology/graph/health';
import { describeSubnet } from '../topology/graph/subnets';
import { Facts, Section } from './Section';
import { TaskDefinitionView } from './TaskDefinitionView';

export function TaskDetails({ task, topology }: { task: Task; topology: Topology }) {
  const targets = targetStatesByTask(topology).get(task.id) ?? [];
  const { health, reason } = taskHealth(task, targets);
  const td = resourceOf(topology, 'taskDefinition', task.taskDefinitionArn);
  const host = resourceOf(topology, 'containerInstance', task.containerInstanceArn);
  const service = resourceOf(topology, 'service', task.serviceArn);
  const tgs = new Map(resourcesOf(topology, 'targetGroup').map((t) => [t.id, t.name]));
  return (
    <>
      <Section title="Task">
        <Facts
          rows={[
            ['id', <code key="id">{shortId(task.id)}</code>],
            ['service', service?.name ?? task.group],
            ['status', `${task.lastStatus} (desired ${task.desiredStatus})`],
            ['health', <span key="h" className={`health-text health-${health}`}>{`${health}${reason ? ` — ${reason}` : ''}`}</span>],
            ['revision', shortId(task.taskDefinitionArn)],
            ['deployment', task.deploymentId],
            ['launch', task.capacityProviderName ?? task.launchType],
            ['started', formatTime(task.startedAt)],
            ['stopped reason', task.stoppedReason],
          ]}
        />
      </Section>
      <Section title="Network">
        <Facts
          rows={[
            ['AZ', task.az],
            ['subnet', describeSubnet(topology, task.subnetId)],
            ['private IP', task.privateIp],
            ['ENI', task.eniId],
          ]}
        />
      </Section>
      <Section title="Target health">
        {targets.length ? (
          <ul className="plain">
            {targets.map((t) => (
              <li key={t.targetGroupId} className={t.state.startsWith('unhealthy') ? 'warn' : ''}>
                {tgs.get(t.targetGroupId) ?? t.targetGroupId}: <strong>{t.state}</strong> {t.reason ? `— ${t.reason}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not registered in any target group read.</p>
        )}
      </Section>
      {host ? (
        <Section title="Container instance">
          <Facts
            rows={[
              ['EC2 instance', host.ec2InstanceId],
              ['type', host.instanceType],
              ['AZ', host.az],
              ['CPU used', `${host.registered.cpu - host.remaining.cpu} / ${host.registered.cpu}`],
              ['memory used', `${host.registered.memory - host.remaining.memory} / ${host.registered.memory} MiB`],
            ]}
          />
        </Section>
      ) : null}
      {td ? <TaskDefinitionView td={td} /> : <p className="warn">Task definition {task.taskDefinitionArn} could not be read.</p>}
    </>
  );
}
