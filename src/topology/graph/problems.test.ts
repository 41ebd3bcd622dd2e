import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import type { Deployment, ReadError, Resource, ResourceOf, Topology } from '../model';
import { problems, RESTARTS_WORTH_A_LOOK, STUCK_AFTER_MS, type Problem } from './problems';
import { cluster, eksCluster, eksNode, kubeService, loadBalancer, pod, service, subnet, targetGroup, task, topologyOf, workload } from './testTopology';

const line = (p: Problem) => `${p.severity} ${p.kind} ${p.name}: ${p.title}`;
const found = (t: Topology) => problems(t).map(line);

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const subnets = AZS.map((az, i) => subnet(`subnet-${i}`, az, `10.0.${i}.0/24`, false));

/** A service placed in the three private subnets, with `running` running tasks spread over `azs` in turn. */
function spread(name: string, azs: readonly number[], extra: Partial<ResourceOf<'service'>> = {}): Resource[] {
  const s = {
    ...service('shop', name),
    desired: azs.length,
    running: azs.length,
    networkConfiguration: { subnets: subnets.map((n) => n.id), securityGroups: [] },
    ...extra,
  };
  const tasks = azs.map((i) => task('shop', name, { az: AZS[i] ?? '', subnetId: subnets[i]?.id ?? '' }));
  return [s, ...tasks];
}

const nodeGroup = (name: string, extra: Partial<ResourceOf<'nodeGroup'>> = {}): ResourceOf<'nodeGroup'> => ({
  kind: 'nodeGroup',
  id: `arn:aws:eks:us-east-1:123456789012:nodegroup/orders-eks/${name}/0ac6a0f0`,
  clusterArn: eksCluster('orders-eks').id,
  name,
  status: 'ACTIVE',
  instanceTypes: ['m6i.large'],
  subnetIds: subnets.map((s) => s.id),
  scaling: { min: 1, max: 3, desired: 3 },
  healthIssues: [],
  autoScalingGroups: [],
  ...extra,
});

const deployment = (extra: Partial<Deployment>): Deployment => ({
  id: 'ecs-svc/1234567890123456789',
  status: 'PRIMARY',
  rolloutState: 'COMPLETED',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8',
  desired: 3,
  running: 3,
  pending: 0,
  failedTasks: 0,
  ...extra,
});

/** A healthy estate: three tasks over three AZs behind a healthy ALB, three ready nodes, a ready workload. */
function healthy(): Resource[] {
  const tg = targetGroup('web-tg', 'ip', [
    { id: '10.0.0.10', state: 'healthy' },
    { id: '10.0.1.10', state: 'healthy' },
    { id: '10.0.2.10', state: 'healthy', az: 'us-east-1c' },
  ]);
  const api = workload('orders-eks', 'orders', 'api', { desired: 3, ready: 3 });
  return [
    cluster('shop', { activeServices: 1, runningTasks: 3 }),
    ...subnets,
    ...spread('web', [0, 1, 2], { loadBalancers: [{ targetGroupArn: tg.id }], deployments: [deployment({})] }),
    tg,
    loadBalancer('shop', AZS, [tg.id]),
    eksCluster('orders-eks'),
    nodeGroup('general'),
    ...AZS.map((az, i) =>
      eksNode('orders-eks', `i-0${i}`, { az, subnetId: subnets[i]?.id ?? '', kube: { ready: true, capacity: {}, allocatable: {}, pods: 1 } }),
    ),
    api,
    ...AZS.map((az, i) => pod('orders-eks', 'orders', `api-${i}`, { workloadId: api.id, az, subnetId: subnets[i]?.id ?? '', restarts: 1 })),
  ];
}

