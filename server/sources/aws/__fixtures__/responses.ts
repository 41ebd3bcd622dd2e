import { readdirSync, readFileSync } from 'node:fs';
import type { RawEstate } from '../raw';

/**
 * Real AWS response bodies, one file per scenario in `<service>/<Operation>/<scenario>.json`, as they cross the
 * wire (awsJson1_1: epoch-second timestamps). README.md beside this file says where each comes from.
 */
const HERE = new URL('./', import.meta.url);

/** "ecs/DescribeTasks/awscli-fargate-awsvpc": service, operation and scenario, without the extension. */
export type ResponsePath = `${string}/${string}/${string}`;

/** Every response file kept here, as ResponsePaths, in name order. */
export function responsePaths(): ResponsePath[] {
  return readdirSync(HERE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replaceAll('\\', '/').slice(0, -'.json'.length) as ResponsePath)
    .sort();
}

/** The body as AWS sent it. */
export function wireBody(path: ResponsePath): unknown {
  return JSON.parse(readFileSync(new URL(`${path}.json`, HERE), 'utf8'));
}

/** The body as the SDK hands it over: epoch-second timestamps (every `…At` member) become Dates, rounded to the ms as the SDK does. */
export function sdkOutput<T>(path: ResponsePath): T {
  const text = readFileSync(new URL(`${path}.json`, HERE), 'utf8');
  return JSON.parse(text, (key, value: unknown) => (typeof value === 'number' && key.endsWith('At') ? new Date(Math.round(value * 1000)) : value)) as T;
}

/** The synthetic task definition that holds a secret in each place a task definition can carry one. */
export const REDACTION_FIXTURE: ResponsePath = 'ecs/DescribeTaskDefinition/SYNTHETIC-redaction-fixture';

/** The secrets REDACTION_FIXTURE holds, one per place; none may survive the redaction pass. */
export const REDACTION_FIXTURE_SECRETS = [
  'S3cr3t',
  'prod/db-AbCdEf',
  'parameter/prod/api-key',
  'sk_live_EXAMPLE',
  'splunk.example.com',
  'dockerhub-creds-XyZ123',
  'my-config-bucket',
  'parameter/splunk-token',
] as const;

/** The first item of a list in a response, failing loudly when the fixture has none. */
export function first<T>(list: readonly T[] | undefined, what: string): T {
  const [item] = list ?? [];
  if (item === undefined) throw new Error(`the fixture has no ${what}`);
  return item;
}

/** A read that gathered only `part`: the input of toTopology, built from the responses above. */
export function rawEstate(part: Partial<RawEstate>): RawEstate {
  return {
    region: 'us-east-1',
    clusters: [],
    services: [],
    tasks: [],
    containerInstances: [],
    taskDefinitions: [],
    instances: [],
    subnets: [],
    vpcs: [],
    routeTables: [],
    loadBalancers: [],
    listeners: [],
    rules: [],
    targetGroups: [],
    targetHealth: {},
    eksClusters: [],
    nodegroups: [],
    fargateProfiles: [],
    eksInstances: [],
    kube: [],
    errors: [],
    calls: {},
    retries: 0,
    durationMs: 0,
    ...part,
  };
}
