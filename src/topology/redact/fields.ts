import type { ResourceKind } from '../model';

/**
 * How a structured field that holds a secret is hidden. value: replaced whole; arn: a reference to a secret,
 * masked to its service and type; logOption: a log driver option, kept only for options known to carry no
 * credential; kubeReference: a Kubernetes env value, kept only when it names where the value lives.
 */
export type SecretField = 'value' | 'arn' | 'logOption' | 'kubeReference';

/**
 * Every string a resource holds, by path ("containers[].image"; "[]" an array item, "{}" a record value,
 * "{key}" a record key). Names, free text and argument lists all go through the scrubber, since a snapshot file
 * is untrusted and a name can carry anything; the lists say what each field is, and a test fails when the model
 * gains a string this table does not place.
 */
export interface FieldTable {
  /** Identifiers, names, enumerations, addresses, sizes */
  names: readonly string[];
  /** Free text: reasons, messages, events, conditions, labels, images, URLs */
  text: readonly string[];
  /** Argument lists, scrubbed as one command line so a flag can redact the argument after it */
  argv?: readonly string[];
  /** Structured fields that hold a secret or a reference to one */
  secrets?: Readonly<Record<string, SecretField>>;
}

const KUBE_CONTAINER = (p: string): FieldTable => ({
  names: [`${p}.name`, `${p}.requests{key}`, `${p}.requests{}`, `${p}.limits{key}`, `${p}.limits{}`, `${p}.env[].name`],
  text: [`${p}.image`],
  argv: [`${p}.command[]`, `${p}.args[]`],
  secrets: { [`${p}.env[].value`]: 'kubeReference' },
});

function merge(...tables: FieldTable[]): FieldTable {
  return {
    names: tables.flatMap((t) => t.names),
    text: tables.flatMap((t) => t.text),
    argv: tables.flatMap((t) => t.argv ?? []),
    secrets: Object.assign({}, ...tables.map((t) => t.secrets ?? {})) as Record<string, SecretField>,
  };
}

