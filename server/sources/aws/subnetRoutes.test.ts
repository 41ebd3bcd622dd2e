import type { Route as AwsRoute, RouteState, RouteTable, Subnet } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../src/topology/model';
import { rawEstate } from './__fixtures__/responses';
import { defaultRoutes, publicSubnets } from './subnetRoutes';
import { toTopology } from './toTopology';

const source = { kind: 'aws', label: 'test', fetchedAt: Date.UTC(2026, 10, 20) } as const;
const subnetB: Subnet = { SubnetId: 'subnet-0d0eab1bb38d5ca64', VpcId: 'vpc-1', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.1.0/24' };

describe('public and private subnets', () => {
  // DescribeRouteTables as the SDK hands it over: the VPC's own route to its CIDR, a default route, associations.
  const local = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' } as const;
  const table = (
    id: string,
    vpc: string,
    defaultRoute: Omit<AwsRoute, 'DestinationCidrBlock' | 'Origin'> | undefined,
    associations: { SubnetId?: string; Main?: boolean }[],
  ): RouteTable => ({
    RouteTableId: id,
    VpcId: vpc,
    OwnerId: '123456789012',
    Routes: [local, ...(defaultRoute ? [{ DestinationCidrBlock: '0.0.0.0/0', Origin: 'CreateRoute', State: 'active', ...defaultRoute } as const] : [])],
    Associations: associations.map((a, i) => ({
      RouteTableAssociationId: `rtbassoc-0${i}${id.slice(-4)}`,
      RouteTableId: id,
      Main: a.Main ?? false,
      ...(a.SubnetId ? { SubnetId: a.SubnetId } : {}),
    })),
  });
  const subnet = (id: string, vpc = 'vpc-1'): Subnet => ({ ...subnetB, SubnetId: id, VpcId: vpc });

  it('calls a subnet public when its own route table sends 0.0.0.0/0 to an internet gateway, private when to a NAT gateway', () => {
    const tables = [
      table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }]),
      table('rtb-0nat1', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-nat' }]),
      table('rtb-0iso1', 'vpc-1', undefined, [{ SubnetId: 'subnet-isolated' }]),
      table('rtb-0vgw1', 'vpc-1', { GatewayId: 'vgw-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-vpn' }]),
    ];
    const ids = ['subnet-pub', 'subnet-nat', 'subnet-isolated', 'subnet-vpn'];
    expect([
      ...publicSubnets(
        ids.map((id) => subnet(id)),
        tables,
      ),
    ]).toEqual(['subnet-pub']);
  });

  it('takes the VPC’s main table for a subnet with no table of its own, and a subnet’s own table over the main one', () => {
    const tables = [
      table('rtb-0main', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ Main: true }]),
      table('rtb-0priv', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-own' }]),
      table('rtb-0othr', 'vpc-2', undefined, [{ Main: true }]),
    ];
    const found = publicSubnets([subnet('subnet-implicit'), subnet('subnet-own'), subnet('subnet-elsewhere', 'vpc-2')], tables);
    expect([...found]).toEqual(['subnet-implicit']);
  });

  it('calls a subnet private when its 0.0.0.0/0 route to an internet gateway is a blackhole (the gateway was detached)', () => {
    const tables = [
      table('rtb-0dead', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718', State: 'blackhole' }, [{ SubnetId: 'subnet-detached' }]),
      table('rtb-0live', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-live' }]),
    ];
    expect([...publicSubnets([subnet('subnet-detached'), subnet('subnet-live')], tables)]).toEqual(['subnet-live']);
  });

  it('calls an IPv6-only subnet public when ::/0 goes to an internet gateway, never when it goes to an egress-only one', () => {
    // DescribeRouteTables: an IPv6 route names DestinationIpv6CidrBlock and no DestinationCidrBlock.
    const v6 = (
      id: string,
      subnetId: string,
      target: { GatewayId?: string; EgressOnlyInternetGatewayId?: string },
      state: RouteState = 'active',
    ): RouteTable => ({
      ...table(id, 'vpc-1', undefined, [{ SubnetId: subnetId }]),
      Routes: [local, { DestinationIpv6CidrBlock: '::/0', Origin: 'CreateRoute', State: state, ...target }],
    });
    const tables = [
      v6('rtb-0v6p', 'subnet-v6-public', { GatewayId: 'igw-0c1a2b3d4e5f60718' }),
      v6('rtb-0v6e', 'subnet-v6-egress', { EgressOnlyInternetGatewayId: 'eigw-0a1b2c3d4e5f60718' }),
      v6('rtb-0v6b', 'subnet-v6-blackhole', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, 'blackhole'),
    ];
    const ids = ['subnet-v6-public', 'subnet-v6-egress', 'subnet-v6-blackhole'];
    expect([
      ...publicSubnets(
        ids.map((id) => subnet(id)),
        tables,
      ),
    ]).toEqual(['subnet-v6-public']);
  });

  it('keeps each subnet’s default route: the target DescribeRouteTables names, its id, and the table that applies', () => {
    const tables = [
      table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }]),
      table('rtb-0nat1', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-nat' }]),
      table('rtb-0tgw1', 'vpc-1', { TransitGatewayId: 'tgw-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-tgw' }]),
      table('rtb-0pcx1', 'vpc-1', { VpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-pcx' }]),
      table('rtb-0vgw1', 'vpc-1', { GatewayId: 'vgw-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-vpn' }]),
      table('rtb-0gwe1', 'vpc-1', { GatewayId: 'vpce-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-inspected' }]),
      // A NAT instance: DescribeRouteTables names both the instance and its network interface.
      table('rtb-0nati', 'vpc-1', { InstanceId: 'i-0a1b2c3d4e5f60718', InstanceOwnerId: '123456789012', NetworkInterfaceId: 'eni-0a1b2c3d4e5f60718' }, [
        { SubnetId: 'subnet-natinstance' },
      ]),
      table('rtb-0eni1', 'vpc-1', { NetworkInterfaceId: 'eni-0f1e2d3c4b5a69788' }, [{ SubnetId: 'subnet-appliance' }]),
      table('rtb-0iso1', 'vpc-1', undefined, [{ SubnetId: 'subnet-isolated' }]),
      table('rtb-0dead', 'vpc-1', { NatGatewayId: 'nat-0deadbeef00000001', State: 'blackhole' }, [{ SubnetId: 'subnet-deadnat' }]),
    ];
    const ids = [
      'subnet-pub',
      'subnet-nat',
      'subnet-tgw',
      'subnet-pcx',
      'subnet-vpn',
      'subnet-inspected',
      'subnet-natinstance',
      'subnet-appliance',
      'subnet-isolated',
      'subnet-deadnat',
    ];
    const routes = defaultRoutes(
      ids.map((id) => subnet(id)),
      tables,
    );
    const seen = (id: string) => {
      const r = routes.get(id);
      return r && `${r.kind} ${r.targetId ?? '-'}${r.blackhole ? ' blackhole' : ''} ${r.routeTableId ?? '-'}${r.mainTable ? ' main' : ''}`;
    };
    expect(ids.map(seen)).toEqual([
      'internetGateway igw-0c1a2b3d4e5f60718 rtb-0pub1',
      'natGateway nat-0a1b2c3d4e5f60718 rtb-0nat1',
      'transitGateway tgw-0a1b2c3d4e5f60718 rtb-0tgw1',
      'vpcPeering pcx-0a1b2c3d4e5f60718 rtb-0pcx1',
      'virtualPrivateGateway vgw-0a1b2c3d4e5f60718 rtb-0vgw1',
      'gatewayLoadBalancerEndpoint vpce-0a1b2c3d4e5f60718 rtb-0gwe1',
      'instance i-0a1b2c3d4e5f60718 rtb-0nati',
      'networkInterface eni-0f1e2d3c4b5a69788 rtb-0eni1',
      'none - rtb-0iso1',
      'natGateway nat-0deadbeef00000001 blackhole rtb-0dead',
    ]);
  });

  it('takes the default route of the VPC’s main table for a subnet with no table of its own, and none without tables', () => {
    const tables = [
      table('rtb-0main', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ Main: true }]),
      table('rtb-0othr', 'vpc-2', undefined, [{ Main: true }]),
    ];
    const routes = defaultRoutes([subnet('subnet-implicit'), subnet('subnet-elsewhere', 'vpc-2'), subnet('subnet-lost', 'vpc-3')], tables);
    expect(routes.get('subnet-implicit')).toEqual({
      kind: 'natGateway',
      targetId: 'nat-0a1b2c3d4e5f60718',
      blackhole: false,
      routeTableId: 'rtb-0main',
      mainTable: true,
    });
    expect(routes.get('subnet-elsewhere')).toEqual({ kind: 'none', blackhole: false, routeTableId: 'rtb-0othr', mainTable: true });
    // No table was read for its VPC: nothing is known, which is not the same as no default route.
    expect(routes.has('subnet-lost')).toBe(false);
    expect(defaultRoutes([subnet('subnet-a')], []).size).toBe(0);
  });

  it('names the route that makes a subnet public when it has default routes for both address families', () => {
    const dual: RouteTable = {
      ...table('rtb-0dual', 'vpc-1', { NatGatewayId: 'nat-0a1b2c3d4e5f60718' }, [{ SubnetId: 'subnet-dual' }]),
    };
    dual.Routes = [...(dual.Routes ?? []), { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-0c1a2b3d4e5f60718', Origin: 'CreateRoute', State: 'active' }];
    const v6only: RouteTable = {
      ...table('rtb-0six', 'vpc-1', undefined, [{ SubnetId: 'subnet-v6' }]),
    };
    v6only.Routes = [
      ...(v6only.Routes ?? []),
      { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-0a1b2c3d4e5f60718', Origin: 'CreateRoute', State: 'active' },
    ];
    const routes = defaultRoutes([subnet('subnet-dual'), subnet('subnet-v6')], [dual, v6only]);
    expect(routes.get('subnet-dual')).toMatchObject({ kind: 'internetGateway', targetId: 'igw-0c1a2b3d4e5f60718' });
    expect(routes.get('subnet-v6')).toMatchObject({ kind: 'egressOnlyInternetGateway', targetId: 'eigw-0a1b2c3d4e5f60718' });
  });

  it('calls nothing public without route tables, and toTopology gives each subnet what was found', () => {
    expect(publicSubnets([subnet('subnet-a')], []).size).toBe(0);
    const t = toTopology(
      rawEstate({
        subnets: [subnet('subnet-pub'), subnet('subnet-priv')],
        routeTables: [table('rtb-0pub1', 'vpc-1', { GatewayId: 'igw-0c1a2b3d4e5f60718' }, [{ SubnetId: 'subnet-pub' }])],
      }),
      source,
    );
    expect(resourcesOf(t, 'subnet').map((s) => `${s.id} ${s.public} ${s.defaultRoute?.kind ?? '?'}`)).toEqual([
      'subnet-priv false ?',
      'subnet-pub true internetGateway',
    ]);
    expect(resourcesOf(t, 'subnet')[1]?.defaultRoute).toEqual({
      kind: 'internetGateway',
      targetId: 'igw-0c1a2b3d4e5f60718',
      blackhole: false,
      routeTableId: 'rtb-0pub1',
    });
  });
});
