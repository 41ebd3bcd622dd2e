import type { DescribeContainerInstancesResponse, DescribeServicesResponse, DescribeTaskDefinitionResponse, DescribeTasksResponse } from '@aws-sdk/client-ecs';
import type { Instance, Subnet } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { resourcesOf, type Topology } from '../../../src/topology/model';
import { REDACTED, redactTopology } from '../../../src/topology/redact/redact';
import { first, rawEstate, REDACTION_FIXTURE_SECRETS, responsePaths, sdkOutput, type ResponsePath } from './__fixtures__/responses';
import type { RawEstate } from './raw';
import { toTopology } from './toTopology';
import { checkAnswer, type Malformed } from './validate';

/** Every real response body, through the answer rules and the pure mapping, and what each shape must yield. */

const source = { kind: 'aws', label: 'fixtures', fetchedAt: Date.UTC(2026, 10, 20) } as const;
const map = (part: Partial<RawEstate>): Topology => toTopology(rawEstate(part), source);

const tasksOf = (path: ResponsePath) => sdkOutput<DescribeTasksResponse>(path).tasks ?? [];
const servicesOf = (path: ResponsePath) => sdkOutput<DescribeServicesResponse>(path).services ?? [];
const taskDefinitionOf = (path: ResponsePath) => {
  const { taskDefinition } = sdkOutput<DescribeTaskDefinitionResponse>(path);
  if (!taskDefinition) throw new Error(`${path} has no taskDefinition`);
  return taskDefinition;
};
const hostsOf = (path: ResponsePath) => sdkOutput<DescribeContainerInstancesResponse>(path).containerInstances ?? [];

/** The EC2 instance behind the botocore container instance (DescribeInstances is not in the example). */
const hostInstance: Instance = {
  InstanceId: 'i-807f3249',
  Placement: { AvailabilityZone: 'us-east-1c' },
  SubnetId: 'subnet-0host',
  PrivateIpAddress: '10.0.2.20',
};

