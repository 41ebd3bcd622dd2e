import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld } from './demo';
import { startFakeAws, type FakeAws } from './server';
import { str, type World } from './world';

/**
 * The real AWS CLI (Debian's awscli, botocore underneath) must parse every answer the fake gives for the operations
 * the proxy uses: an independent check of the wire formats. Pages are capped at 2 items so the CLI's own paginator
 * follows the fake's tokens. `.ci/run` installs awscli and sets FLEETMAP_REQUIRE_AWS_CLI, so CI cannot skip this.
 */
const CLI = process.env['FLEETMAP_AWS_CLI'] ?? '/usr/bin/aws';
const present = existsSync(CLI);
if (!present && process.env['FLEETMAP_REQUIRE_AWS_CLI']) throw new Error(`The AWS CLI is required here but ${CLI} does not exist (apt-get install awscli).`);

const run = promisify(execFile);
let fake: FakeAws;
let world: World;
let home: string;

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(CLI, ['--endpoint-url', fake.url, '--region', world.region, '--output', 'json', ...args], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIDFLEETMAPTEST',
      AWS_SECRET_ACCESS_KEY: 'fleetmap-test-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_PAGER: '',
    },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const list = (o: Record<string, unknown>, key: string): Record<string, unknown>[] => {
  const v = o[key];
  if (!Array.isArray(v)) throw new Error(`${key} missing from ${JSON.stringify(o).slice(0, 200)}`);
  return v as Record<string, unknown>[];
};

