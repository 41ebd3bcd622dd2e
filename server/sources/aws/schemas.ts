import { z } from 'zod';

/**
 * What Fleetmap needs of each AWS answer, per operation, checked at the edge (ReadContext.call) on the SDK's
 * output, whole. The SDK keeps a null inside a list and a string where a list belongs as they came off the wire;
 * the readers and the mapping would trip on either. Only what the read and the mapping walk is checked (ids, and
 * every list they iterate); everything else passes through untouched (loose objects).
 */
export interface ItemRule {
  /** What one item is, for errors: "task" */
  what: string;
  schema: z.ZodType;
  /** The field that names the item, when an error can say which one it was */
  id?: string;
  /** Lists inside each item whose bad entries are left out on their own (an EC2 reservation holds instances) */
  lists?: Record<string, ItemRule>;
}

export interface AnswerRule {
  /** Lists of the output: each malformed entry is left out, with an error */
  lists?: Record<string, ItemRule>;
  /** The one object a Describe of one resource must hold */
  one?: Record<string, ItemRule>;
  /** Other fields (page tokens): one of the wrong type is dropped, with an error */
  fields?: Record<string, z.ZodType>;
}

const str = z.string().optional();
const strs = z.array(z.string()).optional();
const record = z.record(z.string(), z.string()).optional();
const obj = (shape: z.ZodRawShape = {}) => z.looseObject(shape).optional();
const objs = (shape: z.ZodRawShape = {}) => z.array(z.looseObject(shape)).optional();
const item = (what: string, schema: z.ZodType, id?: string): ItemRule => ({ what, schema, ...(id ? { id } : {}) });
const name = (what: string): ItemRule => ({ what, schema: z.string() });
const token = { nextToken: z.string().optional() };

// ECS (awsJson1_1: camelCase)
const ecsCluster = z.looseObject({
  clusterArn: z.string(),
  clusterName: str,
  capacityProviders: strs,
  defaultCapacityProviderStrategy: objs(),
  statistics: objs(),
});
const ecsService = z.looseObject({
  serviceArn: z.string(),
  serviceName: str,
  clusterArn: str,
  taskDefinition: str,
  loadBalancers: objs({ targetGroupArn: str, containerName: str }),
  serviceRegistries: objs(),
  deployments: objs({ id: str, taskDefinition: str, capacityProviderStrategy: objs() }),
  events: objs(),
  capacityProviderStrategy: objs(),
  networkConfiguration: obj({ awsvpcConfiguration: obj({ subnets: strs, securityGroups: strs }) }),
  taskSets: objs(),
});
const ecsTask = z.looseObject({
  taskArn: z.string(),
  clusterArn: str,
  taskDefinitionArn: str,
  containerInstanceArn: str,
  group: str,
  containers: objs({ name: str, networkBindings: objs(), networkInterfaces: objs() }),
  attachments: objs({ type: str, details: objs({ name: str, value: str }) }),
  attributes: objs(),
});
const ecsContainerInstance = z.looseObject({
  containerInstanceArn: z.string(),
  ec2InstanceId: str,
  attributes: objs({ name: str, value: str }),
  registeredResources: objs(),
  remainingResources: objs(),
});
const ecsTaskDefinition = z.looseObject({
  taskDefinitionArn: z.string(),
  family: str,
  containerDefinitions: objs({
    name: str,
    image: str,
    portMappings: objs(),
    environment: objs(),
    environmentFiles: objs(),
    secrets: objs(),
    command: strs,
    entryPoint: strs,
    dockerLabels: record,
    logConfiguration: obj({ options: record, secretOptions: objs() }),
    healthCheck: obj({ command: strs }),
  }),
  requiresCompatibilities: strs,
  volumes: objs(),
});
const failures = item('failure', z.looseObject({}));

// EC2 (the SDK's PascalCase)
const tags = objs({ Key: str, Value: str });
const ec2Instance = z.looseObject({
  InstanceId: z.string(),
  SubnetId: str,
  VpcId: str,
  Tags: tags,
  NetworkInterfaces: objs({ PrivateIpAddresses: objs(), Groups: objs() }),
  SecurityGroups: objs(),
  Placement: obj(),
});
const ec2Subnet = z.looseObject({ SubnetId: z.string(), VpcId: str, AvailabilityZone: str, Tags: tags });
const ec2Vpc = z.looseObject({ VpcId: z.string(), Tags: tags, CidrBlockAssociationSet: objs() });
const ec2RouteTable = z.looseObject({ RouteTableId: z.string(), VpcId: str, Routes: objs(), Associations: objs(), Tags: tags });

