import { describe, expect, it } from 'vitest';
import type { ReadError, ResourceOf } from '../model';
import { cidrSize, ipWords, subnetFacts, vpcFacts } from './networkFacts';
import { containerInstance, eksArn, eksNode, loadBalancer, pod, service, subnet, task, topologyOf, vpc, workload } from './testTopology';

const nodeGroupArn = `${eksArn('orders')}`.replace(':cluster/', ':nodegroup/') + '/general/6ec9b1a2-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

function estate(errors: ReadError[] = []) {
  const pubA = { ...subnet('subnet-0pa', 'us-east-1a', '10.0.0.0/24', true, { name: 'public-a' }), availableIps: 248 };
  const privA = subnet('subnet-0qa', 'us-east-1a', '10.0.10.0/24', false, { name: 'private-a' });
  const privB = { ...subnet('subnet-0qb', 'us-east-1b', '10.0.11.0/24', false, { name: 'private-b' }), availableIps: 250 };
  const host = containerInstance('shop', 'i-0host0000000000b', { subnetId: 'subnet-0qb', privateIp: '10.0.11.4', az: 'us-east-1b' });
  const orders = workload('orders', 'orders', 'orders-api');
  const group: ResourceOf<'nodeGroup'> = {
    kind: 'nodeGroup',
    id: nodeGroupArn,
    clusterArn: eksArn('orders'),
    name: 'general',
    status: 'ACTIVE',
    instanceTypes: ['m6i.large'],
    subnetIds: ['subnet-0qa', 'subnet-0qb'],
    scaling: { min: 1, max: 3, desired: 1 },
    healthIssues: [],
    autoScalingGroups: [],
  };
  const resources = [
    vpc('vpc-1', '10.0.0.0/16', 'shop'),
    pubA,
    privA,
    privB,
    service('shop', 'cart'),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.5' }),
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.6', lastStatus: 'PENDING' }),
    // A stopped task's address is free again: counted among the cart tasks read there, not among the addresses in use.
    task('shop', 'cart', { subnetId: 'subnet-0qa', privateIp: '10.0.10.9', lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }),
    // A bridge-mode task has no ENI of its own: it sits in its host's subnet, at its host's address.
    host,
    task('shop', 'cart', { containerInstanceArn: host.id, privateIp: '10.0.11.4' }),
    eksNode('orders', 'i-0node0000000000a', { subnetId: 'subnet-0qa', privateIp: '10.0.10.20', nodeGroupArn, nodeGroupName: 'general' }),
    orders,
    pod('orders', 'orders', 'orders-api-7c9f-x1', { instanceId: 'i-0node0000000000a', podIp: '10.0.10.21', workloadId: orders.id }),
    { ...loadBalancer('web', ['us-east-1a'], []), vpcId: 'vpc-1', zones: [{ az: 'us-east-1a', subnetId: 'subnet-0pa' }] },
    group,
  ];
  return { topology: { ...topologyOf(resources), errors }, pubA, privA, privB };
}

const denied = (api: string): ReadError => ({ api, code: 'AccessDenied', message: 'User is not authorized to perform: ' + api, hint: '' });

