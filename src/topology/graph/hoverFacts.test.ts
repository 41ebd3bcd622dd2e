import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { hoverFacts } from './hoverFacts';
import { problems } from './problems';
import { containerInstance, eksArn, eksCluster, lbArn, loadBalancer, service, subnet, targetGroup, task, tdArn, topologyOf, vpc } from './testTopology';

describe('a box’s tooltip', () => {
  const degraded: ResourceOf<'nodeGroup'> = {
    kind: 'nodeGroup',
    id: `${eksArn('orders').replace(':cluster/', ':nodegroup/')}/general/6ec9b1a2-1c3d-4e5f-8a9b-0c1d2e3f4a5b`,
    clusterArn: eksArn('orders'),
    name: 'general',
    status: 'DEGRADED',
    instanceTypes: ['m6i.large'],
    subnetIds: [],
    scaling: { min: 0, max: 2, desired: 0 },
    healthIssues: ['Ec2SubnetInvalidConfiguration: One or more Amazon EC2 Subnets does not automatically assign public IP addresses'],
    autoScalingGroups: [],
  };
  const topology = topologyOf([
    vpc('vpc-1', '10.0.0.0/16', 'shop'),
    { ...subnet('subnet-0qa', 'us-east-1a', '10.0.10.0/24', false, { name: 'private-a' }), availableIps: 249 },
    subnet('subnet-0pa', 'us-east-1a', '10.0.0.0/24', true, { name: 'public-a' }),
    { ...subnet('subnet-0da', 'us-east-1a', '10.0.20.0/24', false, { name: 'db-a' }), defaultRoute: { kind: 'none', blackhole: false } },
    service('shop', 'cart'),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.5' }),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.6' }),
    eksCluster('orders'),
    degraded,
  ]);

  it('gives a subnet’s place, block, exposure, free addresses and contents', () => {
    expect(hoverFacts(topology, 'subnet-0qa')).toBe(
      'Subnet private-a · us-east-1a · 10.0.10.0/24 · private · IPs: 249 free of 251 usable (2 seen in use) · 2 tasks, 0 pods',
    );
  });

  it('calls a subnet with no default route isolated', () => {
    expect(hoverFacts(topology, 'subnet-0da')).toBe(
      'Subnet db-a · us-east-1a · 10.0.20.0/24 · isolated · IPs: 0 seen in use of 251 usable (free count not read) · 0 tasks, 0 pods',
    );
  });

  it('gives the VPC’s block and subnets', () => {
    expect(hoverFacts(topology, 'vpc-1')).toBe(
      'VPC shop · 10.0.0.0/16 · 3 subnets (1 public, 1 private, 1 isolated) · IPs: 2 seen in use of 753 usable (free count not read)',
    );
  });

  it('gives a node group’s state and its problems', () => {
    expect(hoverFacts(topology, degraded.id)).toBe(
      'Node group general of orders · 0/0 Ready · status DEGRADED · Ec2SubnetInvalidConfiguration: One or more Amazon EC2 Subnets does not automatically assign public IP addresses',
    );
  });

  it('says ACTIVE for a node group without problems', () => {
    const active = { ...degraded, status: 'ACTIVE', healthIssues: [] };
    expect(hoverFacts(topologyOf([active]), active.id)).toBe('Node group general · 0/0 Ready · ACTIVE');
  });

  it('has nothing to add for boxes whose words say it all', () => {
    expect(hoverFacts(topology, 'subnet:unknown:us-east-1a')).toBeUndefined();
    expect(hoverFacts(topology, 'us-east-1')).toBeUndefined();
  });
});

