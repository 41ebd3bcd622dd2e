import type { WorldBuilder } from './builder';
import { str, type JsonObject, type World } from './world';

function eksOf(w: World): NonNullable<World['eks']> {
  w.eks ??= { clusters: [], nodegroups: [], fargateProfiles: [] };
  return w.eks;
}

/** An EKS cluster as DescribeCluster returns it, in the given subnets (the VPC is the first subnet's). */
export function addEksCluster(b: WorldBuilder, name: string, subnets: string[], version = '1.31'): string {
  const w = b.worldRef();
  const arn = `${b.arnPrefix('eks')}:cluster/${name}`;
  const vpcId = String(w.ec2.subnets.find((s) => s['subnetId'] === subnets[0])?.['vpcId'] ?? '');
  eksOf(w).clusters.push({
    name,
    arn,
    createdAt: b.epoch - 30 * 86400,
    version,
    endpoint: `https://${b.hex(32).toUpperCase()}.gr7.${w.region}.eks.amazonaws.com`,
    roleArn: `arn:aws:iam::${w.accountId}:role/${name}-cluster-role`,
    resourcesVpcConfig: {
      subnetIds: subnets,
      securityGroupIds: [`sg-${b.hex(17)}`],
      clusterSecurityGroupId: `sg-${b.hex(17)}`,
      vpcId,
      endpointPublicAccess: false,
      endpointPrivateAccess: true,
      publicAccessCidrs: [],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
    status: 'ACTIVE',
    certificateAuthority: { data: Buffer.from(`-----BEGIN CERTIFICATE-----\n${b.hex(64)}\n-----END CERTIFICATE-----\n`).toString('base64') },
    platformVersion: 'eks.12',
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    tags: {},
  });
  return arn;
}

/**
 * A managed node group: its Auto Scaling group's instances spread round-robin over the subnets, tagged as EKS tags
 * them (eks:cluster-name, eks:nodegroup-name, aws:autoscaling:groupName).
 */
export function addNodeGroup(
  b: WorldBuilder,
  cluster: string,
  name: string,
  spec: {
    subnets: string[];
    instanceType: string;
    count: number;
    capacityType?: 'ON_DEMAND' | 'SPOT';
    healthIssues?: { code: string; message: string }[];
    /** The AMI release, "<Kubernetes patch version>-<build date>"; by default the one the nodes' kubelet reports */
    releaseVersion?: string;
  },
): string {
  const w = b.worldRef();
  // A managed node group runs its cluster's Kubernetes minor version unless it was left behind in an upgrade.
  const version = str(w.eks?.clusters.find((c) => str(c, 'name') === cluster) ?? {}, 'version') || '1.31';
  const asg = `eks-${name}-${b.hex(8)}-${b.hex(4)}-${b.hex(4)}`;
  const spot = spec.capacityType === 'SPOT';
  for (let i = 0; i < spec.count; i++) {
    b.ec2Instance(
      spec.subnets[i % spec.subnets.length] ?? '',
      spec.instanceType,
      { 'eks:cluster-name': cluster, 'eks:nodegroup-name': name, 'aws:autoscaling:groupName': asg, [`kubernetes.io/cluster/${cluster}`]: 'owned' },
      spot,
    );
  }
  const arn = `${b.arnPrefix('eks')}:nodegroup/${cluster}/${name}/${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`;
  const body: JsonObject = {
    nodegroupName: name,
    nodegroupArn: arn,
    clusterName: cluster,
    version,
    releaseVersion: spec.releaseVersion ?? `${version}.4-20250116`,
    status: spec.healthIssues?.length ? 'DEGRADED' : 'ACTIVE',
    capacityType: spec.capacityType ?? 'ON_DEMAND',
    scalingConfig: { minSize: Math.max(1, spec.count - 1), maxSize: spec.count + 3, desiredSize: spec.count },
    instanceTypes: [spec.instanceType],
    subnets: spec.subnets,
    amiType: 'AL2023_x86_64_STANDARD',
    nodeRole: `arn:aws:iam::${w.accountId}:role/${cluster}-node-role`,
    labels: { 'eks.amazonaws.com/nodegroup': name },
    resources: { autoScalingGroups: [{ name: asg }] },
    health: { issues: (spec.healthIssues ?? []).map((h) => ({ code: h.code, message: h.message, resourceIds: [asg] })) },
    createdAt: b.epoch - 20 * 86400,
    modifiedAt: b.epoch - 86400,
  };
  eksOf(w).nodegroups.push({ clusterName: cluster, body });
  return arn;
}

export function addFargateProfile(
  b: WorldBuilder,
  cluster: string,
  name: string,
  subnets: string[],
  selectors: { namespace: string; labels?: Record<string, string> }[],
): string {
  const w = b.worldRef();
  const arn = `${b.arnPrefix('eks')}:fargateprofile/${cluster}/${name}/${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`;
  eksOf(w).fargateProfiles.push({
    clusterName: cluster,
    body: {
      fargateProfileName: name,
      fargateProfileArn: arn,
      clusterName: cluster,
      createdAt: b.epoch - 10 * 86400,
      podExecutionRoleArn: `arn:aws:iam::${w.accountId}:role/${cluster}-fargate-pod-role`,
      subnets,
      selectors: selectors.map((s) => ({ namespace: s.namespace, ...(s.labels ? { labels: s.labels } : {}) })),
      status: 'ACTIVE',
    },
  });
  return arn;
}