/** What each real shape yields through toTopology; a response file with no entry here fails the last test. */
const SCENARIOS: Record<ResponsePath, () => void> = {
  'ecs/DescribeTasks/awscli-fargate-awsvpc': () => {
    const [task, ...rest] = resourcesOf(map({ tasks: tasksOf('ecs/DescribeTasks/awscli-fargate-awsvpc') }), 'task');
    expect(rest).toEqual([]);
    // A Fargate awsvpc task: subnet, address and ENI from its ElasticNetworkInterface attachment's details.
    expect(task).toMatchObject({
      id: 'arn:aws:ecs:us-east-1:053534965804:task/fargate-cluster/c524291ae4154100b601a543108b193a',
      az: 'us-east-1b',
      subnetId: 'subnet-0d0eab1bb38d5ca64',
      privateIp: '10.0.1.170',
      eniId: 'eni-0d542ffb4a12aa6d9',
      launchType: 'FARGATE',
      group: 'family:webserver',
      healthStatus: 'HEALTHY',
      startedAt: 1_701_187_880_316,
      containers: [
        { name: 'web', lastStatus: 'RUNNING', healthStatus: 'HEALTHY', hostPorts: [] },
        { name: 'aws-guardduty-agent-FvWGoDU', lastStatus: 'RUNNING', healthStatus: 'UNKNOWN', hostPorts: [] },
      ],
    });
    // Started by hand (group "family:…"), so no service owns it.
    expect(task?.serviceArn).toBeUndefined();
  },

  'ecs/DescribeTasks/awscli-fargate-service-task': () => {
    // The CLI docs name the service of this task "fargate-service" and show the service itself as "MyService";
    // the service's own deployment is the one that started the task (startedBy), as AWS links them.
    const service = first(servicesOf('ecs/DescribeServices/awscli-fargate-awsvpc'), 'service');
    const subnet: Subnet = { SubnetId: 'subnet-12344321', VpcId: 'vpc-1', AvailabilityZone: 'us-west-2a', CidrBlock: '10.0.0.0/24' };
    const t = map({
      region: 'us-west-2',
      tasks: tasksOf('ecs/DescribeTasks/awscli-fargate-service-task'),
      services: [{ ...service, serviceName: 'fargate-service' }],
      subnets: [subnet],
    });
    // No availabilityZone in this answer: the ENI's subnet says where the task runs.
    expect(resourcesOf(t, 'task')).toMatchObject([
      {
        az: 'us-west-2a',
        subnetId: 'subnet-12344321',
        privateIp: '10.0.0.4',
        eniId: 'eni-12344321',
        serviceArn: service.serviceArn,
        deploymentId: first(service.deployments, 'deployment').id,
      },
    ]);
  },

  'ecs/DescribeTasks/botocore-example-ec2-launch': () => {
    const task = first(tasksOf('ecs/DescribeTasks/botocore-example-ec2-launch'), 'task');
    const host = {
      ...first(hostsOf('ecs/DescribeContainerInstances/botocore-example'), 'container instance'),
      containerInstanceArn: task.containerInstanceArn,
    };
    const t = map({ tasks: [task], containerInstances: [{ clusterArn: task.clusterArn ?? '', instance: host }], instances: [hostInstance] });
    // No availabilityZone and no ENI (bridge networking): the container instance says where it runs.
    expect(resourcesOf(t, 'task')).toEqual([
      expect.objectContaining({
        containerInstanceArn: task.containerInstanceArn,
        az: 'us-east-1c',
        subnetId: 'subnet-0host',
        privateIp: '10.0.2.20',
        deploymentId: 'ecs-svc/9223370608528463088',
        containers: [{ name: 'ecs-demo', lastStatus: 'RUNNING', hostPorts: [80] }],
      }),
    ]);
    expect(resourcesOf(t, 'task')[0]?.eniId).toBeUndefined();
  },

  'ecs/DescribeServices/botocore-example': () => {
    const [service] = resourcesOf(map({ services: servicesOf('ecs/DescribeServices/botocore-example') }), 'service');
    expect(service).toMatchObject({
      name: 'ecs-simple-service',
      desired: 1,
      running: 0,
      deployments: [{ id: 'ecs-svc/9223370564341623665', status: 'PRIMARY', desired: 1, running: 0, createdAt: 1_472_487_952_130 }],
      // The placement failure is what the panel must say about a service with nothing running.
      events: [{ id: '38c285e5-d335-4b68-8b15-e46dedc8e88d', createdAt: 1_472_487_958_520, message: expect.stringContaining('was unable to place a task') }],
    });
    expect(service?.launchType).toBeUndefined();
    expect(service?.networkConfiguration).toBeUndefined();
  },

  'ecs/DescribeServices/awscli-steady-state': () => {
    const [service] = resourcesOf(map({ services: servicesOf('ecs/DescribeServices/awscli-steady-state') }), 'service');
    expect(service).toMatchObject({
      name: 'my-http-service',
      desired: 10,
      running: 10,
      deployments: [{ id: 'ecs-svc/1234567890123456789', updatedAt: 1_428_326_312_703 }],
      events: [{ id: 'a1b2c3d4-5678-90ab-cdef-11111EXAMPLE', createdAt: 1_466_801_812_435, message: '(service my-http-service) has reached a steady state.' }],
    });
  },

  'ecs/DescribeServices/awscli-fargate-awsvpc': () => {
    const [service] = resourcesOf(map({ services: servicesOf('ecs/DescribeServices/awscli-fargate-awsvpc') }), 'service');
    expect(service).toMatchObject({
      id: 'arn:aws:ecs:us-west-2:123456789012:service/MyCluster/MyService',
      launchType: 'FARGATE',
      schedulingStrategy: 'REPLICA',
      networkConfiguration: { subnets: ['subnet-12344321'], securityGroups: ['sg-12344321'], assignPublicIp: 'ENABLED' },
      deployments: [{ id: 'ecs-svc/1234567890123456789', createdAt: 1_557_119_253_821 }],
      events: [],
      loadBalancers: [],
    });
  },

  'ecs/DescribeTaskDefinition/botocore-example-plaintext-env-secret': () => {
    const t = map({ taskDefinitions: [taskDefinitionOf('ecs/DescribeTaskDefinition/botocore-example-plaintext-env-secret')] });
    const env = (topology: Topology) => resourcesOf(topology, 'taskDefinition')[0]?.containers.map((c) => [c.name, c.environment]);
    // The mapping keeps a plain-text environment value as AWS gave it; the one redaction pass hides it.
    expect(env(t)).toEqual([
      ['wordpress', []],
      ['mysql', [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }]],
    ]);
    expect(env(redactTopology(t))).toEqual([
      ['wordpress', []],
      ['mysql', [{ name: 'MYSQL_ROOT_PASSWORD', value: REDACTED }]],
    ]);
  },

  'ecs/DescribeTaskDefinition/awscli-sleep360': () => {
    const [td] = resourcesOf(map({ taskDefinitions: [taskDefinitionOf('ecs/DescribeTaskDefinition/awscli-sleep360')] }), 'taskDefinition');
    expect(td).toMatchObject({
      family: 'sleep360',
      revision: 2,
      status: 'ACTIVE',
      requiresCompatibilities: [],
      containers: [{ name: 'sleep', image: 'busybox', cpu: 10, memory: 10, essential: true, command: ['sleep', '360'], portMappings: [], environment: [] }],
    });
  },

  'ecs/DescribeTaskDefinition/SYNTHETIC-redaction-fixture': () => {
    const t = map({ taskDefinitions: [taskDefinitionOf('ecs/DescribeTaskDefinition/SYNTHETIC-redaction-fixture')] });
    const found = (topology: Topology) => REDACTION_FIXTURE_SECRETS.filter((s) => JSON.stringify(topology).includes(s));
    // Each secret reaches the model (so the check below can fail), and none is left after the one redaction pass.
    expect(found(t)).toEqual(REDACTION_FIXTURE_SECRETS);
    expect(found(redactTopology(t))).toEqual([]);
  },

  'ecs/DescribeContainerInstances/botocore-example': () => {
    const ci = first(hostsOf('ecs/DescribeContainerInstances/botocore-example'), 'container instance');
    const t = map({ containerInstances: [{ clusterArn: 'arn:aws:ecs:us-east-1:012345678910:cluster/default', instance: ci }], instances: [hostInstance] });
    // CPU and MEMORY from the INTEGER resources; the PORTS string set is not a capacity.
    expect(resourcesOf(t, 'containerInstance')).toEqual([
      expect.objectContaining({
        ec2InstanceId: 'i-807f3249',
        status: 'ACTIVE',
        agentConnected: true,
        runningTasks: 1,
        registered: { cpu: 2048, memory: 3768 },
        remaining: { cpu: 1948, memory: 3668 },
        az: 'us-east-1c',
        subnetId: 'subnet-0host',
        privateIp: '10.0.2.20',
      }),
    ]);
  },
};