describe.skipIf(!present)('the AWS CLI parses the fake AWS', () => {
  beforeAll(async () => {
    world = demoWorld();
    home = await mkdtemp(join(tmpdir(), 'fleetmap-awscli-'));
    fake = await startFakeAws({ world, pageCap: 2 });
  });
  afterAll(async () => {
    await fake.close();
  });

  const cluster = () => str(world.ecs.clusters[0] ?? {}, 'clusterArn');
  const ec2Cluster = () => world.ecs.containerInstances[0]?.clusterArn ?? '';

  it('ECS (awsJson1_1): clusters, services, tasks, task definitions, container instances', { timeout: 120_000 }, async () => {
    const [clusters, services, running, stopped, instances] = await Promise.all([
      aws('ecs', 'list-clusters'),
      aws('ecs', 'list-services', '--cluster', cluster()),
      aws('ecs', 'list-tasks', '--cluster', cluster()),
      aws('ecs', 'list-tasks', '--cluster', cluster(), '--desired-status', 'STOPPED'),
      aws('ecs', 'list-container-instances', '--cluster', ec2Cluster()),
    ]);
    expect(list(clusters, 'clusterArns')).toHaveLength(world.ecs.clusters.length);
    const serviceArns = list(services, 'serviceArns') as unknown as string[];
    expect(serviceArns.length).toBe(world.ecs.services.filter((s) => s['clusterArn'] === cluster()).length);
    const taskArns = [...(list(running, 'taskArns') as unknown as string[]), ...(list(stopped, 'taskArns') as unknown as string[])];
    expect(taskArns.length).toBe(world.ecs.tasks.filter((t) => t['clusterArn'] === cluster()).length);
    const instanceArns = list(instances, 'containerInstanceArns') as unknown as string[];
    expect(instanceArns.length).toBeGreaterThan(0);

    const [dClusters, dServices, dTasks, dInstances, dTaskDefinition] = await Promise.all([
      aws('ecs', 'describe-clusters', '--clusters', ...(list(clusters, 'clusterArns') as unknown as string[])),
      aws('ecs', 'describe-services', '--cluster', cluster(), '--services', ...serviceArns.slice(0, 10)),
      aws('ecs', 'describe-tasks', '--cluster', cluster(), '--tasks', ...taskArns.slice(0, 100)),
      aws('ecs', 'describe-container-instances', '--cluster', ec2Cluster(), '--container-instances', ...instanceArns),
      aws('ecs', 'describe-task-definition', '--task-definition', str(world.ecs.taskDefinitions[0] ?? {}, 'taskDefinitionArn')),
    ]);
    expect(list(dClusters, 'clusters').map((c) => c['status'])).toContain('ACTIVE');
    const svc = list(dServices, 'services')[0] ?? {};
    expect(svc['serviceName']).toEqual(expect.any(String));
    // Epoch-second timestamps in JSON come out as dates, not numbers the CLI could not read.
    expect(svc['createdAt']).toMatch(/^\d{4}-\d\d-\d\d/);
    expect(list(dTasks, 'tasks')).toHaveLength(Math.min(100, taskArns.length));
    expect(list(dInstances, 'containerInstances')[0]?.['ec2InstanceId']).toMatch(/^i-/);
    expect((dTaskDefinition['taskDefinition'] as Record<string, unknown>)['containerDefinitions']).toEqual(expect.any(Array));
  });

  it('EC2 (query/XML): instances, subnets, VPCs, route tables', { timeout: 120_000 }, async () => {
    const ids = world.ec2.instances.map((i) => str(i, 'instanceId'));
    const subnetIds = world.ec2.subnets.map((s) => str(s, 'subnetId'));
    const vpcIds = world.ec2.vpcs.map((v) => str(v, 'vpcId'));
    const [instances, subnets, vpcs, routeTables] = await Promise.all([
      aws('ec2', 'describe-instances', '--instance-ids', ...ids),
      aws('ec2', 'describe-subnets', '--subnet-ids', ...subnetIds),
      aws('ec2', 'describe-vpcs', '--vpc-ids', ...vpcIds),
      aws('ec2', 'describe-route-tables', '--filters', `Name=vpc-id,Values=${vpcIds.join(',')}`),
    ]);
    const found = list(instances, 'Reservations').flatMap((r) => list(r, 'Instances').map((i) => i['InstanceId']));
    expect(found.sort()).toEqual([...ids].sort());
    expect(list(subnets, 'Subnets').map((s) => s['SubnetId'])).toEqual(expect.arrayContaining(subnetIds));
    expect(list(subnets, 'Subnets')[0]?.['AvailabilityZone']).toMatch(/^us-east-1[a-z]$/);
    expect(list(vpcs, 'Vpcs')).toHaveLength(vpcIds.length);
    const routes = list(routeTables, 'RouteTables').flatMap((t) => list(t, 'Routes'));
    expect(routes.some((r) => r['DestinationCidrBlock'] === '0.0.0.0/0')).toBe(true);
  });

  it('ELBv2 (query/XML): target groups, target health, load balancers, listeners, rules', { timeout: 120_000 }, async () => {
    const [tgs, lbs] = await Promise.all([aws('elbv2', 'describe-target-groups'), aws('elbv2', 'describe-load-balancers')]);
    expect(list(tgs, 'TargetGroups')).toHaveLength(world.elbv2.targetGroups.length);
    expect(list(lbs, 'LoadBalancers')).toHaveLength(world.elbv2.loadBalancers.length);
    const alb = list(lbs, 'LoadBalancers').find((l) => l['Type'] === 'application') ?? {};
    const listeners = await aws('elbv2', 'describe-listeners', '--load-balancer-arn', String(alb['LoadBalancerArn']));
    const listener = list(listeners, 'Listeners')[0] ?? {};
    const healthAll = await Promise.all(
      list(tgs, 'TargetGroups').map((tg) => aws('elbv2', 'describe-target-health', '--target-group-arn', String(tg['TargetGroupArn']))),
    );
    const rules = await aws('elbv2', 'describe-rules', '--listener-arn', String(listener['ListenerArn']));
    const reasons = healthAll.flatMap((h) => list(h, 'TargetHealthDescriptions').map((d) => (d['TargetHealth'] as Record<string, unknown>)['Reason']));
    expect(reasons).toContain('Target.ResponseCodeMismatch');
    expect(list(rules, 'Rules').some((r) => r['IsDefault'] === true)).toBe(true);
    expect(list(rules, 'Rules').some((r) => JSON.stringify(r['Conditions']).includes('/api/*'))).toBe(true);
  });

  it('EKS (restJson1): clusters, node groups, Fargate profiles', { timeout: 120_000 }, async () => {
    const clusters = list(await aws('eks', 'list-clusters'), 'clusters') as unknown as string[];
    expect(clusters).toEqual(['orders-eks']);
    const [cluster, groups, profiles] = await Promise.all([
      aws('eks', 'describe-cluster', '--name', 'orders-eks'),
      aws('eks', 'list-nodegroups', '--cluster-name', 'orders-eks'),
      aws('eks', 'list-fargate-profiles', '--cluster-name', 'orders-eks'),
    ]);
    expect((cluster['cluster'] as Record<string, unknown>)['status']).toBe('ACTIVE');
    // Epoch seconds on the wire come out as dates.
    expect((cluster['cluster'] as Record<string, unknown>)['createdAt']).toMatch(/^\d{4}-\d\d-\d\d/);
    const names = list(groups, 'nodegroups') as unknown as string[];
    expect(names.sort()).toEqual(['general', 'spot-workers']);
    const group = await aws('eks', 'describe-nodegroup', '--cluster-name', 'orders-eks', '--nodegroup-name', 'spot-workers');
    expect((group['nodegroup'] as Record<string, unknown>)['capacityType']).toBe('SPOT');
    const profile = await aws(
      'eks',
      'describe-fargate-profile',
      '--cluster-name',
      'orders-eks',
      '--fargate-profile-name',
      String((list(profiles, 'fargateProfileNames') as unknown as string[])[0]),
    );
    expect((profile['fargateProfile'] as Record<string, unknown>)['selectors']).toEqual([{ namespace: 'batch' }]);
    const missing = await aws('eks', 'describe-cluster', '--name', 'nope').catch((e: { stderr: string }) => e);
    expect('stderr' in missing ? String(missing.stderr) : '').toMatch(/ResourceNotFoundException/);
  });

  it('AWS errors: AccessDenied and a batch over the limit come back as the CLI reports them', { timeout: 60_000 }, async () => {
    const denied = await startFakeAws({ world, deny: ['elasticloadbalancing:DescribeTargetHealth'] });
    try {
      const err = await run(
        CLI,
        [
          '--endpoint-url',
          denied.url,
          '--region',
          world.region,
          'elbv2',
          'describe-target-health',
          '--target-group-arn',
          str(world.elbv2.targetGroups[0] ?? {}, 'TargetGroupArn'),
        ],
        {
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: home,
            AWS_ACCESS_KEY_ID: 'AKIDFLEETMAPTEST',
            AWS_SECRET_ACCESS_KEY: 'x',
            AWS_EC2_METADATA_DISABLED: 'true',
          },
        },
      ).catch((e: { stderr: string }) => e);
      expect('stderr' in err ? err.stderr : '').toMatch(/AccessDenied.*DescribeTargetHealth/);
    } finally {
      await denied.close();
    }
    const tooMany = Array.from({ length: 11 }, (_, i) => `svc-${i}`);
    const err = await aws('ecs', 'describe-services', '--cluster', cluster(), '--services', ...tooMany).catch((e: { stderr: string }) => e);
    expect('stderr' in err ? String(err.stderr) : '').toMatch(/InvalidParameterException/);
  });
});
