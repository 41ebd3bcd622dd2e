import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Resource, SCHEMA_VERSION, Topology, type Resource as ResourceT, type Topology as TopologyT } from '../model';
import { RESOURCE_FIELDS, TOPOLOGY_FIELDS, type FieldTable } from './fields';
import { REDACTED, redactTopology } from './redact';

/** The zod definition fields the walk below reads (zod 4 keeps them on `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
}
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every path of the schema that holds a string, named as fields.ts names them. */
function stringPaths(s: z.ZodType, path = '', out: string[] = []): string[] {
  const d = def(s);
  switch (d.type) {
    case 'string':
    case 'enum':
      out.push(path);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      if (d.innerType) stringPaths(d.innerType, path, out);
      break;
    case 'array':
      if (d.element) stringPaths(d.element, `${path}[]`, out);
      break;
    case 'record':
      if (d.keyType) stringPaths(d.keyType, `${path}{key}`, out);
      if (d.valueType) stringPaths(d.valueType, `${path}{}`, out);
      break;
    case 'object':
      for (const [k, v] of Object.entries(d.shape ?? {})) if (k !== 'kind') stringPaths(v, path ? `${path}.${k}` : k, out);
      break;
    case 'union':
      for (const o of d.options ?? []) stringPaths(o, path, out);
      break;
    case 'number':
    case 'boolean':
    case 'literal':
      break;
    default:
      // A kind of schema this walk does not know could hide strings: make the test say so.
      out.push(`${path} (unknown zod type ${d.type})`);
  }
  return out;
}

const listed = (t: FieldTable): string[] => [...t.names, ...t.text, ...(t.argv ?? []), ...Object.keys(t.secrets ?? {})];

describe('the field tables place every string of the model', () => {
  const kinds = (def(Resource).options ?? []).map((o) => {
    const kind = def(def(o).shape?.['kind'] ?? o).values?.[0];
    return { kind: String(kind), schema: o };
  });

  it.each(kinds)('$kind: each string field is a name, free text, an argument list or a secret, and only one', ({ kind, schema }) => {
    const table = RESOURCE_FIELDS[kind as ResourceT['kind']];
    expect(table, `no field table for ${kind}`).toBeDefined();
    const paths = [...new Set(stringPaths(schema))].sort();
    const mine = listed(table);
    expect(mine.length, `a path listed twice for ${kind}`).toBe(new Set(mine).size);
    // Unplaced: a new string field must be placed in fields.ts. Stale: a field that no longer exists.
    expect({ unplaced: paths.filter((p) => !mine.includes(p)), stale: mine.filter((p) => !paths.includes(p)) }).toEqual({ unplaced: [], stale: [] });
  });

  it('the topology: source, errors and stats', () => {
    const paths = stringPaths(Topology).filter((p) => !p.startsWith('resources{}'));
    const mine = listed(TOPOLOGY_FIELDS);
    expect({ unplaced: paths.filter((p) => !mine.includes(p)), stale: mine.filter((p) => !paths.includes(p)) }).toEqual({ unplaced: [], stale: [] });
  });
});

const TD_ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/payments:42';

function topology(resources: ResourceT[], over: Partial<TopologyT> = {}): TopologyT {
  return Topology.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { kind: 'snapshot', label: 'prod', region: 'us-east-1', fetchedAt: Date.UTC(2026, 0, 1) },
    resources: Object.fromEntries(resources.map((r) => [r.id, r])),
    errors: [],
    stats: { calls: {}, retries: 0, durationMs: 1 },
    ...over,
  });
}

