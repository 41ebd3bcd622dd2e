import { describe, expect, it } from 'vitest';
import { kubeService, targetGroup, task, topologyOf } from '../graph/testTopology';
import type { Resource, Topology } from '../model';
import { changeEvents } from './changes';
import { AT, cart, deployment, stopped, withDeployments } from './changes.fixture';

/* ECS and ELB changes, each kind on small hand-made reads, told through the feed as a browser receives them. */

const told = (prev: Topology, next: Topology) => changeEvents(prev, next, AT).map((e) => `${e.severity} ${e.kind} ${e.message}`);
const pair = (before: Resource[], after: Resource[]) => [topologyOf(before), topologyOf(after)] as const;

describe('ECS tasks', () => {
  const running = task('shop', 'cart', { az: 'us-east-1a' });
  const other = task('shop', 'cart');
  const short = running.id.slice(-32, -24);

  it('tells a new task started, by its service first and where', () => {
    expect(told(...pair([cart], [cart, running]))).toEqual([`info taskStarted cart: task ${short}… started in us-east-1a`]);
  });

  it('tells a stop with its stop code, reason and container exit code; a failure exit is a warning', () => {
    const crashed = stopped(running, {
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'cart', hostPorts: [], exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }],
    });
    expect(told(...pair([cart, running, other], [cart, crashed, other]))).toEqual([
      `warning taskStopped cart: task ${short}… stopped: Essential container in task exited ` +
        '(EssentialContainerExited; cart exit 137: OutOfMemoryError: Container killed due to memory usage)',
    ]);
  });

  it('makes a failed stop that leaves the service with no running task critical', () => {
    const failed = stopped(running, { stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: pull access denied' });
    expect(told(...pair([cart, running], [cart, failed]))).toEqual([
      `critical taskStopped cart: task ${short}… stopped: CannotPullContainerError: pull access denied (TaskFailedToStart)`,
    ]);
  });

  it('tells a stop the scheduler asked for as information', () => {
    const scaledIn = stopped(running, {
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)',
      containers: [{ name: 'cart', hostPorts: [], exitCode: 0 }],
    });
    expect(told(...pair([cart, running], [cart, scaledIn]))).toEqual([
      `info taskStopped cart: task ${short}… stopped: Scaling activity initiated by (deployment ecs-svc/1234567890123456789) (ServiceSchedulerInitiated; cart exit 0)`,
    ]);
  });

  it('tells a task that started and stopped between two reads as stopped only, and one still listed as stopped not again', () => {
    const gone = stopped(running, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    expect(told(...pair([cart], [cart, gone]))).toEqual([`info taskStopped cart: task ${short}… stopped: Task stopped by user (UserInitiated)`]);
    expect(told(...pair([cart, gone], [cart, { ...gone }]))).toEqual([]);
    // Stopped tasks age out of ListTasks after about an hour: that is no news.
    expect(told(...pair([cart, gone], [cart]))).toEqual([]);
  });

  it('tells a running task that is no longer listed', () => {
    expect(told(...pair([cart, running], [cart]))).toEqual([`info taskStopped cart: task ${short}… is no longer listed`]);
  });

  it('tells a container health check failing and passing again', () => {
    const sick = { ...running, healthStatus: 'UNHEALTHY' };
    expect(told(...pair([cart, { ...running, healthStatus: 'HEALTHY' }], [cart, sick]))).toEqual([
      `warning healthChanged cart: task ${short}… failing its container health check`,
    ]);
    expect(told(...pair([cart, sick], [cart, { ...running, healthStatus: 'HEALTHY' }]))).toEqual([`info healthChanged cart: task ${short}… healthy again`]);
  });

  it('names a standalone task by its task definition family', () => {
    const job = task('shop', undefined, { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/nightly-report:3' });
    expect(told(...pair([], [job]))[0]).toMatch(/^info taskStarted nightly-report: task /);
  });
});

describe('ECS services', () => {
  const v7 = deployment('ecs-svc/7', {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/cart:7',
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/7 completed.',
  });
  const v8 = deployment('ecs-svc/8', { rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment ecs-svc/8 in progress.', updatedAt: AT - 5_000 });

  it('tells a scale as "cart scaled 3 → 5"', () => {
    expect(told(...pair([{ ...cart, desired: 3 }], [{ ...cart, desired: 5 }]))).toEqual(['info serviceScaled cart scaled 3 → 5']);
  });

  it('tells a deployment started, at the time ECS gives, then completed', () => {
    const [before, after] = pair([withDeployments(v7)], [withDeployments(v8, { ...v7, status: 'ACTIVE' })]);
    expect(told(before, after)).toEqual(['info deploymentStarted cart: deployment of cart:8 started']);
    expect(changeEvents(before, after, AT)[0]?.at).toBe(AT - 5_000);
    const done = { ...v8, rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment ecs-svc/8 completed.' };
    expect(told(after, topologyOf([withDeployments(done)]))).toEqual(['info deploymentCompleted cart: deployment of cart:8 completed']);
  });

  it('tells a deployment the circuit breaker failed as critical', () => {
    const failed = { ...v8, rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: task failed to start.' };
    expect(told(...pair([withDeployments(v8, v7)], [withDeployments(failed, v7)]))).toEqual([
      'critical deploymentFailed cart: deployment of cart:8 failed: ECS deployment circuit breaker: task failed to start.',
    ]);
  });

  it('tells a rollback once, with the circuit breaker reason, not also the deployment it starts', () => {
    const given = {
      ...v8,
      status: 'ACTIVE',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/7.',
    };
    const back = deployment('ecs-svc/9', { taskDefinitionArn: v7.taskDefinitionArn, rolloutState: 'IN_PROGRESS' });
    const [before, after] = pair([withDeployments(v8, v7)], [withDeployments(back, given)]);
    expect(told(before, after)).toEqual([
      'warning deploymentRolledBack cart: deployment of cart:8 rolled back: ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/7.',
    ]);
    expect(told(after, topologyOf([withDeployments(back, { ...given })]))).toEqual([]);
  });
});

describe('target health', () => {
  const tg = targetGroup('cart-tg', 'ip', [
    { id: '10.0.1.5', port: 8080, state: 'healthy' },
    { id: '10.0.2.9', port: 8080, state: 'healthy' },
  ]);
  const routed = { ...cart, loadBalancers: [{ targetGroupArn: tg.id, containerName: 'cart', containerPort: 8080 }] };
  const sick = {
    id: '10.0.1.5',
    port: 8080,
    state: 'unhealthy',
    reason: 'Target.ResponseCodeMismatch',
    description: 'Health checks failed with these codes: [502]',
  };

  it('tells a target turning unhealthy with the reason and description, named by its service', () => {
    const after = { ...tg, targets: [sick, { id: '10.0.2.9', port: 8080, state: 'healthy' }] };
    expect(told(...pair([routed, tg], [routed, after]))).toEqual([
      'warning targetUnhealthy cart: target 10.0.1.5:8080 of cart-tg unhealthy (Target.ResponseCodeMismatch; Health checks failed with these codes: [502])',
    ]);
    expect(changeEvents(...pair([routed, tg], [routed, after]), AT)[0]).toMatchObject({ subject: tg.id, owner: routed.id });
  });

  it('makes it critical when no target of the group is healthy, and tells each target apart', () => {
    const after = { ...tg, targets: [sick, { ...sick, id: '10.0.2.9' }] };
    const events = changeEvents(...pair([routed, tg], [routed, after]), AT);
    expect(events.map((e) => `${e.severity} ${e.kind}`)).toEqual(['critical targetUnhealthy', 'critical targetUnhealthy']);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it('tells a target healthy again, and says nothing of a new target passing its first checks', () => {
    const before = { ...tg, targets: [sick, { id: '10.0.2.9', port: 8080, state: 'healthy' }] };
    const after = { ...tg, targets: [...(tg.targets ?? []), { id: '10.0.3.3', port: 8080, state: 'healthy' }] };
    expect(told(...pair([routed, before], [routed, after]))).toEqual(['info targetHealthy cart: target 10.0.1.5:8080 of cart-tg healthy again']);
  });

  it('names a target group bound to a Kubernetes Service by that Service', () => {
    const bound = kubeService('orders-eks', 'orders', 'payments', { targetGroupArns: [tg.id] });
    expect(told(...pair([bound, tg], [bound, { ...tg, targets: [sick] }]))[0]).toMatch(/^critical targetUnhealthy payments: target 10\.0\.1\.5:8080/);
  });
});