describe('what a subnet panel shows', () => {
  it('says why a subnet is public or private, and unknown when its route tables were not read', () => {
    const { topology, pubA, privA } = estate();
    expect(subnetFacts(topology, pubA)).toMatchObject({ exposure: 'public', why: expect.stringContaining('internet gateway') });
    expect(subnetFacts(topology, privA)).toMatchObject({ exposure: 'private', why: expect.stringContaining('NAT gateway') });
    const unread = estate([denied('ec2:DescribeRouteTables')]);
    expect(subnetFacts(unread.topology, unread.privA)).toMatchObject({ exposure: 'unknown', why: expect.stringContaining('DescribeRouteTables') });
  });

  it('names the default route: the NAT gateway of a private subnet, none for an isolated one, and a blackhole as isolated', () => {
    const { topology, pubA, privA } = estate();
    const routed = (base: ResourceOf<'subnet'>, defaultRoute: ResourceOf<'subnet'>['defaultRoute']) =>
      subnetFacts(topology, { ...base, ...(defaultRoute ? { defaultRoute } : {}) });
    const nat = routed(privA, { kind: 'natGateway', targetId: 'nat-0abc1234def567890', blackhole: false, routeTableId: 'rtb-0main', mainTable: true });
    expect([nat.reach, nat.why]).toEqual(['private', 'default route to NAT gateway nat-0abc1234def567890 (the VPC’s main route table rtb-0main)']);
    const tgw = routed(privA, { kind: 'transitGateway', targetId: 'tgw-0abc1234def567890', blackhole: false, routeTableId: 'rtb-0priv' });
    expect([tgw.reach, tgw.why]).toEqual(['private', 'default route to transit gateway tgw-0abc1234def567890 (route table rtb-0priv)']);
    const none = routed(privA, { kind: 'none', blackhole: false, routeTableId: 'rtb-0iso' });
    expect([none.reach, none.why]).toEqual(['isolated', 'no default route (route table rtb-0iso)']);
    const dead = routed(privA, { kind: 'natGateway', targetId: 'nat-0dead1234def56789', blackhole: true, routeTableId: 'rtb-0priv' });
    expect([dead.reach, dead.why]).toEqual([
      'isolated',
      'default route to NAT gateway nat-0dead1234def56789 is a blackhole: its target is gone (route table rtb-0priv)',
    ]);
    const igw = routed(pubA, { kind: 'internetGateway', targetId: 'igw-0abc1234def567890', blackhole: false, routeTableId: 'rtb-0pub' });
    expect([igw.reach, igw.why]).toEqual(['public', 'default route to internet gateway igw-0abc1234def567890 (route table rtb-0pub)']);
    // A snapshot older than schema version 4 kept neither the gateway's id nor a private subnet's route.
    const migrated = routed(pubA, { kind: 'internetGateway', blackhole: false });
    expect([migrated.reach, migrated.why]).toEqual(['public', 'default route to an internet gateway']);
    expect(subnetFacts(topology, privA)).toMatchObject({ reach: 'private', why: expect.stringContaining('a NAT gateway or no internet route') });
  });

  it('gives AvailableIpAddressCount when read, and always the distinct live addresses seen against the usable block', () => {
    const { topology, pubA, privA, privB } = estate();
    expect(subnetFacts(topology, pubA).ips).toEqual({ size: 256, usable: 251, free: 248, seen: 0 });
    // Two live cart tasks, the node and its pod; the stopped task's address is not in use.
    expect(subnetFacts(topology, privA).ips).toEqual({ size: 256, usable: 251, seen: 4 });
    // The host and its bridge-mode task share one address.
    expect(subnetFacts(topology, privB).ips).toEqual({ size: 256, usable: 251, free: 250, seen: 1 });
    expect(ipWords(subnetFacts(topology, privA).ips)).toBe('4 seen in use of 251 usable (free count not read)');
    expect(ipWords(subnetFacts(topology, pubA).ips)).toBe('248 free of 251 usable (0 seen in use)');
  });

  it('lists what runs there: services and workloads with counts, EKS nodes, node groups, hosts and load balancer nodes', () => {
    const { topology, pubA, privA, privB } = estate();
    const a = subnetFacts(topology, privA);
    expect(a.occupants.map((o) => [o.name, o.engine, o.count, o.running])).toEqual([
      ['cart', 'ecs', 3, 1],
      ['orders-api', 'eks', 1, 1],
    ]);
    expect([a.tasks, a.pods]).toEqual([3, 1]);
    expect(a.eksNodes.map((n) => n.id)).toEqual(['i-0node0000000000a']);
    expect(a.nodeGroups.map((g) => g.name)).toEqual(['general']);
    expect(a.loadBalancers).toEqual([]);
    const b = subnetFacts(topology, privB);
    expect(b.containerInstances.map((h) => h.ec2InstanceId)).toEqual(['i-0host0000000000b']);
    expect(b.occupants.map((o) => [o.name, o.count])).toEqual([['cart', 1]]);
    const pub = subnetFacts(topology, pubA);
    expect(pub.loadBalancers.map((lb) => lb.name)).toEqual(['web']);
    expect([pub.occupants, pub.eksNodes, pub.nodeGroups]).toEqual([[], [], []]);
  });

  it('says which of its contents a failed call may have left out', () => {
    const { topology, privA } = estate([denied('ecs:DescribeTasks')]);
    expect(subnetFacts(topology, privA).notAllRead).toEqual(['tasks']);
    expect(subnetFacts(estate().topology, privA).notAllRead).toEqual([]);
  });
});

describe('what the VPC panel shows', () => {
  it('groups the subnets by AZ, public first, and totals them; free addresses only when every subnet gave them', () => {
    const { topology } = estate();
    const vpcRead = topology.resources['vpc-1'];
    if (vpcRead?.kind !== 'vpc') throw new Error('no VPC');
    const facts = vpcFacts(topology, vpcRead);
    expect(facts.azs.map((z) => [z.az, z.subnets.map((s) => `${s.subnet.name ?? ''} ${s.exposure}`)])).toEqual([
      ['us-east-1a', ['public-a public', 'private-a private']],
      ['us-east-1b', ['private-b private']],
    ]);
    expect(facts.totals).toEqual({ subnets: 3, public: 1, private: 2, isolated: 0, unknown: 0, tasks: 4, pods: 1, eksNodes: 1, loadBalancers: 1 });
    expect(facts.ips).toEqual({ size: 65536, usable: 753, seen: 5 });
    const allRead = {
      ...topology,
      resources: { ...topology.resources, 'subnet-0qa': { ...subnet('subnet-0qa', 'us-east-1a', '10.0.10.0/24', false), availableIps: 247 } },
    };
    expect(vpcFacts(allRead, vpcRead).ips.free).toBe(248 + 247 + 250);
  });
});

describe('an isolated subnet in the VPC panel', () => {
  it('is counted as isolated, not private', () => {
    const { topology } = estate();
    const isolated = {
      ...subnet('subnet-0qc', 'us-east-1c', '10.0.12.0/24', false, { name: 'db-c' }),
      defaultRoute: { kind: 'none', blackhole: false },
    } as const;
    const withDb = { ...topology, resources: { ...topology.resources, [isolated.id]: isolated } };
    const vpcRead = withDb.resources['vpc-1'];
    if (vpcRead?.kind !== 'vpc') throw new Error('no VPC');
    const facts = vpcFacts(withDb, vpcRead);
    expect(facts.totals).toMatchObject({ subnets: 4, public: 1, private: 2, isolated: 1 });
    expect(facts.azs.find((z) => z.az === 'us-east-1c')?.subnets.map((f) => f.reach)).toEqual(['isolated']);
  });
});

describe('cidrSize', () => {
  it('counts a block’s addresses, and none for text that is not IPv4 CIDR', () => {
    expect([cidrSize('10.0.0.0/16'), cidrSize('10.0.14.0/22'), cidrSize('10.0.0.0/28')]).toEqual([65536, 1024, 16]);
    expect([cidrSize('10.0.0.0'), cidrSize('10.0.0.0/33'), cidrSize('2600:1f18::/56')]).toEqual([0, 0, 0]);
  });
});
