import { readFileSync } from 'node:fs';
import { WorldBuilder } from './builder';
import { addService } from './builder-services';
import { demoWorld } from './demo';
import type { JsonObject, World } from './world';

const fixture = JSON.parse(
  readFileSync(new URL('../sources/aws/__fixtures__/ecs/ecs-DescribeTaskDefinition.SYNTHETIC-redaction-fixture.json', import.meta.url), 'utf8'),
) as {
  taskDefinition: JsonObject;
};

/** Every secret the synthetic fixture and the demo world hold; none may leave the proxy or appear in an export. */
export const SECRETS = [
  'S3cr3t',
  'postgres://app:',
  'prod/db-AbCdEf',
  'parameter/prod/api-key',
  'sk_live_EXAMPLE',
  'splunk.example.com',
  'dockerhub-creds-XyZ123',
  'my-config-bucket',
  'parameter/splunk-token',
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
