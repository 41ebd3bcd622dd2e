import { describe, expect, it } from 'vitest';
import type { ReadError } from '../model';
import { topBarCounts } from './counts';
import { unreadParts } from './completeness';
import { service, targetGroup, task, topologyOf } from './testTopology';

/** Errors as the read records them (server/sources/aws/context.ts and kube/reader.ts). */
const denied = (api: string, resource?: string): ReadError => ({
  api,
  ...(resource ? { resource } : {}),
  code: 'AccessDenied',
  message: `User: arn:aws:iam::123456789012:user/fleetmap-reader is not authorized to perform: ${api} on resource: * because no identity-based policy allows the ${api} action`,
  hint: `Grant ${api} to the identity Fleetmap reads with (iam/fleetmap-readonly-policy.json lists every action it needs).`,
});
const kube = (what: string, code: string): ReadError => ({
  api: `k8s:list ${what}`,
  resource: 'EKS cluster orders-eks',
  code,
  message: code === 'Forbidden' ? `${what} is forbidden: User "fleetmap" cannot list resource "${what}"` : 'connect ECONNREFUSED 10.0.0.1:443',
  hint: 'Map the identity in the aws-auth ConfigMap.',
});

const parts = (errors: ReadError[]) => [...unreadParts(errors).keys()].sort();

describe('which parts of the map a failed call leaves short', () => {
  it('a read with no errors is complete', () => {
    expect(parts([])).toEqual([]);
  });

  it('target groups denied: target groups, the load balancers found through them and their rules', () => {
    const error = denied('elasticloadbalancing:DescribeTargetGroups', '6 target groups: api-tg, cart-tg, ledger-tg, web-tg, …');
    const out = unreadParts([error]);
    expect([...out.keys()].sort()).toEqual(['listenerRule', 'loadBalancer', 'subnet', 'targetGroup']);
    expect(out.get('loadBalancer')).toEqual([error]);
  });

  it.each([
    ['ecs:ListClusters', ['cluster', 'containerInstance', 'listenerRule', 'loadBalancer', 'service', 'subnet', 'targetGroup', 'task', 'taskDefinition']],
    ['ecs:DescribeClusters', ['cluster']],
    ['ecs:ListServices', ['listenerRule', 'loadBalancer', 'service', 'subnet', 'targetGroup']],
    ['ecs:DescribeServices', ['listenerRule', 'loadBalancer', 'service', 'subnet', 'targetGroup']],
    ['ecs:ListTasks', ['subnet', 'task']],
    ['ecs:DescribeTasks', ['subnet', 'task']],
    ['elasticloadbalancing:DescribeLoadBalancers', ['listenerRule', 'loadBalancer', 'subnet']],
    ['elasticloadbalancing:DescribeRules', ['listenerRule']],
    ['elasticloadbalancing:DescribeTargetHealth', []],
    ['ec2:DescribeSubnets', ['routeTable', 'subnet', 'vpc']],
    ['ec2:DescribeRouteTables', ['routeTable']],
    [
      'eks:ListClusters',
      [
        'eksCluster',
        'eksNode',
        'fargateProfile',
        'ingress',
        'kubeService',
        'listenerRule',
        'loadBalancer',
        'nodeGroup',
        'pod',
        'subnet',
        'targetGroup',
        'workload',
      ],
    ],
    ['eks:DescribeNodegroup', ['eksNode', 'nodeGroup']],
  ])('%s', (api, expected) => {
    expect(parts([denied(api)])).toEqual(expected);
  });

  it('a Kubernetes list that is refused leaves that list short; one that cannot be reached stops the whole read of the cluster', () => {
    expect(parts([kube('pods', 'Forbidden')])).toEqual(['pod']);
    expect(parts([kube('deployments', 'Forbidden')])).toEqual(['workload']);
    expect(parts([kube('targetgroupbindings', 'HTTP 500')])).toEqual(['listenerRule', 'loadBalancer', 'targetGroup']);
    expect(parts([kube('nodes', 'Unreachable')])).toEqual([
      'eksNode',
      'ingress',
      'kubeService',
      'listenerRule',
      'loadBalancer',
      'pod',
      'targetGroup',
      'workload',
    ]);
  });

  it('a part of the read Fleetmap itself failed to put together names what it lost', () => {
    const fault: ReadError = {
      api: 'fleetmap:read',
      resource: 'load balancers',
      code: 'TypeError',
      message: "Cannot read properties of null (reading 'Type')",
      hint: 'Please report this message.',
    };
    expect(parts([fault])).toEqual(['listenerRule', 'loadBalancer']);
  });
});

describe('the top bar counts', () => {
  const text = (items: ReturnType<typeof topBarCounts>) => items.map((c) => `${c.count ?? ''} ${c.words}`.trim());

  it('says one or many as the count has it', () => {
    const topology = topologyOf([service('storefront', 'web'), task('storefront', 'web'), { ...targetGroup('web-tg', 'ip', []), loadBalancerArns: [] }]);
    expect(text(topBarCounts(topology))).toEqual(['1 service', '1 task', '0 load balancers']);
  });

  it('with target groups denied, load balancers are not counted as zero and the failed API is named', () => {
    const topology = {
      ...topologyOf([service('storefront', 'web'), service('storefront', 'api'), task('storefront', 'web')]),
      errors: [denied('elasticloadbalancing:DescribeTargetGroups', '2 target groups: api-tg, web-tg')],
    };
    const items = topBarCounts(topology);
    expect(text(items)).toEqual(['2 services', '1 task', 'load balancers not all read']);
    const lbs = items.find((c) => c.part === 'loadBalancer');
    expect(lbs?.incomplete).toBe(true);
    expect(lbs?.title).toContain('elasticloadbalancing:DescribeTargetGroups (AccessDenied)');
  });

  it('keeps what was read beside "not all read", and shows EKS counts when EKS could not be read at all', () => {
    const topology = {
      ...topologyOf([task('storefront', 'web'), task('storefront', 'web')]),
      errors: [denied('ecs:DescribeTasks', 'cluster platform'), denied('eks:ListClusters')],
    };
    expect(text(topBarCounts(topology))).toEqual([
      '0 services',
      '2 tasks (not all read)',
      'load balancers not all read',
      'EKS nodes not all read',
      'pods not all read',
    ]);
  });
});