describe('the tooltip of a service, target group, load balancer and container instance', () => {
  const tg = {
    ...targetGroup('cart-tg', 'ip', [
      { id: '10.0.10.5', port: 8080, az: 'us-east-1a', state: 'healthy' },
      {
        id: '10.0.11.6',
        port: 8080,
        az: 'us-east-1b',
        state: 'unhealthy',
        reason: 'Target.ResponseCodeMismatch',
        description: 'Health checks failed with these codes: [502]',
      },
      { id: '10.0.11.7', port: 8080, az: 'us-east-1b', state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out' },
      { id: '10.0.10.9', port: 8080, az: 'us-east-1a', state: 'draining', reason: 'Target.DeregistrationInProgress' },
    ]),
    protocol: 'HTTP',
    port: 8080,
    healthCheck: { path: '/health' },
  };
  const alb = {
    ...loadBalancer('shop-alb', ['us-east-1a', 'us-east-1b'], ['arn:x:targetgroup/home-tg/1', tg.id]),
    dnsName: 'shop-alb-1234.us-east-1.elb.amazonaws.com',
  };
  const cart = {
    ...service('shop', 'cart', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'cart', containerPort: 8080 }], taskDefinitionArn: tdArn('cart', 2) }),
    desired: 4,
    running: 3,
    pending: 1,
    deployments: [
      {
        id: 'ecs-svc/1111',
        status: 'PRIMARY',
        rolloutState: 'IN_PROGRESS',
        taskDefinitionArn: tdArn('cart', 2),
        desired: 4,
        running: 2,
        pending: 1,
        failedTasks: 0,
      },
      {
        id: 'ecs-svc/0000',
        status: 'ACTIVE',
        rolloutState: 'COMPLETED',
        taskDefinitionArn: tdArn('cart', 1),
        desired: 0,
        running: 1,
        pending: 0,
        failedTasks: 0,
      },
    ],
  };
  const host = containerInstance('shop', 'i-0a1b2c3d4e5f60718', {
    instanceType: 'm5.large',
    runningTasks: 3,
    registered: { cpu: 2048, memory: 7680 },
    remaining: { cpu: 512, memory: 1024 },
  });
  const world = topologyOf([
    cart,
    service('shop', 'ledger'),
    tg,
    alb,
    host,
    task('shop', 'cart', { az: 'us-east-1a', privateIp: '10.0.10.5', containerInstanceArn: host.id }),
    task('shop', 'cart', { az: 'us-east-1b', privateIp: '10.0.11.6', containerInstanceArn: host.id }),
    task('shop', 'cart', { az: 'us-east-1b', privateIp: '10.0.11.7' }),
    task('shop', 'ledger', { az: 'us-east-1a', containerInstanceArn: host.id }),
  ]);
  const found = problems(world);
  const of = (id: string) => found.filter((p) => p.subject === id || p.related.includes(id));

  it('gives a service’s counts, deployments, routes, AZ spread and problems', () => {
    expect(hoverFacts(world, cart.id, of(cart.id))?.split('\n')).toEqual([
      'Service cart · cluster shop · 3/4 running, 1 pending · FARGATE',
      'Deployments: PRIMARY cart:2 2/4 IN_PROGRESS; ACTIVE cart:1 1/0 COMPLETED',
      'Routes: shop-alb /svc1/* → cart-tg',
      'AZs: us-east-1a 1, us-east-1b 2',
      'Problems: 3/4 running; 2 unhealthy',
    ]);
  });

  it('counts a target group’s targets by health and says why each unhealthy one fails', () => {
    expect(hoverFacts(world, tg.id)?.split('\n')).toEqual([
      'Target group cart-tg · ip HTTP:8080 · health check /health',
      'Targets: 1 healthy, 2 unhealthy, 1 draining',
      'unhealthy 10.0.11.6:8080 (us-east-1b): Target.ResponseCodeMismatch, Health checks failed with these codes: [502]',
      'unhealthy 10.0.11.7:8080 (us-east-1b): Target.Timeout, Request timed out',
      'draining 10.0.10.9:8080 (us-east-1a): Target.DeregistrationInProgress',
    ]);
    const unread = { ...tg, targets: undefined };
    expect(hoverFacts(topologyOf([unread]), tg.id)?.split('\n')[1]).toBe('Targets: health not read');
  });

  it('gives a load balancer’s scheme, listeners and AZs', () => {
    expect(hoverFacts(world, lbArn('shop-alb'))?.split('\n')).toEqual([
      'Application load balancer shop-alb · internet-facing',
      'Listeners: HTTPS:443 (2 rules)',
      'AZs: us-east-1a, us-east-1b',
      'DNS: shop-alb-1234.us-east-1.elb.amazonaws.com',
    ]);
  });

  it('gives a container instance’s type, its tasks by service and its free CPU and memory', () => {
    expect(hoverFacts(world, host.id)?.split('\n')).toEqual([
      'Container instance i-0a1b2c3d4e5f60718 · m5.large · ACTIVE',
      '3 tasks: cart 2, ledger 1',
      'Free: cpu 512 of 2048 units, memory 1024 of 7680 MiB',
    ]);
  });
});
