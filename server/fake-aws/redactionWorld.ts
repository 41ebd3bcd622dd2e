import { resourcesOf, Topology } from '../../src/topology/model';
import { REDACTION_FIXTURE, REDACTION_FIXTURE_SECRETS, wireBody } from '../sources/aws/__fixtures__/responses';
import { WorldBuilder } from './builder';
import { addService } from './builder-services';
import { demoWorld } from './demo';
import type { JsonObject, World } from './world';

const fixture = wireBody(REDACTION_FIXTURE) as { taskDefinition: JsonObject };

/** Every secret the synthetic fixture and the demo world hold; none may leave the proxy or appear in an export. */
export const SECRETS = [
  ...REDACTION_FIXTURE_SECRETS,
  'postgres://app:',
  'hunter2',
  'sk_live_51Hdemo',
  'demo-session-s3cr3t',
  'wJalrXUtnFEMI',
  'ledger-pw-77',
  'prod/stripe-AbC123',
  'prod/sendgrid-Zz9',
];

/** The demo world plus a "payments" service running the synthetic redaction fixture's task definition. */
export function worldWithFixture(): World {
  const world = demoWorld();
  const b = new WorldBuilder('redaction', 1);
  const w = b.worldRef();
  Object.assign(w, { ec2: world.ec2, elbv2: world.elbv2, ecs: { ...world.ecs } });
  b.cluster('payments');
  w.ecs.taskDefinitions.push(fixture.taskDefinition);
  const subnets = world.ec2.subnets.map((s) => String(s['subnetId']));
  addService(b, {
    cluster: 'payments',
    name: 'payments',
    revisions: [{ taskDefinition: String(fixture.taskDefinition['taskDefinitionArn']), running: 2 }],
    subnets,
    launchType: 'FARGATE',
  });
  return b.build();
}

/**
 * What a live read was seen to leak, one secret per way in: shell and health-check commands, curl credentials,
 * authorization headers, JSON in an argument, credentials in image names, label keys, service events, rollout and
 * stop reasons, target-health descriptions, listener rule paths, ingress paths, node-group issues, Kubernetes
 * arguments, env values, termination reasons and selectors. Each value is unique, so a test can say which one leaked.
 */
export const LIVE_LEAKS = {
  shellArgument: 'Lk01DbPw',
  mysqlHealthCheck: 'Lk02My',
  curlUser: 'Lk03Curl',
  bearerHeader: 'Lk04Bearer.x9',
  jsonArgument: 'Lk05Json',
  imageUserInfo: 'Lk06Image',
  basicHeader: 'TGswN0Jhc2ljOnB3',
  dockerLabelKey: 'Lk08LabelKey',
  serviceEvent: 'Lk09Event',
  rolloutReason: 'Lk10Rollout',
  stoppedReasonKey: 'AKIALK11STOPPED12345',
  containerReason: 'Lk12Reason',
  targetHealthDescription: 'Lk13Health',
  listenerRulePath: 'Lk14Rule',
  ingressPath: 'Lk15Path',
  nodeGroupIssue: 'Lk16Issue',
  kubeArgument: 'Lk17Arg',
  kubeEnv: 'Lk18Env',
  kubeTermination: 'Lk19Term',
  kubeImage: 'Lk20KubeImage',
  kubeSelector: 'Lk21Selector',
} as const;

type Json = JsonObject;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
function one<T>(items: readonly T[], what: string, test: (x: T) => boolean = () => true): T {
  const found = items.find(test);
  if (found === undefined) throw new Error(`the demo world has no ${what} to plant a secret in`);
  return found;
}

