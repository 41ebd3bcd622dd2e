import { z } from 'zod';

/** EKS resources, from the EKS API (DescribeCluster, DescribeNodegroup, DescribeFargateProfile) and EC2. */
export const EksCluster = z.object({
  kind: z.literal('eksCluster'),
  /** DescribeCluster: cluster.arn */
  id: z.string(),
  name: z.string(),
  /** DescribeCluster: version (Kubernetes minor version, e.g. "1.31") */
  version: z.string().optional(),
  /** CREATING | ACTIVE | DELETING | FAILED | UPDATING | PENDING */
  status: z.string(),
  endpoint: z.string().optional(),
  /** DescribeCluster: resourcesVpcConfig */
  vpcId: z.string().optional(),
  subnetIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  endpointPublicAccess: z.boolean(),
  endpointPrivateAccess: z.boolean(),
  /** DescribeCluster: accessConfig.authenticationMode (API | API_AND_CONFIG_MAP | CONFIG_MAP) */
  authenticationMode: z.string().optional(),
});

export const NodeGroup = z.object({
  kind: z.literal('nodeGroup'),
  /** DescribeNodegroup: nodegroup.nodegroupArn */
  id: z.string(),
  clusterArn: z.string(),
  name: z.string(),
  status: z.string(),
  /** ON_DEMAND | SPOT | CAPACITY_BLOCK */
  capacityType: z.string().optional(),
  instanceTypes: z.array(z.string()),
  subnetIds: z.array(z.string()),
  /** DescribeNodegroup: scalingConfig */
  scaling: z.object({ min: z.number(), max: z.number(), desired: z.number() }),
  /** DescribeNodegroup: health.issues[] as "code: message" */
  healthIssues: z.array(z.string()),
  /** DescribeNodegroup: resources.autoScalingGroups[].name */
  autoScalingGroups: z.array(z.string()),
});

export const FargateProfile = z.object({
  kind: z.literal('fargateProfile'),
  /** DescribeFargateProfile: fargateProfile.fargateProfileArn */
  id: z.string(),
  clusterArn: z.string(),
  name: z.string(),
  status: z.string(),
  /** The private subnets pods of this profile launch into */
  subnetIds: z.array(z.string()),
  /** DescribeFargateProfile: selectors[{namespace, labels}] written as "namespace [k=v,…]" */
  selectors: z.array(z.string()),
});

/** A managed node group's EC2 instance (EC2 DescribeInstances, tag eks:nodegroup-name): a worker node in its subnet. */
export const EksNode = z.object({
  kind: z.literal('eksNode'),
  /** EC2 instance id */
  id: z.string(),
  clusterArn: z.string(),
  nodeGroupArn: z.string().optional(),
  /** EC2: PrivateDnsName, which is the Kubernetes node name on EKS */
  name: z.string(),
  instanceType: z.string().optional(),
  az: z.string().optional(),
  subnetId: z.string().optional(),
  privateIp: z.string().optional(),
  /** EC2: State.Name */
  state: z.string(),
  /** spot or on-demand, from EC2 InstanceLifecycle */
  lifecycle: z.string(),
});