export const RESOURCE_FIELDS: { readonly [K in ResourceKind]: FieldTable } = {
  region: { names: ['id'], text: [] },
  vpc: { names: ['id', 'cidrBlock', 'name'], text: [] },
  az: { names: ['id', 'zoneId'], text: [] },
  subnet: { names: ['id', 'vpcId', 'az', 'cidrBlock', 'name', 'defaultRoute.targetId', 'defaultRoute.routeTableId'], text: [] },
  cluster: { names: ['id', 'name', 'status', 'capacityProviders[]', 'defaultCapacityProviderStrategy[].capacityProvider'], text: [] },
  service: {
    names: [
      'id',
      'name',
      'clusterArn',
      'status',
      'launchType',
      'capacityProviderStrategy[].capacityProvider',
      'taskDefinitionArn',
      'deployments[].id',
      'deployments[].status',
      'deployments[].rolloutState',
      'deployments[].taskDefinitionArn',
      'loadBalancers[].targetGroupArn',
      'loadBalancers[].loadBalancerName',
      'loadBalancers[].containerName',
      'networkConfiguration.subnets[]',
      'networkConfiguration.securityGroups[]',
      'networkConfiguration.assignPublicIp',
      'events[].id',
      'schedulingStrategy',
    ],
    text: ['deployments[].rolloutStateReason', 'events[].message'],
  },
  task: {
    names: [
      'id',
      'clusterArn',
      'serviceArn',
      'group',
      'lastStatus',
      'desiredStatus',
      'healthStatus',
      'az',
      'subnetId',
      'privateIp',
      'eniId',
      'containerInstanceArn',
      'taskDefinitionArn',
      'deploymentId',
      'launchType',
      'capacityProviderName',
      'stopCode',
      'containers[].name',
      'containers[].lastStatus',
      'containers[].healthStatus',
    ],
    text: ['stoppedReason', 'containers[].reason'],
  },
  taskDefinition: {
    names: [
      'id',
      'family',
      'status',
      'networkMode',
      'cpu',
      'memory',
      'requiresCompatibilities[]',
      'taskRoleArn',
      'executionRoleArn',
      'containers[].name',
      'containers[].portMappings[].protocol',
      'containers[].portMappings[].name',
      'containers[].environment[].name',
      'containers[].secrets[].name',
      'containers[].logConfiguration.logDriver',
      'containers[].logConfiguration.options{key}',
      'containers[].logConfiguration.secretOptions[].name',
    ],
    // A label's key can carry a secret as well as its value (traefik basic-auth users, webhook URLs).
    text: ['containers[].image', 'containers[].dockerLabels{key}'],
    argv: ['containers[].command[]', 'containers[].entryPoint[]', 'containers[].healthCheck.command[]'],
    secrets: {
      'containers[].environment[].value': 'value',
      'containers[].dockerLabels{}': 'value',
      'containers[].environmentFiles[]': 'arn',
      'containers[].secrets[].value': 'arn',
      'containers[].repositoryCredentials': 'arn',
      'containers[].logConfiguration.options{}': 'logOption',
      'containers[].logConfiguration.secretOptions[].value': 'arn',
    },
  },
  containerInstance: { names: ['id', 'clusterArn', 'ec2InstanceId', 'az', 'subnetId', 'privateIp', 'instanceType', 'status'], text: [] },
  loadBalancer: {
    names: [
      'id',
      'name',
      'type',
      'scheme',
      'dnsName',
      'vpcId',
      'state',
      'zones[].az',
      'zones[].subnetId',
      'securityGroups[]',
      'listeners[].id',
      'listeners[].protocol',
      'listeners[].rules[].priority',
      'listeners[].rules[].action',
      'listeners[].rules[].targets[].targetGroupArn',
    ],
    // Conditions hold header values and query strings (http-header Authorization=…, query-string token=…).
    text: ['listeners[].rules[].conditions[]'],
  },
  targetGroup: {
    names: [
      'id',
      'name',
      'targetType',
      'protocol',
      'vpcId',
      'healthCheck.protocol',
      'healthCheck.port',
      'healthCheck.matcher',
      'loadBalancerArns[]',
      'targets[].id',
      'targets[].az',
      'targets[].state',
    ],
    text: ['healthCheck.path', 'targets[].reason', 'targets[].description'],
  },
  eksCluster: {
    names: ['id', 'name', 'version', 'status', 'vpcId', 'subnetIds[]', 'securityGroupIds[]', 'authenticationMode'],
    text: ['endpoint'],
  },
  nodeGroup: {
    names: ['id', 'clusterArn', 'name', 'status', 'capacityType', 'instanceTypes[]', 'subnetIds[]', 'autoScalingGroups[]', 'version', 'releaseVersion'],
    text: ['healthIssues[]'],
  },
  fargateProfile: { names: ['id', 'clusterArn', 'name', 'status', 'subnetIds[]'], text: ['selectors[]'] },
  eksNode: {
    names: [
      'id',
      'clusterArn',
      'nodeGroupArn',
      'nodeGroupName',
      'name',
      'instanceType',
      'az',
      'subnetId',
      'privateIp',
      'state',
      'lifecycle',
      'kube.kubeletVersion',
      'kube.capacity{key}',
      'kube.capacity{}',
      'kube.allocatable{key}',
      'kube.allocatable{}',
    ],
    text: [],
  },
  pod: merge(
    {
      names: [
        'id',
        'clusterArn',
        'namespace',
        'name',
        'nodeName',
        'instanceId',
        'phase',
        'podIp',
        'subnetId',
        'az',
        'workloadId',
        'owners[]',
        'revision',
        'qosClass',
        'containerStatuses[].name',
        'containerStatuses[].state',
      ],
      text: ['status', 'containerStatuses[].reason', 'containerStatuses[].lastTermination'],
    },
    KUBE_CONTAINER('containers[]'),
  ),
  workload: merge({ names: ['id', 'clusterArn', 'namespace', 'name', 'workloadKind'], text: ['strategy', 'selector[]'] }, KUBE_CONTAINER('template[]')),
  kubeService: {
    names: ['id', 'clusterArn', 'namespace', 'name', 'type', 'ports[]', 'targetGroupArns[]', 'workloadIds[]', 'hostname'],
    text: ['selector[]'],
  },
  ingress: { names: ['id', 'clusterArn', 'namespace', 'name', 'className', 'hostname', 'loadBalancerArn'], text: ['rules[]'] },
};

/** The topology's own strings, beside its resources. */
export const TOPOLOGY_FIELDS: FieldTable = {
  names: ['source.region', 'source.accountId', 'resources{key}', 'errors[].api', 'errors[].resource', 'errors[].code', 'stats.calls{key}'],
  text: ['source.label', 'errors[].message', 'errors[].hint'],
};
