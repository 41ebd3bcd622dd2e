import { subnetOfIp } from '../../src/topology/model/cidr';
import { str, type JsonObject, type World } from './world';

/** AWS keeps the first four and the last address of every subnet block (FACTS-2 §3.2). */
const RESERVED = 5;

const objects = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? v.filter((x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
const object = (v: unknown): JsonObject => objects([v])[0] ?? {};

/**
 * The private IPv4 addresses the world holds in use: every EC2 instance's but a terminated one's (AWS counts a
 * stopped instance's address as unavailable), the ENI of every ECS task that has not stopped (its ENI is deleted
 * once it stops), and each pod's VPC CNI address until the pod ends. A host-network pod shares its node's address,
 * which the set counts once. Load balancer and NAT gateway ENIs are not in the world, so they take none here.
 */
function addressesInUse(world: World): string[] {
  const instances = world.ec2.instances.filter((i) => str(object(i['instanceState']), 'name') !== 'terminated').map((i) => str(i, 'privateIpAddress'));
  const tasks = world.ecs.tasks
    .filter((t) => str(t, 'lastStatus') !== 'STOPPED')
    .flatMap((t) => objects(t['attachments']))
    .filter((a) => str(a, 'type') === 'ElasticNetworkInterface' && str(a, 'status') !== 'DELETED')
    .map((a) => str(objects(a['details']).find((d) => str(d, 'name') === 'privateIPv4Address') ?? {}, 'value'));
  const pods = Object.values(world.kube ?? {})
    .flatMap((k) => k.pods)
    .map((p) => object(p['status']))
    .filter((s) => str(s, 'phase') !== 'Succeeded' && str(s, 'phase') !== 'Failed')
    .map((s) => str(s, 'podIP'));
  return [...new Set([...instances, ...tasks, ...pods])].filter(Boolean);
}

const blockSize = (cidr: string) => {
  const bits = Number(cidr.split('/')[1]);
  return Number.isInteger(bits) && bits >= 0 && bits <= 32 ? 2 ** (32 - bits) : 0;
};

/**
 * DescribeSubnets items with AvailableIpAddressCount as AWS reports it, "the number of unused private IPv4
 * addresses in the subnet": the block less the reserved five and the addresses in use, counted when asked so it
 * follows the world.
 */
export function withAvailableIps(subnets: readonly JsonObject[], world: World): JsonObject[] {
  const blocks = world.ec2.subnets.map((s) => ({ id: str(s, 'subnetId'), cidrBlock: str(s, 'cidrBlock') }));
  const used = new Map<string, number>();
  for (const ip of addressesInUse(world)) {
    const home = subnetOfIp(blocks, ip);
    if (home) used.set(home.id, (used.get(home.id) ?? 0) + 1);
  }
  return subnets.map((s) => ({
    ...s,
    availableIpAddressCount: Math.max(0, blockSize(str(s, 'cidrBlock')) - RESERVED - (used.get(str(s, 'subnetId')) ?? 0)),
  }));
}
