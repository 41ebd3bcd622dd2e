import type { Resource } from '../../../src/topology/model';
import { kubeResources, nodeFacts, subnetBlocks, type KubeNodeFacts } from './kube/toTopologyKube';
import { opt, tagValue } from './mapping';
import type { RawEstate } from './raw';

const CLUSTER_TAG = 'kubernetes.io/cluster/';

/** The cluster a node's kubernetes.io/cluster/<name> tag (owned or shared) names. */
function clusterOfTags(tags: { Key?: string | undefined }[] | undefined): string | undefined {
  const key = tags?.find((t) => t.Key?.startsWith(CLUSTER_TAG))?.Key;
  return key ? key.slice(CLUSTER_TAG.length) : undefined;
}

/** Pure: the EKS part of a read (clusters, node groups, Fargate profiles, node-group instances) → resources. */
export function eksResources(raw: RawEstate): Resource[] {
  const clusterArn = new Map(raw.eksClusters.map((c) => [c.name ?? '', c.arn ?? '']));
  // Kubernetes nodes by instance id: their facts join the EC2 instance, and they name the cluster of a
  // self-managed node (whose instance has no eks:cluster-name tag).
  const kubeNodes = new Map<string, KubeNodeFacts>();
  for (const read of raw.kube) for (const f of nodeFacts(read).values()) if (f.instanceId) kubeNodes.set(f.instanceId, f);
  const subnets = subnetBlocks(raw.subnets);
  const nodeGroupArn = new Map(raw.nodegroups.map((n) => [`${n.clusterName ?? ''}/${n.nodegroupName ?? ''}`, n.nodegroupArn ?? '']));
  return [
    ...raw.eksClusters.map((c): Resource => ({
      kind: 'eksCluster',
      id: c.arn ?? '',
      name: c.name ?? '',
      ...opt('version', c.version),
      status: c.status ?? 'UNKNOWN',
      ...opt('endpoint', c.endpoint),
      ...opt('vpcId', c.resourcesVpcConfig?.vpcId),
      subnetIds: c.resourcesVpcConfig?.subnetIds ?? [],
      securityGroupIds: c.resourcesVpcConfig?.securityGroupIds ?? [],
      endpointPublicAccess: c.resourcesVpcConfig?.endpointPublicAccess ?? false,
      endpointPrivateAccess: c.resourcesVpcConfig?.endpointPrivateAccess ?? false,
      ...opt('authenticationMode', c.accessConfig?.authenticationMode),
    })),
    ...raw.nodegroups.map((n): Resource => ({
      kind: 'nodeGroup',
      id: n.nodegroupArn ?? '',
      clusterArn: clusterArn.get(n.clusterName ?? '') ?? '',
      name: n.nodegroupName ?? '',
      status: n.status ?? 'UNKNOWN',
      ...opt('version', n.version),
      ...opt('releaseVersion', n.releaseVersion),
      ...opt('capacityType', n.capacityType),
      instanceTypes: n.instanceTypes ?? [],
      subnetIds: n.subnets ?? [],
      scaling: { min: n.scalingConfig?.minSize ?? 0, max: n.scalingConfig?.maxSize ?? 0, desired: n.scalingConfig?.desiredSize ?? 0 },
      healthIssues: (n.health?.issues ?? []).map((i) => `${i.code ?? 'Issue'}: ${i.message ?? ''}`),
      autoScalingGroups: (n.resources?.autoScalingGroups ?? []).flatMap((a) => (a.name ? [a.name] : [])),
    })),
    ...raw.fargateProfiles.map((f): Resource => ({
      kind: 'fargateProfile',
      id: f.fargateProfileArn ?? '',
      clusterArn: clusterArn.get(f.clusterName ?? '') ?? '',
      name: f.fargateProfileName ?? '',
      status: f.status ?? 'UNKNOWN',
      subnetIds: f.subnets ?? [],
      selectors: (f.selectors ?? []).map((s) => {
        const labels = Object.entries(s.labels ?? {}).map(([k, v]) => `${k}=${v}`);
        return `${s.namespace ?? '*'}${labels.length ? ` [${labels.join(',')}]` : ''}`;
      }),
    })),
    // Managed node instances carry eks:cluster-name and eks:nodegroup-name tags, any node kubernetes.io/cluster/<name>;
    // the tags name the group even when DescribeNodegroup was not read. The private DNS name is the node name.
    ...raw.eksInstances.map((i): Resource => {
      const facts = kubeNodes.get(i.InstanceId ?? '');
      const cluster = tagValue(i.Tags, 'eks:cluster-name') ?? clusterOfTags(i.Tags) ?? '';
      const group = tagValue(i.Tags, 'eks:nodegroup-name') ?? facts?.nodeGroup;
      return {
        kind: 'eksNode',
        id: i.InstanceId ?? '',
        clusterArn: clusterArn.get(cluster) ?? facts?.clusterArn ?? cluster,
        ...opt('nodeGroupArn', group ? nodeGroupArn.get(`${cluster}/${group}`) : undefined),
        ...opt('nodeGroupName', group),
        name: i.PrivateDnsName ?? i.InstanceId ?? '',
        ...opt('instanceType', i.InstanceType),
        ...opt('az', i.Placement?.AvailabilityZone),
        ...opt('subnetId', i.SubnetId),
        ...opt('privateIp', i.PrivateIpAddress),
        state: i.State?.Name ?? 'unknown',
        lifecycle: i.InstanceLifecycle ?? 'on-demand',
        ...opt('kube', facts?.kube),
      };
    }),
    ...raw.kube.flatMap((read) => kubeResources(read, { subnets, loadBalancers: raw.loadBalancers })),
  ];
}
