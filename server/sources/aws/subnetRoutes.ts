import type { Route as AwsRoute, RouteTable, Subnet as AwsSubnet } from '@aws-sdk/client-ec2';
import type { DefaultRoute, RouteTarget } from '../../../src/topology/model';
import { opt } from './mapping';

/** A default route for either address family: DescribeRouteTables names an IPv6 one by DestinationIpv6CidrBlock alone. */
const isDefaultRoute = (r: AwsRoute) => r.DestinationCidrBlock === '0.0.0.0/0' || r.DestinationIpv6CidrBlock === '::/0';

/**
 * Whether a route reaches the internet both ways: to an internet gateway (an egress-only one, eigw-, is named in
 * EgressOnlyInternetGatewayId and lets no connection in), and not a blackhole (State "blackhole" once the gateway
 * is detached, while the route stays in the table).
 */
const reachesInternet = (r: AwsRoute) => isDefaultRoute(r) && (r.GatewayId ?? '').startsWith('igw-') && r.State !== 'blackhole';

/**
 * The Routes[] members that name a target, in the order they are asked: a route to a NAT instance names both
 * InstanceId and the instance's NetworkInterfaceId, and the instance is the target a person knows. GatewayId holds
 * several kinds of gateway, told apart by their id prefix; its "local" is the VPC's own route, never a default one.
 */
const TARGETS: readonly [keyof AwsRoute, (id: string) => RouteTarget][] = [
  ['NatGatewayId', () => 'natGateway'],
  ['TransitGatewayId', () => 'transitGateway'],
  ['VpcPeeringConnectionId', () => 'vpcPeering'],
  ['EgressOnlyInternetGatewayId', () => 'egressOnlyInternetGateway'],
  ['InstanceId', () => 'instance'],
  ['NetworkInterfaceId', () => 'networkInterface'],
  ['LocalGatewayId', () => 'localGateway'],
  ['CarrierGatewayId', () => 'carrierGateway'],
  ['CoreNetworkArn', () => 'coreNetwork'],
  ['GatewayId', (id) => GATEWAY_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ?? 'other'],
];

const GATEWAY_PREFIXES: readonly [string, RouteTarget][] = [
  ['igw-', 'internetGateway'],
  ['vgw-', 'virtualPrivateGateway'],
  ['vpce-', 'gatewayLoadBalancerEndpoint'],
];

/** The table that applies to a subnet: the one associated with it, else its VPC's main table (an implicit association). */
function tableOf(s: AwsSubnet, tables: readonly RouteTable[]): { table: RouteTable; main: boolean } | undefined {
  const own = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === s.SubnetId));
  if (own) return { table: own, main: false };
  const main = tables.find((t) => t.VpcId === s.VpcId && (t.Associations ?? []).some((a) => a.Main));
  return main ? { table: main, main: true } : undefined;
}

/** A subnet is public when its route table, or the VPC's main table if it has none, sends 0.0.0.0/0 or ::/0 to an attached internet gateway. */
export function publicSubnets(subnets: readonly AwsSubnet[], tables: readonly RouteTable[]): Set<string> {
  const out = new Set<string>();
  for (const s of subnets) if (s.SubnetId && (tableOf(s, tables)?.table.Routes ?? []).some(reachesInternet)) out.add(s.SubnetId);
  return out;
}

/** The route the map names: the one that makes the subnet public if any, else the IPv4 default route, else the IPv6 one. */
function chosen(routes: readonly AwsRoute[]): AwsRoute | undefined {
  const defaults = routes.filter(isDefaultRoute);
  return defaults.find(reachesInternet) ?? defaults.find((r) => r.DestinationCidrBlock === '0.0.0.0/0') ?? defaults[0];
}

function routeOf(route: AwsRoute | undefined): Pick<DefaultRoute, 'kind' | 'targetId' | 'blackhole'> {
  if (!route) return { kind: 'none', blackhole: false };
  for (const [member, kindOf] of TARGETS) {
    const id = route[member];
    if (typeof id === 'string' && id !== '') return { kind: kindOf(id), targetId: id, blackhole: route.State === 'blackhole' };
  }
  return { kind: 'other', blackhole: route.State === 'blackhole' };
}

/**
 * Pure: each subnet's default route, from its own table or the VPC's main one. A subnet whose VPC had no table
 * read gets none: not knowing its route is not the same as it having no default route.
 */
export function defaultRoutes(subnets: readonly AwsSubnet[], tables: readonly RouteTable[]): Map<string, DefaultRoute> {
  const out = new Map<string, DefaultRoute>();
  for (const s of subnets) {
    const applies = s.SubnetId ? tableOf(s, tables) : undefined;
    if (!s.SubnetId || !applies) continue;
    out.set(s.SubnetId, {
      ...routeOf(chosen(applies.table.Routes ?? [])),
      ...opt('routeTableId', applies.table.RouteTableId),
      ...(applies.main ? { mainTable: true } : {}),
    });
  }
  return out;
}
