import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { WorldBuilder } from '../../fake-aws/builder';
import { addNodeGroup } from '../../fake-aws/builder-eks';
import { addKubeApi, addWorkload } from '../../fake-aws/builder-k8s';
import { addService, addStoppedTask } from '../../fake-aws/builder-services';
import { demoWorld } from '../../fake-aws/demo';
import { TEST_CREDENTIALS } from '../../fake-aws/kube-auth';
import { readThroughFake } from '../../fake-aws/readWorld';
import { startFakeAws } from '../../fake-aws/server';
import type { World } from '../../fake-aws/world';
import { subnetFactsAll } from '../../../src/topology/graph/networkFacts';
import { resourcesOf } from '../../../src/topology/model';

/** The network part of a read, through the real SDK client against the fake's EC2 query API. */
describe('subnet read', () => {
  it('gives each subnet its default route: public ones to the internet gateway, private ones to the NAT gateway of the main table', async () => {
    const { topology } = await readThroughFake({ world: demoWorld() });
    expect(topology.errors).toEqual([]);
    const subnets = resourcesOf(topology, 'subnet');
    expect(subnets).toHaveLength(6);
    for (const s of subnets) {
      const route = s.defaultRoute;
      if (s.public) expect(route, s.id).toMatchObject({ kind: 'internetGateway', targetId: expect.stringMatching(/^igw-[0-9a-f]{17}$/), blackhole: false });
      // The demo's private subnets have no table of their own: the VPC's main table sends them to a NAT gateway.
      else expect(route, s.id).toMatchObject({ kind: 'natGateway', targetId: expect.stringMatching(/^nat-[0-9a-f]{17}$/), mainTable: true });
      expect(route?.routeTableId, s.id).toMatch(/^rtb-[0-9a-f]{17}$/);
    }
  });

  it('gives free addresses as AWS counts them, agreeing with the addresses the map sees in use', async () => {
    const { topology } = await readThroughFake({ world: demoWorld() });
    const facts = subnetFactsAll(topology, resourcesOf(topology, 'subnet'));
    expect(facts.some((f) => f.ips.seen > 0)).toBe(true);
    for (const f of facts) expect(f.ips.free, f.subnet.name).toBe(f.ips.usable - f.ips.seen);
  });
});

/** DescribeSubnets through the SDK, as a read asks it: AvailableIpAddressCount by subnet id. */
async function freeAddresses(world: World): Promise<Map<string, number | undefined>> {
  const fake = await startFakeAws({ world });
  try {
    const client = new EC2Client({ region: world.region, endpoint: fake.url, credentials: TEST_CREDENTIALS });
    const out = await client.send(new DescribeSubnetsCommand({}));
    return new Map((out.Subnets ?? []).map((s) => [s.SubnetId ?? '', s.AvailableIpAddressCount]));
  } finally {
    await fake.close();
  }
}

describe('the fake AWS’s DescribeSubnets AvailableIpAddressCount', () => {
  it('is the block less the five addresses AWS keeps and each address in use: instances, task ENIs and pods', async () => {
    const b = new WorldBuilder('free-ips', 11);
    const vpc = b.vpc('10.0.0.0/16', 'ips');
    const busy = b.subnet(vpc, 'us-east-1a', '10.0.1.0/24', 'busy', false);
    const fresh = b.subnet(vpc, 'us-east-1a', '10.0.2.0/28', 'fresh', false);
    const wide = b.subnet(vpc, 'us-east-1b', '10.0.4.0/22', 'wide', false);
    b.cluster('shop');
    const td = b.taskDefinition('cart', [{ name: 'cart', image: 'cart:1', port: 8080 }]);
    // Three awsvpc tasks: one ENI, one address each.
    const cart = addService(b, { cluster: 'shop', name: 'cart', revisions: [{ taskDefinition: td, running: 3 }], subnets: [busy] });
    // A stopped task's ENI is deleted, and its address is free again.
    addStoppedTask(b, cart, 'Essential container in task exited', 1);
    // Two EC2 instances, and four pods on them with VPC CNI addresses of the same subnet.
    addNodeGroup(b, 'orders', 'general', { subnets: [wide], instanceType: 'm6i.large', count: 2 });
    addKubeApi(b, 'orders');
    addWorkload(b, 'orders', { namespace: 'orders', name: 'orders-api', kind: 'Deployment', image: 'orders-api:1', replicas: 4 });

    const free = await freeAddresses(b.build());
    expect(free.get(busy)).toBe(256 - 5 - 3);
    // A fresh /28 shows 11, as AWS answers for an empty one (16 − 5).
    expect(free.get(fresh)).toBe(16 - 5);
    expect(free.get(wide)).toBe(1024 - 5 - 2 - 4);
  });
});