describe('problems', () => {
  it('finds every problem the demo holds, critical first, then by name', () => {
    expect(found(demoTopology())).toEqual([
      'critical crashLoop payments: 1 pod crash-looping',
      'warning underReplicated api: 4/5 running',
      'warning zoneGap cart: not in us-east-1c',
      'warning zoneGap inventory-db: not in us-east-1c',
      'warning unhealthyTargets k8s-orders-payments-1287ba7755: 1 unhealthy',
      'warning zoneGap metrics-agent: not in us-east-1a',
      'warning underReplicated payments: 3/4 ready',
      'warning underReplicated report-builder: 3/4 running',
      'warning nodeGroupDegraded spot-workers: DEGRADED',
      'warning unhealthyTargets web-tg: 1 unhealthy',
    ]);
  });

  it('badges the demo’s unhealthy target group and names the service it serves', () => {
    const demo = demoTopology();
    const web = problems(demo).find((p) => p.kind === 'unhealthyTargets' && p.name === 'web-tg');
    expect(web?.related.map((id) => demo.resources[id]?.kind)).toEqual(['service']);
    expect(web?.message).toContain('Target.ResponseCodeMismatch');
    expect(problems(demo).find((p) => p.name === 'cart')?.message).toContain('storefront-alb');
  });

  it('gives each problem a stable, unique id and a subject the map draws (or the region)', () => {
    const demo = demoTopology();
    const [a, b] = [problems(demo), problems(demoTopology())];
    expect(a.map((p) => p.id)).toEqual(b.map((p) => p.id));
    expect(new Set(a.map((p) => p.id)).size).toBe(a.length);
    for (const p of a) expect(demo.resources[p.subject], p.id).toBeDefined();
  });

  it('finds nothing in a healthy estate', () => {
    expect(found(topologyOf(healthy()))).toEqual([]);
  });

  it('finds under-replicated services and workloads; a stopped service is critical, a Job is never short', () => {
    const t = topologyOf([
      { ...service('shop', 'down'), desired: 2, running: 0 },
      { ...service('shop', 'short'), desired: 3, running: 2, pending: 1 },
      workload('orders-eks', 'orders', 'api', { desired: 3, ready: 1 }),
      workload('orders-eks', 'batch', 'export', { workloadKind: 'Job', desired: 3, ready: 0 }),
    ]);
    expect(found(t)).toEqual([
      'critical underReplicated down: 0/2 running',
      'warning underReplicated api: 1/3 ready',
      'warning underReplicated short: 2/3 running',
    ]);
  });

  it('finds failed, rolled back and stuck deployments from what DescribeServices says', () => {
    const fetchedAt = topologyOf([]).source.fetchedAt;
    const t = topologyOf([
      {
        ...service('shop', 'failed'),
        deployments: [deployment({ rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: task failed to start.' })],
      },
      {
        ...service('shop', 'rolled'),
        deployments: [
          deployment({ id: 'ecs-svc/2', rolloutState: 'IN_PROGRESS', createdAt: fetchedAt - 60_000 }),
          deployment({
            status: 'ACTIVE',
            rolloutState: 'FAILED',
            rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/2.',
          }),
        ],
      },
      { ...service('shop', 'slow'), deployments: [deployment({ rolloutState: 'IN_PROGRESS', createdAt: fetchedAt - STUCK_AFTER_MS - 60_000 })] },
      { ...service('shop', 'failing'), deployments: [deployment({ rolloutState: 'IN_PROGRESS', failedTasks: 2, createdAt: fetchedAt - 60_000 })] },
      { ...service('shop', 'fresh'), deployments: [deployment({ rolloutState: 'IN_PROGRESS', createdAt: fetchedAt - 60_000 })] },
      { ...service('shop', 'old'), deployments: [deployment({ status: 'INACTIVE', rolloutState: 'FAILED' })] },
    ]);
    expect(found(t)).toEqual([
      'critical deploymentFailed failed: deployment failed',
      'warning deploymentStuck failing: 2 failed to start',
      'warning deploymentRolledBack rolled: rolled back',
      'warning deploymentStuck slow: deployment stuck',
    ]);
    expect(problems(t).find((p) => p.name === 'slow')?.message).toContain('in progress for 31 min');
  });

  it('finds degraded and failed node groups, and nodes not ready or stopped', () => {
    const t = topologyOf([
      nodeGroup('spot', { status: 'DEGRADED', healthIssues: ['AsgInstanceLaunchFailures: Could not launch Spot Instances.'] }),
      nodeGroup('broken', { status: 'CREATE_FAILED' }),
      nodeGroup('noisy', { healthIssues: ['Ec2SubnetInvalidConfiguration: subnet-0 has no free addresses', 'AccessDenied: role'] }),
      nodeGroup('fine'),
      eksNode('orders-eks', 'i-0a', { kube: { ready: false, capacity: {}, allocatable: {}, pods: 0 } }),
      eksNode('orders-eks', 'i-0b', { state: 'stopped' }),
      eksNode('orders-eks', 'i-0c', { kube: { ready: true, capacity: {}, allocatable: {}, pods: 3 } }),
    ]);
    expect(found(t)).toEqual([
      'critical nodeGroupDegraded broken: CREATE_FAILED',
      'critical nodeNotReady ip-0a.ec2.internal: NotReady',
      'warning nodeNotReady ip-0b.ec2.internal: stopped',
      'warning nodeGroupDegraded noisy: 2 health issues',
      'warning nodeGroupDegraded spot: DEGRADED',
    ]);
    expect(problems(t).find((p) => p.name === 'spot')?.message).toContain('AsgInstanceLaunchFailures: Could not launch Spot Instances. New nodes');
  });

  it('finds a service missing from an AZ it could cover, never one with fewer tasks than AZs, and says nothing when tasks were not read', () => {
    const resources = [...subnets, ...spread('lopsided', [0, 0, 1]), ...spread('small', [0, 1]), ...spread('even', [0, 1, 2])];
    expect(found(topologyOf(resources))).toEqual(['warning zoneGap lopsided: not in us-east-1c']);
    expect(problems(topologyOf(resources))[0]?.message).toBe(
      'Service lopsided runs 3 tasks in us-east-1a and us-east-1b but none in us-east-1c, where its network configuration has a subnet: look at its placement constraints and the events of its tasks there.',
    );
    const denied: ReadError = { api: 'ecs:DescribeTasks', code: 'AccessDeniedException', message: 'denied', hint: 'Grant ecs:DescribeTasks.' };
    expect(found({ ...topologyOf(resources), errors: [denied] }).filter((l) => l.includes('zoneGap'))).toEqual([]);
  });

  it('finds a workload missing from an AZ where its cluster has ready nodes', () => {
    const db = workload('orders-eks', 'orders', 'db', { workloadKind: 'StatefulSet', desired: 3, ready: 3 });
    const t = topologyOf([
      ...AZS.map((az, i) => eksNode('orders-eks', `i-0${i}`, { az, kube: { ready: true, capacity: {}, allocatable: {}, pods: 1 } })),
      db,
      ...[0, 1, 1].map((i, n) => pod('orders-eks', 'orders', `db-${n}`, { workloadId: db.id, az: AZS[i] ?? '' })),
    ]);
    expect(found(t)).toEqual(['warning zoneGap db: not in us-east-1c']);
  });

  it('finds unhealthy targets, critical when none is healthy, naming what the group serves; draining ones are no problem', () => {
    const some = targetGroup('some-tg', 'ip', [
      { id: '10.0.0.1', state: 'healthy' },
      { id: '10.0.0.2', state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out' },
      { id: '10.0.0.3', state: 'unhealthy.draining' },
    ]);
    const all = targetGroup('all-tg', 'ip', [{ id: '10.0.0.9', state: 'unhealthy', reason: 'Target.FailedHealthChecks' }]);
    const api = workload('orders-eks', 'orders', 'api');
    const web = service('shop', 'web', { loadBalancers: [{ targetGroupArn: some.id }] });
    const t = topologyOf([some, all, web, api, kubeService('orders-eks', 'orders', 'api', { targetGroupArns: [all.id], workloadIds: [api.id] })]);
    expect(found(t)).toEqual(['critical unhealthyTargets all-tg: 1 unhealthy', 'warning unhealthyTargets some-tg: 1 unhealthy']);
    const [allP, someP] = problems(t);
    expect([allP?.subject, allP?.related]).toEqual([all.id, [api.id]]);
    expect([someP?.subject, someP?.related]).toEqual([some.id, [web.id]]);
    expect(someP?.message).toBe(
      '1 of 3 targets of some-tg is unhealthy (Target.Timeout: Request timed out); it serves web: look at the logs of the unhealthy tasks.',
    );
  });

  it('finds crash-looping pods per workload, and pods that keep restarting', () => {
    const api = workload('orders-eks', 'orders', 'api', { desired: 2, ready: 2 });
    const looping = { name: 'api', ready: false, restarts: 14, state: 'waiting', reason: 'CrashLoopBackOff', lastTermination: 'Error (exit 1)' };
    const t = topologyOf([
      api,
      pod('orders-eks', 'orders', 'api-1', { workloadId: api.id, restarts: 14, status: 'CrashLoopBackOff', containerStatuses: [looping] }),
      pod('orders-eks', 'orders', 'api-2', { workloadId: api.id, restarts: 9, containerStatuses: [{ ...looping, restarts: 9 }] }),
      pod('orders-eks', 'orders', 'flaky', { restarts: RESTARTS_WORTH_A_LOOK }),
      pod('orders-eks', 'orders', 'calm', { restarts: RESTARTS_WORTH_A_LOOK - 1 }),
    ]);
    expect(found(t)).toEqual(['critical crashLoop api: 2 pods crash-looping', `warning crashLoop flaky: ${RESTARTS_WORTH_A_LOOK} restarts`]);
    expect(problems(t)[0]?.related).toEqual([pod('orders-eks', 'orders', 'api-1').id, pod('orders-eks', 'orders', 'api-2').id]);
    expect(problems(t)[0]?.message).toContain('last exit Error (exit 1)');
  });

  it('finds failed reads: on the resource the call was about, else on the region; critical when nothing was read', () => {
    const tg = targetGroup('web-tg', 'ip', undefined);
    const health: ReadError = { api: 'elasticloadbalancing:DescribeTargetHealth', resource: tg.id, code: 'AccessDenied', message: 'denied', hint: 'Grant it.' };
    const groups: ReadError = {
      api: 'elasticloadbalancing:DescribeTargetGroups',
      resource: '6 target groups: api-tg, cart-tg, …',
      code: 'ThrottlingException',
      message: 'Rate exceeded',
      hint: 'Read again in a minute.',
    };
    const t = { ...topologyOf([tg]), errors: [health, groups] };
    expect(found(t)).toEqual([
      'warning readFailed elasticloadbalancing:DescribeTargetGroups: DescribeTargetGroups failed',
      'warning readFailed elasticloadbalancing:DescribeTargetHealth: DescribeTargetHealth denied',
    ]);
    const [g, h] = problems(t);
    expect([g?.subject, h?.subject]).toEqual(['us-east-1', tg.id]);
    expect(g?.message).toBe(
      'elasticloadbalancing:DescribeTargetGroups failed (ThrottlingException) for 6 target groups: api-tg, cart-tg, …, so the map may be missing target groups, load balancers, listener rules, subnets. Read again in a minute.',
    );
    const nothing = { ...topologyOf([]), errors: [{ ...groups, api: 'ecs:ListClusters' }] };
    expect(problems(nothing).map((p) => p.severity)).toEqual(['critical']);
  });
});
