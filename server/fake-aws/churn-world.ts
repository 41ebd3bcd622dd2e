import { createHash } from 'node:crypto';
import { seededRandom, str, strs, type JsonObject, type JsonValue, type World } from './world';

/**
 * What every change of a churning world shares: a draft (a deep copy the change may edit), seeded ids, and the
 * bookkeeping ECS does itself when tasks start and stop, so the world stays as consistent as AWS keeps it.
 */

/** One step of churn: the seed its ids come from and the instant it happens at (epoch ms). */
export interface ChurnStep {
  seed: number;
  now: number;
}

/** How a change edits a draft in place; `change` makes it pure. */
export type WorldEdit = (d: Draft) => void;

/** A change is pure: the same world, seed and instant give the same next world. Its edit lets a tick copy once. */
export interface WorldChange {
  (world: World, step: ChurnStep): World;
  edit: WorldEdit;
}

export function change(edit: WorldEdit): WorldChange {
  return Object.assign(
    (world: World, step: ChurnStep) => {
      const d = draft(structuredClone(world), step);
      edit(d);
      return d.world;
    },
    { edit },
  );
}

export interface Draft {
  world: World;
  /** The step's instant in the epoch seconds ECS writes */
  epoch: number;
  rand: () => number;
  hex(length: number): string;
  pick<T>(items: readonly T[]): T | undefined;
}

/** A draft over `world`, which its edits change in place: give it a copy. */
export function draft(world: World, step: ChurnStep): Draft {
  // The instant joins the seed, so one seed at two instants makes different ids.
  const rand = seededRandom((Math.imul(step.seed, 2654435761) ^ Math.floor(step.now / 1000)) >>> 0);
  const hex = (length: number) => {
    let out = '';
    while (out.length < length) out += Math.floor(rand() * 16).toString(16);
    return out;
  };
  return {
    world,
    epoch: Math.floor(step.now / 1000),
    rand,
    hex,
    pick: (items) => items[Math.floor(rand() * items.length)],
  };
}