// ELBv2 (query protocol, PascalCase)
const values = obj({ Values: strs });
const elbAction = { Type: str, TargetGroupArn: str, ForwardConfig: obj({ TargetGroups: objs() }) };
const elbTargetGroup = z.looseObject({ TargetGroupArn: z.string(), TargetGroupName: str, LoadBalancerArns: strs });
const elbLoadBalancer = z.looseObject({
  LoadBalancerArn: z.string(),
  Type: str,
  AvailabilityZones: objs({ SubnetId: str, LoadBalancerAddresses: objs() }),
  SecurityGroups: strs,
});
const elbListener = z.looseObject({ ListenerArn: z.string(), LoadBalancerArn: str, DefaultActions: objs(elbAction), Certificates: objs() });
const elbRule = z.looseObject({
  RuleArn: z.string(),
  Conditions: objs({
    Field: str,
    Values: strs,
    HostHeaderConfig: values,
    PathPatternConfig: values,
    HttpHeaderConfig: values,
    HttpRequestMethodConfig: values,
    SourceIpConfig: values,
    QueryStringConfig: obj({ Values: objs() }),
  }),
  Actions: objs(elbAction),
});
const elbTargetHealth = z.looseObject({ Target: z.looseObject({ Id: z.string() }), TargetHealth: obj() });

// EKS (restJson1: camelCase)
const eksCluster = z.looseObject({
  name: z.string(),
  arn: str,
  endpoint: str,
  resourcesVpcConfig: obj({ subnetIds: strs, securityGroupIds: strs }),
  tags: record,
});
const eksNodegroup = z.looseObject({
  nodegroupName: z.string(),
  subnets: strs,
  instanceTypes: strs,
  resources: obj({ autoScalingGroups: objs() }),
  health: obj({ issues: objs({ resourceIds: strs }) }),
  labels: record,
  taints: objs(),
  tags: record,
});
const eksFargateProfile = z.looseObject({ fargateProfileName: z.string(), subnets: strs, selectors: objs({ labels: record }) });

/** Keyed "<service>:<operation>", as ReadContext.call is called. */
export const ANSWERS: Record<string, AnswerRule> = {
  'ecs:ListClusters': { lists: { clusterArns: name('cluster ARN') }, fields: token },
  'ecs:DescribeClusters': { lists: { clusters: item('cluster', ecsCluster, 'clusterArn'), failures } },
  'ecs:ListServices': { lists: { serviceArns: name('service ARN') }, fields: token },
  'ecs:DescribeServices': { lists: { services: item('service', ecsService, 'serviceArn'), failures } },
  'ecs:ListTasks': { lists: { taskArns: name('task ARN') }, fields: token },
  'ecs:DescribeTasks': { lists: { tasks: item('task', ecsTask, 'taskArn'), failures } },
  'ecs:ListContainerInstances': { lists: { containerInstanceArns: name('container instance ARN') }, fields: token },
  'ecs:DescribeContainerInstances': { lists: { containerInstances: item('container instance', ecsContainerInstance, 'containerInstanceArn'), failures } },
  'ecs:DescribeTaskDefinition': {
    one: { taskDefinition: item('task definition', ecsTaskDefinition, 'taskDefinitionArn') },
    lists: { tags: item('tag', z.looseObject({})) },
  },
  'ec2:DescribeInstances': {
    lists: {
      Reservations: {
        what: 'reservation',
        schema: z.looseObject({ ReservationId: str }),
        id: 'ReservationId',
        lists: { Instances: item('instance', ec2Instance, 'InstanceId') },
      },
    },
    fields: { NextToken: z.string().optional() },
  },
  'ec2:DescribeSubnets': { lists: { Subnets: item('subnet', ec2Subnet, 'SubnetId') }, fields: { NextToken: z.string().optional() } },
  'ec2:DescribeVpcs': { lists: { Vpcs: item('VPC', ec2Vpc, 'VpcId') }, fields: { NextToken: z.string().optional() } },
  'ec2:DescribeRouteTables': { lists: { RouteTables: item('route table', ec2RouteTable, 'RouteTableId') }, fields: { NextToken: z.string().optional() } },
  'elbv2:DescribeTargetGroups': {
    lists: { TargetGroups: item('target group', elbTargetGroup, 'TargetGroupArn') },
    fields: { NextMarker: z.string().optional() },
  },
  'elbv2:DescribeLoadBalancers': {
    lists: { LoadBalancers: item('load balancer', elbLoadBalancer, 'LoadBalancerArn') },
    fields: { NextMarker: z.string().optional() },
  },
  'elbv2:DescribeListeners': { lists: { Listeners: item('listener', elbListener, 'ListenerArn') }, fields: { NextMarker: z.string().optional() } },
  'elbv2:DescribeRules': { lists: { Rules: item('rule', elbRule, 'RuleArn') }, fields: { NextMarker: z.string().optional() } },
  'elbv2:DescribeTargetHealth': { lists: { TargetHealthDescriptions: item('target', elbTargetHealth) } },
  'eks:ListClusters': { lists: { clusters: name('cluster name') }, fields: token },
  'eks:DescribeCluster': { one: { cluster: item('cluster', eksCluster, 'name') } },
  'eks:ListNodegroups': { lists: { nodegroups: name('node group name') }, fields: token },
  'eks:DescribeNodegroup': { one: { nodegroup: item('node group', eksNodegroup, 'nodegroupName') } },
  'eks:ListFargateProfiles': { lists: { fargateProfileNames: name('Fargate profile name') }, fields: token },
  'eks:DescribeFargateProfile': { one: { fargateProfile: item('Fargate profile', eksFargateProfile, 'fargateProfileName') } },
};
