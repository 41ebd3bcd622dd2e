import {
  addEvent,
  deploymentsOf,
  change,
  isSteady,
  isStopped,
  liveTasks,
  liveTasksByService,
  object,
  objects,
  primaryOf,
  recount,
  sameTarget,
  serviceName,
  serviceSubnets,
  startTask,
  stopTask,
  taskId,
  taskSubnet,
  targetOf,
  targetsOf,
  type Draft,
  type Ending,
} from './churn-world';
import { str, type JsonObject } from './world';

/**
 * How an estate's ECS side changes on its own, each a pure world → world: deployments roll out, tasks fail and are
 * replaced, targets flap, services scale. The AWS wording of each stop and health reason is FACTS §4 and FACTS-2 §4.
 */

/** ECS deletes a stopped task's record about an hour after it stops (FACTS-2: keep them at least an hour). */
export const STOPPED_TASK_KEPT_S = 3600;

const steadyServices = (d: Draft) => {
  const live = liveTasksByService(d.world);
  return d.world.ecs.services.filter((s) => isSteady(s) && (live.get(str(s, 'serviceArn'))?.length ?? 0) > 0);
};

/** The stoppedReason ECS writes when its scheduler stops a task for a deployment or a scale-in. */
const byScheduler = (deployment: JsonObject): Ending => ({
  stopCode: 'ServiceSchedulerInitiated',
  stoppedReason: `Scaling activity initiated by (deployment ${str(deployment, 'id')})`,
  // Docker's exit code after the SIGTERM the agent sends on a stop.
  exitCode: 143,
});

/**
 * Time passing: tasks still provisioning start, registering targets pass their checks, draining ones are gone,
 * and a stopped task's record disappears after an hour. Run before every step's change.
 */
export const settle = change((d) => {
  const w = d.world;
  w.ecs.tasks = w.ecs.tasks.filter((t) => !isStopped(t) || Number(t['stoppedAt']) > d.epoch - STOPPED_TASK_KEPT_S);
  for (const t of w.ecs.tasks.filter((x) => str(x, 'lastStatus') === 'PROVISIONING' || str(x, 'lastStatus') === 'PENDING')) {
    Object.assign(t, {
      lastStatus: 'RUNNING',
      connectivity: 'CONNECTED',
      connectivityAt: d.epoch - 15,
      pullStartedAt: d.epoch - 12,
      pullStoppedAt: d.epoch - 4,
      startedAt: d.epoch,
    });
    for (const c of objects(t['containers'])) c['lastStatus'] = 'RUNNING';
    const service = w.ecs.services.find((s) => str(t, 'group') === `service:${serviceName(s)}` && str(s, 'clusterArn') === str(t, 'clusterArn'));
    const target = service && targetOf(w, service, t);
    if (target && !targetsOf(w, target.tgArn).some((x) => sameTarget(x, target.id, target.port)))
      targetsOf(w, target.tgArn).push({
        Target: { Id: target.id, Port: target.port, AvailabilityZone: str(t, 'availabilityZone') },
        HealthCheckPort: String(target.port),
        TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
      });
  }
  for (const [arn, targets] of Object.entries(w.elbv2.targetHealth)) {
    const kept = targets.filter((t) => str(object(t['TargetHealth']), 'State') !== 'draining');
    for (const t of kept) if (str(object(t['TargetHealth']), 'State') === 'initial') t['TargetHealth'] = { State: 'healthy' };
    w.elbv2.targetHealth[arn] = kept;
  }
  recount(w);
});

/** The next revision of a task definition: the same containers with the image's last version number bumped. */
function nextRevision(d: Draft, tdArn: string): string {
  const w = d.world;
  const td = w.ecs.taskDefinitions.find((t) => str(t, 'taskDefinitionArn') === tdArn);
  if (!td) return tdArn;
  const family = str(td, 'family');
  const revision = Math.max(...w.ecs.taskDefinitions.filter((t) => str(t, 'family') === family).map((t) => Number(t['revision']))) + 1;
  const next = structuredClone(td);
  const arn = `${tdArn.split(':task-definition/')[0] ?? ''}:task-definition/${family}:${revision}`;
  Object.assign(next, { taskDefinitionArn: arn, revision, registeredAt: d.epoch });
  for (const c of objects(next['containerDefinitions'])) {
    const image = str(c, 'image');
    c['image'] = /\d+$/.test(image) ? image.replace(/\d+$/, (n) => String(Number(n) + 1)) : `${image}-r${revision}`;
  }
  w.ecs.taskDefinitions.push(next);
  return arn;
}

