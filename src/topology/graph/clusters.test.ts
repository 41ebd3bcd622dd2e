import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { ecsClusterDetail, ecsClusters, taskPhase, type EcsClusterSummary } from './clusters';
import { cluster, clusterArn, service, task, topologyOf } from './testTopology';

describe('the phase a task is counted in', () => {
  it.each([
    ['PROVISIONING', 'pending'],
    ['PENDING', 'pending'],
    ['ACTIVATING', 'pending'],
    ['RUNNING', 'running'],
    ['DEACTIVATING', 'stopping'],
    ['STOPPING', 'stopping'],
    ['DEPROVISIONING', 'stopping'],
    ['STOPPED', 'stopped'],
    ['DELETED', 'stopped'],
    // A status ECS adds later is still counted, as not running.
    ['HIBERNATING', 'pending'],
  ])('%s is %s', (status, phase) => {
    expect(taskPhase(status)).toBe(phase);
  });
});

describe('ECS clusters as the map heads them', () => {
  it('lists the demo’s clusters in ARN order, with AWS’s counters only where they differ from what was read', () => {
    const summaries = ecsClusters(demoTopology());
    expect(summaries.map((s) => `${s.name}: ${s.services} services, ${s.phases.running}/${s.tasks} running, AWS ${JSON.stringify(s.aws)}`)).toEqual([
      'batch-spot: 2 services, 8/9 running, AWS {}',
      'platform-ec2: 3 services, 10/10 running, AWS {}',
      'storefront: 5 services, 18/20 running, AWS {}',
    ]);
    expect(summaries.map(ecsClusterDetail)).toEqual([
      // report-builder's fourth task is still provisioning; checkout-worker has a stopped task.
      '2 services · 8 running tasks · 1 pending · FARGATE, FARGATE_SPOT',
      '3 services · 10 tasks · 3 EC2 instances',
      '5 services · 18 running tasks · 1 pending · 1 stopped · FARGATE',
    ]);
  });

  it('heads a cluster DescribeClusters did not give by the name in its ARN, from its services and tasks', () => {
    const topology = topologyOf([service('platform', 'ledger'), { ...service('platform', 'old'), status: 'DRAINING' }, task('platform', 'ledger')]);
    const [summary] = ecsClusters(topology);
    expect(summary).toMatchObject({ id: clusterArn('platform'), name: 'platform', services: 1, tasks: 1, aws: {} });
    expect(summary?.cluster).toBeUndefined();
    expect(summary && ecsClusterDetail(summary)).toBe('1 service · 1 task · cluster not described');
  });

  it('counts every phase the tasks are in, so the numbers add up to the boxes drawn', () => {
    const topology = topologyOf([
      cluster('jobs', { activeServices: 0, runningTasks: 5 }),
      task('jobs', undefined, { lastStatus: 'RUNNING' }),
      task('jobs', undefined, { lastStatus: 'DEACTIVATING', desiredStatus: 'STOPPED' }),
      task('jobs', undefined, { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }),
      task('jobs', undefined, { lastStatus: 'PENDING' }),
    ]);
    const [summary] = ecsClusters(topology);
    expect(summary?.phases).toEqual({ running: 1, pending: 1, stopping: 1, stopped: 1 });
    expect(summary?.aws).toEqual({ tasks: 5 });
    expect(summary && ecsClusterDetail(summary)).toBe('0 services · 1 running task (AWS: 5) · 1 pending · 1 stopping · 1 stopped · FARGATE');
  });

  it('says where tasks are placed: capacity providers, else EC2 instances, else none', () => {
    const described = (over: Partial<NonNullable<EcsClusterSummary['cluster']>>): EcsClusterSummary => ({
      id: clusterArn('c'),
      name: 'c',
      cluster: { ...cluster('c', { activeServices: 1, runningTasks: 1 }), ...over },
      services: 1,
      tasks: 1,
      phases: { running: 1, pending: 0, stopping: 0, stopped: 0 },
      aws: {},
    });
    expect(ecsClusterDetail(described({ capacityProviders: [], containerInstances: 1 }))).toBe('1 service · 1 task · 1 EC2 instance');
    expect(ecsClusterDetail(described({ capacityProviders: [], containerInstances: 0 }))).toBe('1 service · 1 task · no capacity providers');
  });
});
