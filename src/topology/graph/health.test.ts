import { describe, expect, it } from 'vitest';
import { targetStatesByTask } from './health';
import { ecsUnits } from './units';
import { containerInstance, service, targetGroup, task, taskDefinition, tdArn, topologyOf } from './testTopology';

const ledgerTg = (targets: Parameters<typeof targetGroup>[2]) => targetGroup('ledger-tg', 'instance', targets);

/** ledger (bound to ledger-tg, container port 7000) and pricing (no target group) share one EC2 container instance. */
function platform(targets: Parameters<typeof targetGroup>[2], ledgerPorts: number[], pricingPorts: number[]) {
  const tg = ledgerTg(targets);
  const host = containerInstance('platform', 'i-0aaa1111bbbb2222c');
  const ledger = task('platform', 'ledger', {
    containerInstanceArn: host.id,
    taskDefinitionArn: tdArn('ledger', 1),
    containers: [{ name: 'ledger', hostPorts: ledgerPorts }],
  });
  const pricing = task('platform', 'pricing', {
    containerInstanceArn: host.id,
    taskDefinitionArn: tdArn('pricing', 1),
    containers: [{ name: 'pricing', hostPorts: pricingPorts }],
  });
  const resources = [
    host,
    tg,
    service('platform', 'ledger', { launchType: 'EC2', loadBalancers: [{ targetGroupArn: tg.id, containerName: 'ledger', containerPort: 7000 }] }),
    service('platform', 'pricing', { launchType: 'EC2' }),
    ledger,
    pricing,
  ];
  return { tg, ledger, pricing, resources };
}

describe('target health joined to tasks', () => {
  it('joins an instance target only to tasks of the services bound to its target group', () => {
    // A stopped ledger task's target is still draining on a host port the instance has since given to pricing.
    const { ledger, pricing, resources } = platform(
      [
        { id: 'i-0aaa1111bbbb2222c', port: 32768, state: 'healthy' },
        { id: 'i-0aaa1111bbbb2222c', port: 32769, state: 'unhealthy.draining', reason: 'Target.DeregistrationInProgress' },
      ],
      [32768],
      [32769],
    );
    const topology = topologyOf(resources);
    const states = targetStatesByTask(topology);
    expect(states.get(ledger.id)?.map((s) => s.state)).toEqual(['healthy']);
    expect(states.get(pricing.id)).toBeUndefined();
    const health = new Map(ecsUnits(topology).map((u) => [u.id, u.health]));
    expect(health.get(pricing.id)).not.toBe('unhealthy');
  });

  it('falls back to the task definition’s static host port when the task reports no network bindings', () => {
    const { ledger, pricing, resources } = platform(
      [{ id: 'i-0aaa1111bbbb2222c', port: 7000, state: 'unhealthy', reason: 'Target.FailedHealthChecks' }],
      [],
      [],
    );
    const topology = topologyOf([...resources, taskDefinition('ledger', 'bridge', [{ containerPort: 7000, hostPort: 7000 }])]);
    const health = new Map(ecsUnits(topology).map((u) => [u.id, u]));
    expect(health.get(ledger.id)).toMatchObject({ health: 'unhealthy', reason: 'Target.FailedHealthChecks' });
    expect(health.get(pricing.id)?.health).not.toBe('unhealthy');
    // A dynamic host port (0) in the task definition says nothing about where the task listens.
    const dynamic = topologyOf([...resources, taskDefinition('ledger', 'bridge', [{ containerPort: 7000, hostPort: 0 }])]);
    expect(targetStatesByTask(dynamic).get(ledger.id)).toBeUndefined();
  });

  it('takes the container port as the host port in host network mode', () => {
    const { ledger, resources } = platform([{ id: 'i-0aaa1111bbbb2222c', port: 7000, state: 'healthy' }], [], []);
    const topology = topologyOf([...resources, taskDefinition('ledger', 'host', [{ containerPort: 7000 }])]);
    expect(
      targetStatesByTask(topology)
        .get(ledger.id)
        ?.map((s) => s.state),
    ).toEqual(['healthy']);
  });

  it('joins an ip target to the bound service’s task, not to a task elsewhere with the same IP', () => {
    const tg = targetGroup('web-tg', 'ip', [{ id: '10.0.1.10', port: 3000, state: 'unhealthy', reason: 'Target.ResponseCodeMismatch' }]);
    const web = task('storefront', 'web', { privateIp: '10.0.1.10' });
    // Another VPC reuses the address for a task of a service no target group serves.
    const other = task('analytics', 'etl', { privateIp: '10.0.1.10' });
    const topology = topologyOf([
      tg,
      service('storefront', 'web', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'web', containerPort: 3000 }] }),
      service('analytics', 'etl'),
      web,
      other,
    ]);
    const states = targetStatesByTask(topology);
    expect(states.get(web.id)?.map((s) => s.state)).toEqual(['unhealthy']);
    expect(states.get(other.id)).toBeUndefined();
  });
});
