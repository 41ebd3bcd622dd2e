import { describe, expect, it } from 'vitest';
import { wireBody, type ResponsePath } from '../sources/aws/__fixtures__/responses';
import { demoWorld } from './demo';
import { ecsOperation } from './ecs-json';
import { str, type JsonObject, type World } from './world';

/**
 * The fake AWS answers in AWS's own shapes: for each real response kept in server/sources/aws/__fixtures__, the
 * fake's answer for every demo resource of the same kind carries every field the real one carries (recursively;
 * the fake may carry more). A field added to AWS's examples, or dropped from the fake, fails here.
 */

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of a list as one object: every key any of them has (a list of resources, of a container's ports …). */
function merged(list: readonly Json[]): Record<string, Json> | undefined {
  const objects = list.filter(isObject);
  if (objects.length === 0) return undefined;
  const out: Record<string, Json> = {};
  for (const o of objects) {
    for (const [k, v] of Object.entries(o)) {
      const had = out[k];
      if (isObject(had) && isObject(v)) out[k] = merged([had, v]);
      else if (Array.isArray(had) && Array.isArray(v)) out[k] = [...(had as Json[]), ...(v as Json[])];
      else if (had === undefined) out[k] = v;
    }
  }
  return out;
}

/**
 * The paths `real` holds and `fake` lacks. A list the fake has empty is not compared item by item unless `strict`
 * (a container with no port mappings is as AWS answers it), so the union of all the fake's answers is checked too.
 */
function missing(real: Json, fake: Json, strict: boolean, at = ''): string[] {
  if (Array.isArray(real)) {
    const want = merged(real);
    if (!want) return [];
    if (!Array.isArray(fake)) return [at];
    const have = merged(fake);
    if (!have) return strict ? [`${at}[]`] : [];
    return missing(want, have, strict, `${at}[]`);
  }
  if (!isObject(real)) return [];
  if (!isObject(fake)) return [at];
  return Object.entries(real).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return k in fake ? missing(v, fake[k], strict, path) : [path];
  });
}

/** Fields AWS sends only when the request or the registration asked for them, which the fake need not carry. */
const ONLY_WHEN_ASKED: Record<string, string> = {
  // DescribeTasks and DescribeServices return tags only with include: ["TAGS"], which Fleetmap's read never sends.
  tags: 'include TAGS',
  // A container's hard memory limit is echoed only when its definition sets one (the GuardDuty sidecar has none).
  'containers[].memory': 'set per container',
  // Links and a command are echoed only when the registration set them.
  'containerDefinitions[].links': 'set at registration',
  'containerDefinitions[].command': 'set at registration',
};

const ecs = (world: World, operation: string, input: JsonObject): JsonObject =>
  JSON.parse(JSON.stringify(ecsOperation(world, operation, JSON.stringify(input), 100))) as JsonObject;
const one = (answer: JsonObject, key: string): Json => (Array.isArray(answer[key]) ? answer[key][0] : answer[key]);

/** The fake's answers, one per resource of the demo world, as they go on the wire. */
const answers = {
  tasks: (w: World) => w.ecs.tasks.map((t) => one(ecs(w, 'DescribeTasks', { cluster: str(t, 'clusterArn'), tasks: [str(t, 'taskArn')] }), 'tasks')),
  services: (w: World) =>
    w.ecs.services.map((s) => one(ecs(w, 'DescribeServices', { cluster: str(s, 'clusterArn'), services: [str(s, 'serviceArn')] }), 'services')),
  taskDefinitions: (w: World) =>
    w.ecs.taskDefinitions.map((d) => one(ecs(w, 'DescribeTaskDefinition', { taskDefinition: str(d, 'taskDefinitionArn') }), 'taskDefinition')),
  containerInstances: (w: World) =>
    w.ecs.containerInstances.map((c) =>
      one(ecs(w, 'DescribeContainerInstances', { cluster: c.clusterArn, containerInstances: [str(c.body, 'containerInstanceArn')] }), 'containerInstances'),
    ),
};

const field = (v: Json, key: string): Json => (isObject(v) ? v[key] : undefined);
const running = (t: Json) => field(t, 'lastStatus') === 'RUNNING';
const hasEni = (t: Json) => JSON.stringify(field(t, 'attachments') ?? []).includes('ElasticNetworkInterface');

interface Kind {
  real: ResponsePath;
  /** Where the real item is in its answer */
  key: string;
  fake: keyof typeof answers;
  /** Which of the fake's answers are the same kind of resource as the real one */
  same: (item: Json) => boolean;
}

// The synthetic task definition is not a captured answer, so it sets no shape for the fake.
const KINDS: Kind[] = [
  {
    real: 'ecs/DescribeTasks/awscli-fargate-awsvpc',
    key: 'tasks',
    fake: 'tasks',
    same: (t) => running(t) && hasEni(t) && field(t, 'launchType') === 'FARGATE',
  },
  {
    real: 'ecs/DescribeTasks/awscli-fargate-service-task',
    key: 'tasks',
    fake: 'tasks',
    same: (t) => running(t) && hasEni(t) && String(field(t, 'group')).startsWith('service:'),
  },
  {
    real: 'ecs/DescribeTasks/botocore-example-ec2-launch',
    key: 'tasks',
    fake: 'tasks',
    same: (t) => running(t) && field(t, 'containerInstanceArn') !== undefined,
  },
  { real: 'ecs/DescribeServices/botocore-example', key: 'services', fake: 'services', same: () => true },
  { real: 'ecs/DescribeServices/awscli-steady-state', key: 'services', fake: 'services', same: () => true },
  { real: 'ecs/DescribeServices/awscli-fargate-awsvpc', key: 'services', fake: 'services', same: (s) => field(s, 'launchType') === 'FARGATE' },
  { real: 'ecs/DescribeTaskDefinition/botocore-example-plaintext-env-secret', key: 'taskDefinition', fake: 'taskDefinitions', same: () => true },
  { real: 'ecs/DescribeTaskDefinition/awscli-sleep360', key: 'taskDefinition', fake: 'taskDefinitions', same: () => true },
  { real: 'ecs/DescribeContainerInstances/botocore-example', key: 'containerInstances', fake: 'containerInstances', same: () => true },
];

describe('the fake AWS answers the demo world in the shapes of real AWS responses', () => {
  const world = demoWorld();

  it.each(KINDS)('$real: every field, in each answer of the same kind and across them all', ({ real, key, fake, same }) => {
    const body = wireBody(real);
    const realItem = one(isObject(body) ? (body as JsonObject) : {}, key);
    const items = answers[fake](world).filter(same);
    expect(items.length, 'the demo world has no resource of this kind').toBeGreaterThan(0);
    const asked = (p: string) => !(p in ONLY_WHEN_ASKED);
    const perItem = [...new Set(items.flatMap((item) => missing(realItem, item, false)))].filter(asked);
    const acrossAll = missing(realItem, merged(items), true).filter(asked);
    expect({ perItem, acrossAll }).toEqual({ perItem: [], acrossAll: [] });
  });

  it('finds a field the fake lacks, at its path', () => {
    const real = { tasks: [{ a: 1, containers: [{ name: 'x', networkBindings: [{ hostPort: 80 }] }] }] };
    const fake = { tasks: [{ containers: [{ name: 'y', networkBindings: [] }], b: 2 }] };
    expect(missing(real, fake, false)).toEqual(['tasks[].a']);
    expect(missing(real, fake, true)).toEqual(['tasks[].a', 'tasks[].containers[].networkBindings[]']);
  });
});
