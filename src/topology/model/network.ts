import { z } from 'zod';

/** The network a read places everything in: the region, its VPCs, AZs and subnets (EC2 DescribeVpcs, DescribeSubnets, DescribeRouteTables). */

export const Region = z.object({
  kind: z.literal('region'),
  /** Client configuration: the region read */
  id: z.string(),
});

export const Vpc = z.object({
  kind: z.literal('vpc'),
  /** DescribeVpcs: VpcId */
  id: z.string(),
  /** DescribeVpcs: CidrBlock */
  cidrBlock: z.string(),
  /** DescribeVpcs: Tags[Name] */
  name: z.string().optional(),
});

export const AvailabilityZone = z.object({
  kind: z.literal('az'),
  /** DescribeSubnets: AvailabilityZone (zone name, e.g. us-east-1a) */
  id: z.string(),
  /** DescribeSubnets: AvailabilityZoneId (e.g. use1-az1), stable across accounts */
  zoneId: z.string().optional(),
});

/**
 * What a default route sends traffic to, by the DescribeRouteTables Routes[] member that names it: GatewayId holds
 * internet gateways (igw-), virtual private gateways (vgw-) and Gateway Load Balancer endpoints (vpce-); the other
 * targets have a member each. other: a target this list does not know; none: the table has no default route.
 */
export const RouteTarget = z.enum([
  'internetGateway',
  'egressOnlyInternetGateway',
  'natGateway',
  'transitGateway',
  'vpcPeering',
  'virtualPrivateGateway',
  'gatewayLoadBalancerEndpoint',
  'instance',
  'networkInterface',
  'localGateway',
  'carrierGateway',
  'coreNetwork',
  'other',
  'none',
]);

/** A subnet's default route (0.0.0.0/0, else ::/0) in the route table that applies to it. */
export const DefaultRoute = z.object({
  /** What the route sends traffic to */
  kind: RouteTarget,
  /** The target's id (igw-…, nat-…, tgw-…, pcx-…, vgw-…, vpce-…, i-…, eni-…, or a core network ARN); absent for none */
  targetId: z.string().optional(),
  /** DescribeRouteTables: Routes[].State is blackhole: the target was deleted or detached and the traffic is dropped */
  blackhole: z.boolean(),
  /** DescribeRouteTables: RouteTableId of the table that applies (absent in snapshots older than schema version 4) */
  routeTableId: z.string().optional(),
  /** The subnet has no table of its own, so the VPC's main table applies (Associations[].Main) */
  mainTable: z.boolean().optional(),
});

export const Subnet = z.object({
  kind: z.literal('subnet'),
  /** DescribeSubnets: SubnetId */
  id: z.string(),
  /** DescribeSubnets: VpcId */
  vpcId: z.string(),
  /** DescribeSubnets: AvailabilityZone */
  az: z.string(),
  /** DescribeSubnets: CidrBlock */
  cidrBlock: z.string(),
  /** DescribeSubnets: Tags[Name] */
  name: z.string().optional(),
  /** DescribeRouteTables: the subnet's (or the VPC main) route table has 0.0.0.0/0 → igw-… */
  public: z.boolean(),
  /** DescribeRouteTables: the default route of the subnet's table, else the VPC's main one; absent when no table was read */
  defaultRoute: DefaultRoute.optional(),
  /** DescribeSubnets: AvailableIpAddressCount */
  availableIps: z.number().optional(),
});

export type Vpc = z.infer<typeof Vpc>;
export type Subnet = z.infer<typeof Subnet>;
export type RouteTarget = z.infer<typeof RouteTarget>;
export type DefaultRoute = z.infer<typeof DefaultRoute>;
