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
  /** DescribeNodegroup: version, the Kubernetes minor version of its nodes (e.g. "1.31") */
  version: z.string().optional(),
  /**
   * DescribeNodegroup: releaseVersion, the EKS-optimized AMI release its nodes run (e.g. "1.31.4-20250116"), or the
   * AMI id when a launch template names a custom AMI
   */
  releaseVersion: z.string().optional(),
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

/**
 * An EKS worker node's EC2 instance (DescribeInstances by tags eks:cluster-name, aws:autoscaling:groupName, or by the
 * instance id of a Kubernetes node): a worker node in its subnet.
 */
export const EksNode = z.object({
  kind: z.literal('eksNode'),
  /** EC2 instance id */
  id: z.string(),
  clusterArn: z.string(),
  nodeGroupArn: z.string().optional(),
  /**
   * The managed node group it belongs to, by name: EC2 tag eks:nodegroup-name, else the Kubernetes node label
   * eks.amazonaws.com/nodegroup. Known even when DescribeNodegroup could not be read; absent for self-managed nodes.
   */
  nodeGroupName: z.string().optional(),
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
  /** From the Kubernetes Node, when the cluster's API could be read */
  kube: z
    .object({
      ready: z.boolean(),
      kubeletVersion: z.string().optional(),
      capacity: z.record(z.string(), z.string()),
      allocatable: z.record(z.string(), z.string()),
      pods: z.number(),
    })
    .optional(),
});

/** Kubernetes objects, from each EKS cluster's Kubernetes API. Ids are `<cluster ARN>/<kind>/<namespace>/<name>`. */
export const KubeContainer = z.object({
  name: z.string(),
  image: z.string(),
  ports: z.array(z.number()),
  /** resources.requests and resources.limits as Kubernetes writes them ("250m", "512Mi") */
  requests: z.record(z.string(), z.string()),
  limits: z.record(z.string(), z.string()),
  /** Variable names only: a plain value becomes "[redacted]", a reference says where it comes from */
  env: z.array(z.object({ name: z.string(), value: z.string() })),
  command: z.array(z.string()),
  args: z.array(z.string()),
});

export const PodContainerStatus = z.object({
  name: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  /** running | waiting | terminated */
  state: z.string(),
  /** waiting or terminated reason, e.g. CrashLoopBackOff */
  reason: z.string().optional(),
  /** lastState.terminated: "Error (exit 1)" */
  lastTermination: z.string().optional(),
});

export const Pod = z.object({
  kind: z.literal('pod'),
  id: z.string(),
  clusterArn: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** spec.nodeName */
  nodeName: z.string().optional(),
  /** The EC2 instance of its node (from the node's provider id), when it runs on one */
  instanceId: z.string().optional(),
  fargate: z.boolean(),
  /** status.phase: Pending | Running | Succeeded | Failed | Unknown */
  phase: z.string(),
  /** What kubectl shows in STATUS: a container's waiting or terminated reason, else the phase */
  status: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  podIp: z.string().optional(),
  /** The subnet whose CIDR holds the pod IP (VPC CNI and Fargate pods get VPC addresses) */
  subnetId: z.string().optional(),
  az: z.string().optional(),
  /** The workload that owns it, through its ReplicaSet for a Deployment */
  workloadId: z.string().optional(),
  /** Owner chain, nearest first: ["ReplicaSet orders-api-7c9f", "Deployment orders-api"] */
  owners: z.array(z.string()),
  /** pod-template-hash (Deployments), to tell revisions apart */
  revision: z.string().optional(),
  /** Runs a ReplicaSet other than its Deployment's newest */
  oldRevision: z.boolean(),
  /** status.startTime, epoch milliseconds (as every time in the model; schema version 1 held seconds) */
  startedAt: z.number().optional(),
  qosClass: z.string().optional(),
  containers: z.array(KubeContainer),
  containerStatuses: z.array(PodContainerStatus),
  /** Not from Kubernetes: a pod the live map keeps drawing for a few minutes after it failed or went (live/ghosts.ts) */
  ghost: z.literal(true).optional(),
});

export const Workload = z.object({
  kind: z.literal('workload'),
  id: z.string(),
  clusterArn: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** Deployment | StatefulSet | DaemonSet | Job | ReplicaSet (without a Deployment) | Pod (standalone) */
  workloadKind: z.string(),
  desired: z.number(),
  ready: z.number(),
  updated: z.number().optional(),
  /** Deployment strategy or update strategy type, e.g. "RollingUpdate (25% unavailable, 25% surge)" */
  strategy: z.string().optional(),
  selector: z.array(z.string()),
  template: z.array(KubeContainer),
});

export const KubeService = z.object({
  kind: z.literal('kubeService'),
  id: z.string(),
  clusterArn: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** ClusterIP | NodePort | LoadBalancer | ExternalName */
  type: z.string(),
  selector: z.array(z.string()),
  ports: z.array(z.string()),
  /** Target groups bound to it by TargetGroupBindings of the AWS Load Balancer Controller */
  targetGroupArns: z.array(z.string()),
  /** Workloads whose pods it selects */
  workloadIds: z.array(z.string()),
  /** status.loadBalancer.ingress[].hostname (type LoadBalancer) */
  hostname: z.string().optional(),
});

export const Ingress = z.object({
  kind: z.literal('ingress'),
  id: z.string(),
  clusterArn: z.string(),
  namespace: z.string(),
  name: z.string(),
  className: z.string().optional(),
  hostname: z.string().optional(),
  /** The load balancer whose DNS name is in its status */
  loadBalancerArn: z.string().optional(),
  /** "host/path → service:port" */
  rules: z.array(z.string()),
});
