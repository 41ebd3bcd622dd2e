import { AWS_BATCH, AWS_DEFAULT_PAGE, AWS_PAGE } from './awsLimits';
import { AwsError, decodeToken, paginate } from './protocol';
import { str, type JsonObject, type World } from './world';

/** ECS over awsJson1_1: POST / with X-Amz-Target AmazonEC2ContainerServiceV20141113.<Op>, JSON in and out. */
export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

type Input = Record<string, unknown>;
type Op = (world: World, input: Input, pageCap: number) => JsonObject;

const invalidToken = () => new AwsError('InvalidParameterException', 'Invalid nextToken');

function stringList(input: Input, key: string): string[] {
  const v = input[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function stringParam(input: Input, key: string): string | undefined {
  const v = input[key];
  return typeof v === 'string' ? v : undefined;
}

function pageSize(input: Input, defaultSize: number, cap: number): number {
  const v = input['maxResults'];
  if (v === undefined) return Math.min(defaultSize, cap);
  if (typeof v !== 'number' || v < AWS_PAGE.ecsList.min || v > AWS_PAGE.ecsList.max) {
    throw new AwsError('InvalidParameterException', `maxResults must be between ${AWS_PAGE.ecsList.min} and ${AWS_PAGE.ecsList.max}.`);
  }
  return Math.min(v, cap);
}

function batch(input: Input, key: string, max: number): string[] {
  const ids = stringList(input, key);
  if (ids.length === 0) throw new AwsError('InvalidParameterException', `${key} can not be empty.`);
  if (ids.length > max) throw new AwsError('InvalidParameterException', `${key} can have at most ${max} items.`);
  return ids;
}

function findCluster(world: World, ref: string | undefined): JsonObject {
  const name = ref ?? 'default';
  const cluster = world.ecs.clusters.find((c) => str(c, 'clusterArn') === name || str(c, 'clusterName') === name);
  if (!cluster) throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  return cluster;
}

/** ECS accepts a name, a short id or a full ARN wherever it asks for a resource. */
function matches(arn: string, ref: string): boolean {
  return arn === ref || arn.endsWith(`/${ref}`);
}

function listOp(items: (world: World, input: Input) => string[], key: string, defaultSize: number): Op {
  return (world, input, cap) => {
    const all = items(world, input);
    const scope = `${key}:${JSON.stringify(input['cluster'] ?? '')}`;
    const offset = decodeToken(stringParam(input, 'nextToken'), scope, invalidToken);
    const { page, next } = paginate(all, offset, pageSize(input, defaultSize, cap), scope);
    return next === undefined ? { [key]: page } : { [key]: page, nextToken: next };
  };
}

const OPS: Record<string, Op> = {
  ListClusters: listOp((w) => w.ecs.clusters.map((c) => str(c, 'clusterArn')), 'clusterArns', AWS_DEFAULT_PAGE.ecsList),
  DescribeClusters: (world, input) => {
    const refs = stringList(input, 'clusters');
    if (refs.length > AWS_BATCH.ecsDescribeClusters)
      throw new AwsError('InvalidParameterException', `clusters can have at most ${AWS_BATCH.ecsDescribeClusters} items.`);
    const clusters: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs.length ? refs : ['default']) {
      const c = world.ecs.clusters.find((x) => str(x, 'clusterArn') === ref || str(x, 'clusterName') === ref);
      if (c) clusters.push(c);
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { clusters, failures };
  },
  // ListServices pages 10 at a time unless maxResults says otherwise (API reference).
  ListServices: listOp(
    (w, input) => {
      const cluster = str(findCluster(w, stringParam(input, 'cluster')), 'clusterArn');
      return w.ecs.services.filter((s) => str(s, 'clusterArn') === cluster).map((s) => str(s, 'serviceArn'));
    },
    'serviceArns',
    AWS_DEFAULT_PAGE.ecsListServices,
  ),
  DescribeServices: (world, input) => {
    const cluster = str(findCluster(world, stringParam(input, 'cluster')), 'clusterArn');
    const refs = batch(input, 'services', AWS_BATCH.ecsDescribeServices);
    const services: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const s = world.ecs.services.find((x) => str(x, 'clusterArn') === cluster && (matches(str(x, 'serviceArn'), ref) || str(x, 'serviceName') === ref));
      if (s) services.push(s);
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { services, failures };
  },
  ListTasks: listOp(
    (w, input) => {
      const cluster = str(findCluster(w, stringParam(input, 'cluster')), 'clusterArn');
      const serviceName = stringParam(input, 'serviceName');
      const desired = stringParam(input, 'desiredStatus') ?? 'RUNNING';
      const instance = stringParam(input, 'containerInstance');
      if (
        serviceName &&
        !w.ecs.services.some((s) => str(s, 'clusterArn') === cluster && (str(s, 'serviceName') === serviceName || str(s, 'serviceArn') === serviceName))
      ) {
        throw new AwsError('ServiceNotFoundException', 'Service not found.');
      }
      const name = serviceName?.split('/').pop();
      return w.ecs.tasks
        .filter((t) => str(t, 'clusterArn') === cluster && str(t, 'desiredStatus') === desired)
        .filter((t) => name === undefined || str(t, 'group') === `service:${name}`)
        .filter((t) => instance === undefined || matches(str(t, 'containerInstanceArn'), instance))
        .map((t) => str(t, 'taskArn'));
    },
    'taskArns',
    100,
  ),
  DescribeTasks: (world, input) => {
    const cluster = str(findCluster(world, stringParam(input, 'cluster')), 'clusterArn');
    const refs = batch(input, 'tasks', AWS_BATCH.ecsDescribeTasks);
    const tasks: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const t = world.ecs.tasks.find((x) => str(x, 'clusterArn') === cluster && matches(str(x, 'taskArn'), ref));
      if (t) tasks.push(t);
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { tasks, failures };
  },
  DescribeTaskDefinition: (world, input) => {
    const ref = stringParam(input, 'taskDefinition') ?? '';
    const defs = world.ecs.taskDefinitions;
    const exact = defs.find((d) => str(d, 'taskDefinitionArn') === ref || `${str(d, 'family')}:${String(d['revision'])}` === ref);
    const latest = defs.filter((d) => str(d, 'family') === ref).sort((a, b) => Number(b['revision']) - Number(a['revision']))[0];
    const found = exact ?? latest;
    if (!found) throw new AwsError('ClientException', 'Unable to describe task definition.');
    return { taskDefinition: found, tags: [] };
  },
  ListContainerInstances: listOp(
    (w, input) => {
      const cluster = str(findCluster(w, stringParam(input, 'cluster')), 'clusterArn');
      return w.ecs.containerInstances.filter((c) => c.clusterArn === cluster).map((c) => str(c.body, 'containerInstanceArn'));
    },
    'containerInstanceArns',
    100,
  ),
  DescribeContainerInstances: (world, input) => {
    const cluster = str(findCluster(world, stringParam(input, 'cluster')), 'clusterArn');
    const refs = batch(input, 'containerInstances', AWS_BATCH.ecsDescribeContainerInstances);
    const containerInstances: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const c = world.ecs.containerInstances.find((x) => x.clusterArn === cluster && matches(str(x.body, 'containerInstanceArn'), ref));
      if (c) containerInstances.push(c.body);
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { containerInstances, failures };
  },
};

export const ECS_OPERATIONS = Object.keys(OPS);

export function ecsOperation(world: World, operation: string, body: string, pageCap: number): JsonObject {
  const op = OPS[operation];
  if (!op) throw new AwsError('UnknownOperationException', `Fleetmap's fake AWS does not implement ecs:${operation}.`);
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw new AwsError('SerializationException', 'Request body is not valid JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AwsError('SerializationException', 'Request body must be a JSON object.');
  return op(world, input as Input, pageCap);
}