export const objects = (v: JsonValue | undefined): JsonObject[] =>
  Array.isArray(v) ? v.filter((x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
export const object = (v: JsonValue | undefined): JsonObject => objects([v ?? null])[0] ?? {};

export const serviceName = (service: JsonObject) => str(service, 'serviceName');
const groupOf = (service: JsonObject) => `service:${serviceName(service)}`;
export const isStopped = (task: JsonObject) => str(task, 'lastStatus') === 'STOPPED';

/** The service's tasks that have not stopped, in the world's order. */
export function liveTasks(w: World, service: JsonObject): JsonObject[] {
  const cluster = str(service, 'clusterArn');
  return w.ecs.tasks.filter((t) => str(t, 'clusterArn') === cluster && str(t, 'group') === groupOf(service) && !isStopped(t));
}

const serviceKey = (clusterArn: string, group: string) => `${clusterArn} ${group}`;

/** Every service's live tasks in one pass, by service ARN: what a change over all services reads, in linear time. */
export function liveTasksByService(w: World): Map<string, JsonObject[]> {
  const byKey = new Map<string, JsonObject[]>();
  for (const t of w.ecs.tasks) {
    if (isStopped(t)) continue;
    const key = serviceKey(str(t, 'clusterArn'), str(t, 'group'));
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  return new Map(w.ecs.services.map((s) => [str(s, 'serviceArn'), byKey.get(serviceKey(str(s, 'clusterArn'), groupOf(s))) ?? []]));
}

export const deploymentsOf = (service: JsonObject) => objects(service['deployments']);
export const primaryOf = (service: JsonObject) => deploymentsOf(service).find((d) => str(d, 'status') === 'PRIMARY');

/** A service at rest: one deployment, its rollout complete, so a change does not tangle with a rollout under way. */
export const isSteady = (service: JsonObject) => deploymentsOf(service).length === 1 && str(primaryOf(service) ?? {}, 'rolloutState') === 'COMPLETED';

const attachmentDetail = (task: JsonObject, name: string) =>
  str(objects(objects(task['attachments'])[0]?.['details']).find((d) => str(d, 'name') === name) ?? {}, 'value');
export const taskSubnet = (task: JsonObject) => attachmentDetail(task, 'subnetId');
export const taskIp = (task: JsonObject) => attachmentDetail(task, 'privateIPv4Address');
export const taskId = (task: JsonObject) => str(task, 'taskArn').split('/').pop() ?? '';

const ipToInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const intToIp = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** Every private address the world holds in use: instances, the ENIs of tasks not stopped, and pods. */
function addressesInUse(w: World): Set<string> {
  const pods = Object.values(w.kube ?? {}).flatMap((k) => k.pods.map((p) => str(object(p['status']), 'podIP')));
  return new Set([...w.ec2.instances.map((i) => str(i, 'privateIpAddress')), ...w.ecs.tasks.filter((t) => !isStopped(t)).map(taskIp), ...pods]);
}

/** The lowest free address of a subnet past the four AWS reserves at its start (and .1–.9 the builders skip). */
export function freeIp(w: World, subnetId: string): string {
  const cidr = str(w.ec2.subnets.find((s) => str(s, 'subnetId') === subnetId) ?? {}, 'cidrBlock');
  const [base = '10.0.0.0', bits = '24'] = cidr.split('/');
  const first = ipToInt(base);
  const size = 2 ** (32 - Number(bits));
  const used = addressesInUse(w);
  for (let n = 10; n < size - 1; n++) {
    const ip = intToIp(first + n);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`subnet ${subnetId} has no free address`);
}

/** A service event, newest first, as DescribeServices lists them (it returns the latest 100). */
export function addEvent(d: Draft, service: JsonObject, message: string): void {
  const events = objects(service['events']);
  const id = `${d.hex(8)}-${d.hex(4)}-${d.hex(4)}-${d.hex(4)}-${d.hex(12)}`;
  service['events'] = [{ id, createdAt: d.epoch, message }, ...events].slice(0, 100);
}

/** The target a task registers in its service's target group, if it has one: by IP (awsvpc) or instance and host port. */
export function targetOf(w: World, service: JsonObject, task: JsonObject): { tgArn: string; id: string; port: number } | undefined {
  const lb = objects(service['loadBalancers'])[0];
  const tgArn = str(lb ?? {}, 'targetGroupArn');
  if (!lb || !tgArn) return undefined;
  const container = objects(task['containers'])[0] ?? {};
  const binding = objects(container['networkBindings'])[0];
  if (binding) {
    const instance = w.ecs.containerInstances.find((c) => str(c.body, 'containerInstanceArn') === str(task, 'containerInstanceArn'));
    return { tgArn, id: str(instance?.body ?? {}, 'ec2InstanceId'), port: Number(binding['hostPort']) };
  }
  const ip = taskIp(task);
  return ip ? { tgArn, id: ip, port: Number(lb['containerPort']) } : undefined;
}

export const targetsOf = (w: World, tgArn: string) => w.elbv2.targetHealth[tgArn] ?? [];
export const sameTarget = (t: JsonObject, id: string, port: number) => str(object(t['Target']), 'Id') === id && Number(object(t['Target'])['Port']) === port;

/** How a task ends: ECS's stopCode and stoppedReason, and the essential container's exit code and reason. */
export interface Ending {
  stopCode: string;
  stoppedReason: string;
  exitCode: number;
  containerReason?: string;
}

/**
 * Stops a task as ECS does: STOPPED with its code and reason, the ENI deleted (the attachment stays, marked
 * DELETED), and its target draining until it is deregistered. It stays describable for about an hour (`settle`).
 */
export function stopTask(d: Draft, service: JsonObject, task: JsonObject, ending: Ending): void {
  const target = targetOf(d.world, service, task);
  Object.assign(task, {
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    healthStatus: 'UNKNOWN',
    stopCode: ending.stopCode,
    stoppedReason: ending.stoppedReason,
    stoppingAt: d.epoch - 30,
    executionStoppedAt: d.epoch - 5,
    stoppedAt: d.epoch,
  });
  for (const c of objects(task['containers']))
    Object.assign(c, { lastStatus: 'STOPPED', exitCode: ending.exitCode, ...(ending.containerReason ? { reason: ending.containerReason } : {}) });
  for (const a of objects(task['attachments'])) a['status'] = 'DELETED';
  const host = d.world.ecs.containerInstances.find((c) => str(c.body, 'containerInstanceArn') === str(task, 'containerInstanceArn'));
  if (host) host.body['runningTasksCount'] = Math.max(0, Number(host.body['runningTasksCount']) - 1);
  if (target)
    for (const t of targetsOf(d.world, target.tgArn).filter((x) => sameTarget(x, target.id, target.port)))
      t['TargetHealth'] = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
}

/**
 * Starts a task of `deployment` where `like` ran (its subnet, or its container instance), as a copy of `like` with
 * new ids, a free address, the deployment's task definition and image, and its target registering.
 */
export function startTask(d: Draft, service: JsonObject, deployment: JsonObject, like: JsonObject): JsonObject {
  const w = d.world;
  const task = structuredClone(like);
  const taken = new Set(w.ecs.tasks.map(taskId));
  let id = d.hex(32);
  while (taken.has(id)) id = d.hex(32);
  const cluster = str(service, 'clusterArn').split('/').pop() ?? '';
  const arnBase = str(service, 'serviceArn').split(':service/')[0] ?? '';
  const taskArn = `${arnBase}:task/${cluster}/${id}`;
  const td = w.ecs.taskDefinitions.find((t) => str(t, 'taskDefinitionArn') === str(deployment, 'taskDefinition'));
  const image = str(objects(td?.['containerDefinitions'])[0] ?? {}, 'image');
  for (const key of ['stopCode', 'stoppedReason', 'stoppingAt', 'executionStoppedAt', 'stoppedAt']) delete task[key];
  Object.assign(task, {
    taskArn,
    taskDefinitionArn: str(deployment, 'taskDefinition'),
    startedBy: str(deployment, 'id'),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: d.epoch - 60,
    connectivity: 'CONNECTED',
    connectivityAt: d.epoch - 50,
    pullStartedAt: d.epoch - 45,
    pullStoppedAt: d.epoch - 20,
    startedAt: d.epoch - 10,
    version: 3,
  });
  const subnetId = taskSubnet(like);
  const ip = subnetId ? freeIp(w, subnetId) : '';
  const attachment = objects(task['attachments'])[0];
  if (attachment && subnetId) {
    attachment['id'] = `${d.hex(8)}-${d.hex(4)}-${d.hex(4)}-${d.hex(4)}-${d.hex(12)}`;
    attachment['status'] = 'ATTACHED';
    attachment['details'] = [
      { name: 'subnetId', value: subnetId },
      { name: 'networkInterfaceId', value: `eni-${d.hex(17)}` },
      { name: 'macAddress', value: `0a:${d.hex(2)}:${d.hex(2)}:${d.hex(2)}:${d.hex(2)}:${d.hex(2)}` },
      { name: 'privateDnsName', value: `ip-${ip.replaceAll('.', '-')}.ec2.internal` },
      { name: 'privateIPv4Address', value: ip },
    ];
  }
  const host = w.ecs.containerInstances.find((c) => str(c.body, 'containerInstanceArn') === str(task, 'containerInstanceArn'));
  if (host) host.body['runningTasksCount'] = Number(host.body['runningTasksCount']) + 1;
  const hostPorts = new Set(
    w.ecs.tasks.filter((t) => !isStopped(t) && str(t, 'containerInstanceArn') === str(task, 'containerInstanceArn')).flatMap(hostPortsOf),
  );
  task['containers'] = objects(task['containers']).map((c) => {
    const bindings = objects(c['networkBindings']).map((b) => ({ ...b, hostPort: nextPort(hostPorts, Number(b['hostPort'])) }));
    const fresh = Object.fromEntries(Object.entries(c).filter(([key]) => key !== 'exitCode' && key !== 'reason'));
    return {
      ...fresh,
      containerArn: `${arnBase}:container/${cluster}/${id}/${d.hex(8)}`,
      taskArn,
      image,
      imageDigest: `sha256:${createHash('sha256').update(image).digest('hex')}`,
      runtimeId: `${id}-${d.hex(4)}`,
      lastStatus: 'RUNNING',
      healthStatus: 'UNKNOWN',
      networkBindings: bindings,
      networkInterfaces: attachment ? [{ attachmentId: str(attachment, 'id'), privateIpv4Address: ip }] : [],
    };
  });
  w.ecs.tasks.push(task);
  const target = targetOf(w, service, task);
  if (target)
    targetsOf(w, target.tgArn).push({
      Target: { Id: target.id, Port: target.port, AvailabilityZone: str(task, 'availabilityZone') },
      HealthCheckPort: String(target.port),
      TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
    });
  return task;
}

const hostPortsOf = (t: JsonObject) => objects(t['containers']).flatMap((c) => objects(c['networkBindings']).map((b) => Number(b['hostPort'])));

/** A static host port stays (the task definition fixed it); a dynamic one is the next the instance has free. */
function nextPort(inUse: Set<number>, port: number): number {
  if (port < 32768) return port;
  let p = 32768;
  while (inUse.has(p)) p++;
  inUse.add(p);
  return p;
}

/** The counts ECS keeps on deployments, services and clusters, from the tasks as they now are. */
export function recount(w: World): void {
  const live = w.ecs.tasks.filter((t) => !isStopped(t));
  const byService = liveTasksByService(w);
  const running = (ts: JsonObject[]) => ts.filter((t) => str(t, 'lastStatus') === 'RUNNING').length;
  for (const service of w.ecs.services) {
    const tasks = byService.get(str(service, 'serviceArn')) ?? [];
    for (const dep of deploymentsOf(service)) {
      const mine = tasks.filter((t) => str(t, 'startedBy') === str(dep, 'id'));
      Object.assign(dep, { runningCount: running(mine), pendingCount: mine.length - running(mine) });
    }
    Object.assign(service, { runningCount: running(tasks), pendingCount: tasks.length - running(tasks) });
  }
  for (const cluster of w.ecs.clusters) {
    const tasks = live.filter((t) => str(t, 'clusterArn') === str(cluster, 'clusterArn'));
    Object.assign(cluster, { runningTasksCount: running(tasks), pendingTasksCount: tasks.length - running(tasks) });
  }
}

/** The subnets a service places tasks in (awsvpc), else none. */
export const serviceSubnets = (service: JsonObject) => strs(object(object(service['networkConfiguration'])['awsvpcConfiguration']), 'subnets');