const taskDefinition: ResourceT = {
  kind: 'taskDefinition',
  id: TD_ARN,
  family: 'payments',
  revision: 42,
  requiresCompatibilities: ['FARGATE'],
  containers: [
    {
      name: 'app',
      image: 'deploy:Im4gePw@registry.example.com/payments:1.2.3',
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [{ name: 'DATABASE_URL', value: 'postgres://app:S3cr3t@db:5432/pay' }],
      environmentFiles: ['arn:aws:s3:::my-config-bucket/payments/prod.env'],
      secrets: [{ name: 'DB_PASSWORD', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf' }],
      command: ['sh', '-c', 'exec app --db-password Sh3llPw'],
      entryPoint: [],
      dockerLabels: { team: 'payments', 'hooks.https://hook:L4belKey@hooks.example.com/x': 'v' },
      repositoryCredentials: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-creds-XyZ123',
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/payments', 'splunk-token': 'Spl8nk' },
        secretOptions: [{ name: 'token', value: 'arn:aws:ssm:us-east-1:123456789012:parameter/splunk-token' }],
      },
      healthCheck: { command: ['CMD-SHELL', 'mysqladmin ping -uroot -pMy5ql || exit 1'] },
    },
  ],
};

describe('redactTopology', () => {
  it('hides every structured secret of a task definition and keeps names, images and sizes', () => {
    const out = redactTopology(topology([taskDefinition])).resources[TD_ARN];
    if (out?.kind !== 'taskDefinition') throw new Error('task definition lost');
    const c = out.containers[0];
    expect(c).toMatchObject({
      name: 'app',
      image: `${REDACTED}@registry.example.com/payments:1.2.3`,
      environment: [{ name: 'DATABASE_URL', value: REDACTED }],
      environmentFiles: ['arn:aws:s3::****:****'],
      secrets: [{ name: 'DB_PASSWORD', value: 'arn:aws:secretsmanager:us-east-1:****:secret:****' }],
      command: ['sh', '-c', `exec app --db-password ${REDACTED}`],
      dockerLabels: { team: REDACTED, [`hooks.https://${REDACTED}@hooks.example.com/x`]: REDACTED },
      repositoryCredentials: 'arn:aws:secretsmanager:us-east-1:****:secret:****',
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/payments', 'splunk-token': REDACTED },
        secretOptions: [{ name: 'token', value: 'arn:aws:ssm:us-east-1:****:parameter:****' }],
      },
      healthCheck: { command: ['CMD-SHELL', `mysqladmin ping -uroot -p${REDACTED} || exit 1`] },
    });
  });

  it('scrubs the free text of every kind: stop reasons, events, rollout reasons, node-group issues, pod states, read errors', () => {
    const key = 'AKIAIOSFODNN7EXAMPLE';
    const t = topology(
      [
        {
          kind: 'task',
          id: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc',
          clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
          lastStatus: 'STOPPED',
          desiredStatus: 'STOPPED',
          taskDefinitionArn: TD_ARN,
          stoppedReason: `Essential container exited: key ${key}`,
          containers: [{ name: 'app', hostPorts: [], reason: 'CannotStartContainerError: token=Tk9' }],
        },
        {
          kind: 'nodeGroup',
          id: 'arn:aws:eks:us-east-1:123456789012:nodegroup/c/general/x',
          clusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c',
          name: 'general',
          status: 'DEGRADED',
          instanceTypes: [],
          subnetIds: [],
          scaling: { min: 1, max: 2, desired: 1 },
          healthIssues: ['AsgInstanceLaunchFailures: https://u:Ng9Pw@bootstrap.example.com failed'],
          autoScalingGroups: [],
        },
      ],
      {
        source: { kind: 'snapshot', label: 'profile Authorization: Bearer Lab3lTok', region: 'us-east-1', fetchedAt: 0 },
        errors: [{ api: 'ecs:DescribeTasks', code: 'AccessDenied', message: `password=Err9Pw denied`, hint: 'grant it' }],
      },
    );
    const text = JSON.stringify(redactTopology(t));
    for (const s of [key, 'Tk9', 'Ng9Pw', 'Lab3lTok', 'Err9Pw']) expect(text).not.toContain(s);
    expect(text).toContain('Essential container exited: key [redacted]');
    expect(text).toContain('AsgInstanceLaunchFailures: https://[redacted]@bootstrap.example.com failed');
  });

  it('keeps a Kubernetes env value that names its Secret and redacts a plain value', () => {
    const pod: ResourceT = {
      kind: 'workload',
      id: 'arn:aws:eks:us-east-1:123456789012:cluster/c/Deployment/orders/api',
      clusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c',
      namespace: 'orders',
      name: 'api',
      workloadKind: 'Deployment',
      desired: 1,
      ready: 1,
      selector: ['app=api', 'api-token=Sel9Tok'],
      template: [
        {
          name: 'api',
          image: 'api:1',
          ports: [],
          requests: {},
          limits: {},
          env: [
            { name: 'DB', value: 'from Secret orders-db key password' },
            { name: 'RAW', value: 'plain-Val9' },
          ],
          command: [],
          args: ['--password', 'Arg9Pw'],
        },
      ],
    };
    const out = redactTopology(topology([pod])).resources[pod.id];
    if (out?.kind !== 'workload') throw new Error('workload lost');
    expect(out.template[0]?.env).toEqual([
      { name: 'DB', value: 'from Secret orders-db key password' },
      { name: 'RAW', value: REDACTED },
    ]);
    expect(out.template[0]?.args).toEqual(['--password', REDACTED]);
    expect(out.selector).toEqual(['app=api', `api-token=${REDACTED}`]);
  });

  it('is idempotent and hands an already redacted topology back as itself', () => {
    const once = redactTopology(topology([taskDefinition]));
    const twice = redactTopology(once);
    expect(twice).toBe(once);
    expect(twice).toEqual(once);
  });

  it('scrubs an id and every reference to it alike, so joins hold', () => {
    const id = 'arn:aws:ecs:us-east-1:123456789012:cluster/password=Id9Pw';
    const t = topology([
      {
        kind: 'cluster',
        id,
        name: 'c',
        status: 'ACTIVE',
        capacityProviders: [],
        defaultCapacityProviderStrategy: [],
        runningTasks: 0,
        activeServices: 0,
        containerInstances: 0,
      },
      {
        kind: 'task',
        id: 'arn:aws:ecs:us-east-1:123456789012:task/c/1',
        clusterArn: id,
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        taskDefinitionArn: TD_ARN,
        containers: [],
      },
    ]);
    const out = redactTopology(t);
    const cluster = Object.values(out.resources).find((r) => r.kind === 'cluster');
    const task = Object.values(out.resources).find((r) => r.kind === 'task');
    expect(JSON.stringify(out)).not.toContain('Id9Pw');
    expect(cluster && out.resources[cluster.id]).toBe(cluster);
    expect(task?.kind === 'task' && task.clusterArn).toBe(cluster?.id);
  });
});