/** The demo world with every LIVE_LEAKS value planted where AWS or Kubernetes would hand it over. */
export function leakWorld(): World {
  const w = demoWorld();
  const L = LIVE_LEAKS;
  const web = one(w.ecs.taskDefinitions, 'web task definition', (t) => t['family'] === 'web');
  const app = one(list(web['containerDefinitions']), 'container');
  Object.assign(app, {
    image: `deploy:${L.imageUserInfo}@registry.example.com/storefront/web:8`,
    command: ['sh', '-c', `curl -H "Authorization: Bearer ${L.bearerHeader}" http://auth/ && exec /srv/web --db-password ${L.shellArgument} --port 3000`],
    entryPoint: [`--config={"password":"${L.jsonArgument}"}`],
    dockerLabels: { team: 'storefront', [`sentry.dsn.https://${L.dockerLabelKey}@o1.ingest.sentry.io/2`]: 'on' },
    healthCheck: { command: ['CMD-SHELL', `mysqladmin ping -h 127.0.0.1 -uroot -p${L.mysqlHealthCheck} || exit 1`], interval: 30, timeout: 5, retries: 3 },
  });
  const api = one(w.ecs.taskDefinitions, 'api task definition', (t) => t['family'] === 'api');
  Object.assign(one(list(api['containerDefinitions']), 'container'), {
    healthCheck: {
      command: ['CMD-SHELL', `curl -fsS -u admin:${L.curlUser} -H 'Authorization: Basic ${L.basicHeader}' http://localhost:8080/health || exit 1`],
    },
  });

  const service = one(w.ecs.services, 'web service', (s) => s['serviceName'] === 'web');
  list(service['events']).unshift({
    id: 'leak-1',
    createdAt: 1795132800,
    message: `(service web) failed to pull: https://ci:${L.serviceEvent}@ci.example.com`,
  });
  Object.assign(one(list(service['deployments']), 'deployment'), { rolloutStateReason: `ECS deployment circuit breaker: token=${L.rolloutReason}` });

  const task = one(w.ecs.tasks, 'task');
  Object.assign(task, { stoppedReason: `Essential container in task exited: key ${L.stoppedReasonKey}` });
  Object.assign(one(list(task['containers']), 'task container'), {
    reason: `CannotPullContainerError: https://puller:${L.containerReason}@registry.example.com/v2/`,
  });

  const webTg = one(Object.keys(w.elbv2.targetHealth), 'web target group', (arn) => arn.includes('/web-tg/'));
  const target = one(w.elbv2.targetHealth[webTg] ?? [], 'target');
  target['TargetHealth'] = {
    State: 'unhealthy',
    Reason: 'Target.ResponseCodeMismatch',
    Description: `Health checks failed (GET /health?api_key=${L.targetHealthDescription})`,
  };
  const rule = one(w.elbv2.rules, 'listener rule', (r) => list(r.body['Conditions']).length > 0);
  rule.body['Conditions'] = [{ Field: 'path-pattern', Values: [`/hooks/token/${L.listenerRulePath}`] }];

  const nodegroup = one(w.eks?.nodegroups ?? [], 'node group');
  nodegroup.body['health'] = {
    issues: [{ code: 'AsgInstanceLaunchFailures', message: `bootstrap https://node:${L.nodeGroupIssue}@bootstrap.example.com failed` }],
  };
  const kube = one(Object.values(w.kube ?? {}), 'Kubernetes API');
  const ingress = one(kube.ingresses, 'ingress');
  const paths = list(obj(one(list(obj(ingress['spec'])['rules']), 'ingress rule')['http'])['paths']);
  one(paths, 'ingress path')['path'] = `/hooks/token/${L.ingressPath}`;
  const pod = one(kube.pods, 'application pod', (p) => obj(p['metadata'])['namespace'] === 'orders');
  const container = one(list(obj(pod['spec'])['containers']), 'pod container');
  Object.assign(container, {
    image: `bot:${L.kubeImage}@registry.example.com/orders/api:1`,
    args: ['--api-token', L.kubeArgument],
    env: [{ name: 'DB_PASSWORD', value: L.kubeEnv }],
  });
  Object.assign(one(list(obj(pod['status'])['containerStatuses']), 'container status'), {
    lastState: { terminated: { exitCode: 1, reason: `Error password=${L.kubeTermination}` } },
  });
  const kubeService = one(kube.services, 'Kubernetes Service', (s) => obj(s['metadata'])['namespace'] === 'orders');
  obj(kubeService['spec'])['selector'] = { ...obj(obj(kubeService['spec'])['selector']), 'api-token': L.kubeSelector };
  return w;
}

/** A password, an access key id, a URL with credentials and a bearer token, as free text would carry them. */
export const PLANTED = {
  password: 'PzPw1x',
  accessKeyId: 'AKIAPZ00POISON00KEY1',
  urlPassword: 'PzUrl2x',
  bearer: 'PzBearer.3x',
} as const;
const POISON = ` password=${PLANTED.password} ${PLANTED.accessKeyId} https://u:${PLANTED.urlPassword}@h.example.com/x Authorization: Bearer ${PLANTED.bearer}`;

/**
 * A snapshot with the PLANTED secrets appended to every string, and to every key that is data rather than a field
 * name (resource ids, label keys, log options, API names), plus a read error. Task definition ARNs are left as they
 * are so the task definition route can still be asked for each one; all their fields carry the secrets.
 */
export function poisoned(t: Topology): Topology {
  const keep = new Set(resourcesOf(t, 'taskDefinition').map((td) => td.id));
  const plain = (s: string) => keep.has(s) || /^[A-Za-z][A-Za-z0-9]*$/.test(s);
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return key === 'kind' || keep.has(v) ? v : `${v}${POISON}`;
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [plain(k) ? k : `${k}${POISON}`, walk(x, k)]));
    return v;
  };
  const error = {
    api: 'ecs:DescribeTasks',
    resource: 'arn:aws:ecs:us-east-1:123456789012:cluster/x',
    code: 'AccessDenied',
    message: 'denied',
    hint: 'grant it',
  };
  return Topology.parse(walk({ ...t, errors: [...t.errors, error] }, ''));
}
