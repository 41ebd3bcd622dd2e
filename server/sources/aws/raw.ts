import type { Cluster, ContainerInstance, Service, Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Instance, RouteTable, Subnet, Vpc } from '@aws-sdk/client-ec2';
import type { Listener, LoadBalancer, Rule, TargetGroup, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Cluster as EksCluster, FargateProfile, Nodegroup } from '@aws-sdk/client-eks';
import type { ReadError } from '../../../src/topology/model';
import type { KubeRead } from './kube/reader';

/** Everything one read gathered, as the SDK returned it: the input of the pure mapping to a Topology. */
export interface RawEstate {
  region: string;
  clusters: Cluster[];
  services: Service[];
  tasks: Task[];
  containerInstances: { clusterArn: string; instance: ContainerInstance }[];
  taskDefinitions: TaskDefinition[];
  instances: Instance[];
  subnets: Subnet[];
  vpcs: Vpc[];
  routeTables: RouteTable[];
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  rules: { listenerArn: string; rules: Rule[] }[];
  targetGroups: TargetGroup[];
  /** Absent for a target group whose health could not be read */
  targetHealth: Record<string, TargetHealthDescription[]>;
  eksClusters: EksCluster[];
  nodegroups: Nodegroup[];
  fargateProfiles: FargateProfile[];
  /** EC2 instances of the managed node groups' Auto Scaling groups */
  eksInstances: Instance[];
  /** Each EKS cluster's Kubernetes API, where it could be read */
  kube: KubeRead[];
  errors: ReadError[];
  calls: Record<string, number>;
  retries: number;
  durationMs: number;
}