describe('real AWS responses through the answer rules', () => {
  it.each(responsePaths())('%s passes whole, as the same object, with nothing reported', (path) => {
    const [service, operation] = path.split('/');
    const answer = sdkOutput<Record<string, unknown>>(path);
    const found: Malformed[] = [];
    expect(checkAnswer(`${service}:${operation}`, answer, (m) => found.push(m))).toBe(answer);
    expect(found).toEqual([]);
  });

  it('leave out only the bad task when one real task of two lost its ARN', () => {
    const good = first(tasksOf('ecs/DescribeTasks/awscli-fargate-awsvpc'), 'task');
    const bad = { ...first(tasksOf('ecs/DescribeTasks/awscli-fargate-service-task'), 'task'), taskArn: undefined };
    const found: Malformed[] = [];
    const out = checkAnswer('ecs:DescribeTasks', { tasks: [bad, good] }, (m) => found.push(m));
    expect(out.tasks).toEqual([good]);
    expect(found).toMatchObject([{ what: 'task', problem: expect.stringMatching(/^tasks\[0\]\.taskArn/) }]);
  });
});

describe('real AWS responses through toTopology', () => {
  it.each(Object.entries(SCENARIOS))('%s', (_path, check) => {
    check();
  });

  it('reads every response file kept in __fixtures__', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(responsePaths());
  });
});