/** A service begins a rolling deployment of a new task-definition revision: a PRIMARY deployment IN_PROGRESS. */
export const startRollout = change((d) => {
  const service = d.pick(steadyServices(d));
  const old = service && primaryOf(service);
  if (!service || !old) return;
  const taskDefinition = nextRevision(d, str(old, 'taskDefinition'));
  const id = `ecs-svc/${Array.from({ length: 19 }, () => Math.floor(d.rand() * 10)).join('')}`;
  Object.assign(old, { status: 'ACTIVE', updatedAt: d.epoch });
  const primary: JsonObject = {
    ...structuredClone(old),
    id,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount: Number(service['desiredCount']),
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    createdAt: d.epoch,
    updatedAt: d.epoch,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
  };
  old['desiredCount'] = 0;
  service['deployments'] = [primary, ...deploymentsOf(service)];
  service['taskDefinition'] = taskDefinition;
});

const azOf = (t: JsonObject) => str(t, 'availabilityZone');

/**
 * Rolling deployments move on one AZ a step: each of that AZ's old tasks is replaced by one of the new revision,
 * which starts first (minimum healthy 100 %), and the old one is stopped by the scheduler. With no old task left,
 * the deployment is COMPLETED and the old one, now INACTIVE, leaves the list.
 */
