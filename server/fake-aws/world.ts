/**
 * A world is the state the fake AWS serves: JSON, in the shapes each service puts on the wire, so the protocol
 * modules only serialise. ECS objects are awsJson1_1 bodies (camelCase, epoch-second timestamps); EC2 objects use
 * the EC2 XML element names (camelCase locationNames, lists as arrays); ELBv2 objects use the query protocol's
 * PascalCase member names.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface World {
  name: string;
  accountId: string;
  region: string;
  ec2: {
    vpcs: JsonObject[];
    /** DescribeSubnets items without availableIpAddressCount, which the answer counts from the addresses in use */
    subnets: JsonObject[];
    routeTables: JsonObject[];
    /** DescribeInstances items, flattened: one reservation per instance */
    instances: JsonObject[];
  };
  ecs: {
    clusters: JsonObject[];
    services: JsonObject[];
    tasks: JsonObject[];
    taskDefinitions: JsonObject[];
    /** DescribeContainerInstances bodies, which do not name their cluster */
    containerInstances: { clusterArn: string; body: JsonObject }[];
  };
  elbv2: {
    loadBalancers: JsonObject[];
    targetGroups: JsonObject[];
    listeners: JsonObject[];
    /** DescribeRules bodies, which do not name their listener */
    rules: { listenerArn: string; body: JsonObject }[];
    /** DescribeTargetHealth TargetHealthDescriptions, per target group ARN */
    targetHealth: Record<string, JsonObject[]>;
  };
  /** EKS restJson1 bodies: DescribeCluster clusters, DescribeNodegroup and DescribeFargateProfile bodies by cluster */
  eks?: {
    clusters: JsonObject[];
    nodegroups: { clusterName: string; body: JsonObject }[];
    fargateProfiles: { clusterName: string; body: JsonObject }[];
  };
  /** What each EKS cluster's Kubernetes API serves, as Kubernetes JSON objects, by cluster name */
  kube?: Record<string, KubeObjects>;
}

/** The resources the fake Kubernetes API lists, by plural resource name, each item a full object. */
export const KUBE_RESOURCES = [
  'nodes',
  'namespaces',
  'pods',
  'services',
  'deployments',
  'replicasets',
  'daemonsets',
  'statefulsets',
  'jobs',
  'ingresses',
  'targetgroupbindings',
] as const;
export type KubeResource = (typeof KUBE_RESOURCES)[number];
export type KubeObjects = Record<KubeResource, JsonObject[]>;

export function str(o: JsonObject, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

export function strs(o: JsonObject, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The fake's worlds draw from the core's seeded generator, so a seed means the same on both sides. */
export { seededRandom } from '../../src/topology/synthetic/seed';