export const advanceRollouts = change((d) => {
  for (const service of d.world.ecs.services) {
    const primary = primaryOf(service);
    if (!primary || str(primary, 'rolloutState') !== 'IN_PROGRESS') continue;
    const olds = deploymentsOf(service).filter((x) => x !== primary);
    const oldIds = new Set(olds.map((x) => str(x, 'id')));
    const oldTasks = liveTasks(d.world, service).filter((t) => oldIds.has(str(t, 'startedBy')));
    const az = [...new Set(oldTasks.map(azOf))].sort()[0];
    const name = serviceName(service);
    if (az === undefined) {
      const id = str(primary, 'id');
      Object.assign(primary, { rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${id} completed.`, updatedAt: d.epoch });
      service['deployments'] = [primary];
      addEvent(d, service, `(service ${name}) (deployment ${id}) deployment completed.`);
      addEvent(d, service, `(service ${name}) has reached a steady state.`);
      continue;
    }
    const here = oldTasks.filter((t) => azOf(t) === az);
    const started = here.map((t) => startTask(d, service, primary, t));
    addEvent(d, service, `(service ${name}) has started ${started.length} tasks: ${started.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
    for (const t of here) stopTask(d, service, t, byScheduler(primary));
    addEvent(d, service, `(service ${name}) has stopped ${here.length} running tasks: ${here.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
  }
  recount(d.world);
});

/** How tasks die on their own, as ECS words it: killed out of memory, a crash, or failing its load balancer's checks. */
const FAILURES: ((tgArn: string | undefined) => Ending | undefined)[] = [
  () => ({
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    exitCode: 137,
    containerReason: 'OutOfMemoryError: Container killed due to memory usage',
  }),
  () => ({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', exitCode: 1 }),
  (tgArn) =>
    tgArn ? { stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${tgArn})`, exitCode: 143 } : undefined,
];

/** A running task stops with a real stop code and reason, and the scheduler starts its replacement in the same place. */
export const failTask = change((d) => {
  const service = d.pick(steadyServices(d));
  const task = service && d.pick(liveTasks(d.world, service).filter((t) => str(t, 'lastStatus') === 'RUNNING'));
  const deployment = service && primaryOf(service);
  if (!service || !task || !deployment) return;
  const tgArn = str(objects(service['loadBalancers'])[0] ?? {}, 'targetGroupArn') || undefined;
  const endings = FAILURES.map((f) => f(tgArn)).filter((e): e is Ending => e !== undefined);
  const ending = d.pick(endings) ?? byScheduler(deployment);
  stopTask(d, service, task, ending);
  const name = serviceName(service);
  addEvent(d, service, `(service ${name}) has stopped 1 running tasks: (task ${taskId(task)}).`);
  const replacement = startTask(d, service, deployment, task);
  addEvent(d, service, `(service ${name}) has started 1 tasks: (task ${taskId(replacement)}).`);
  recount(d.world);
});

/** Service scaling: out by one task in its least used subnet, or (from four tasks up, half the time) in by one. */
export const scaleService = change((d) => {
  const service = d.pick(steadyServices(d));
  const deployment = service && primaryOf(service);
  if (!service || !deployment) return;
  const tasks = liveTasks(d.world, service);
  const desired = Number(service['desiredCount']);
  const name = serviceName(service);
  const scaleIn = desired >= 4 && d.rand() < 0.5;
  if (scaleIn) {
    const task = tasks[tasks.length - 1];
    if (!task) return;
    stopTask(d, service, task, byScheduler(deployment));
    addEvent(d, service, `(service ${name}) has stopped 1 running tasks: (task ${taskId(task)}).`);
  } else {
    const perSubnet = (subnet: string) => tasks.filter((t) => taskSubnet(t) === subnet).length;
    const subnet = [...serviceSubnets(service)].sort((a, b) => perSubnet(a) - perSubnet(b))[0];
    const like = tasks.find((t) => taskSubnet(t) === subnet) ?? tasks[0];
    if (!like) return;
    const copy = subnet && taskSubnet(like) !== subnet ? withSubnet(like, subnet, d) : like;
    const task = startTask(d, service, deployment, copy);
    addEvent(d, service, `(service ${name}) has started 1 tasks: (task ${taskId(task)}).`);
  }
  const next = desired + (scaleIn ? -1 : 1);
  service['desiredCount'] = next;
  deployment['desiredCount'] = next;
  recount(d.world);
});

/** A template in another subnet: the subnet and its AZ are all a new task takes from where it is placed. */
function withSubnet(task: JsonObject, subnetId: string, d: Draft): JsonObject {
  const copy = structuredClone(task);
  const subnet = d.world.ec2.subnets.find((s) => str(s, 'subnetId') === subnetId);
  copy['availabilityZone'] = str(subnet ?? {}, 'availabilityZone');
  copy['attachments'] = objects(copy['attachments']).map((a) => ({ ...a, details: [{ name: 'subnetId', value: subnetId }] }));
  return copy;
}

/** How a target fails ELB's checks, worded as DescribeTargetHealth words it. */
const UNHEALTHY: JsonObject[] = [
  { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [502]' },
  { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [503]' },
  { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' },
];

/** A target flaps: an unhealthy one recovers, or (when none is unhealthy, or half the time) a healthy one fails. */
export const flapTarget = change((d) => {
  const all = Object.entries(d.world.elbv2.targetHealth).flatMap(([tgArn, ts]) => ts.map((t) => ({ tgArn, t })));
  const inState = (state: string) => all.filter(({ t }) => str(object(t['TargetHealth']), 'State') === state);
  const unhealthy = inState('unhealthy');
  const recover = unhealthy.length > 0 && d.rand() < 0.5;
  const chosen = d.pick(recover ? unhealthy : inState('healthy'));
  if (!chosen) return;
  const health = recover ? { State: 'healthy' } : (d.pick(UNHEALTHY) ?? {});
  chosen.t['TargetHealth'] = structuredClone(health);
  const service = d.world.ecs.services.find((s) => objects(s['loadBalancers']).some((lb) => str(lb, 'targetGroupArn') === chosen.tgArn));
  if (service && !recover) {
    const tgName = chosen.tgArn.split(':targetgroup/')[1]?.split('/')[0] ?? '';
    const port = String(object(chosen.t['Target'])['Port']);
    addEvent(
      d,
      service,
      `(service ${serviceName(service)}) (port ${port}) is unhealthy in target-group ${tgName} due to (reason ${str(health, 'Description')}).`,
    );
  }
});
