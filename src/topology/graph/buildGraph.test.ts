import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { buildGraph } from './buildGraph';
import type { GraphNode } from './types';
import { cluster, clusterArn, service, task, topologyOf } from './testTopology';

const options = { expanded: new Set<string>() };
const nodeOf = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);
const detailOf = (nodes: GraphNode[], id: string) => {
  const n = nodeOf(nodes, id);
  return n?.kind === 'cluster' ? n.detail : undefined;
};
/** Every ECS task the graph draws, one by one or inside a folded group. */
const drawnTasks = (nodes: GraphNode[]) => nodes.flatMap((n) => (n.kind === 'task' ? [n.id] : n.kind === 'taskGroup' ? n.taskIds : [])).sort();

function storefront(counters: { activeServices: number; runningTasks: number }) {
  return topologyOf([
    cluster('storefront', counters),
    service('storefront', 'web'),
    service('storefront', 'api'),
    service('storefront', 'cart'),
    task('storefront', 'web'),
    task('storefront', 'api'),
    task('storefront', 'api', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }),
  ]);
}

describe('buildGraph: ECS cluster headers', () => {
  it('counts the services and tasks read by state, and shows AWS’s counter only where it differs from the running ones', () => {
    const { nodes } = buildGraph(storefront({ activeServices: 0, runningTasks: 10 }), { ...options, view: 'service' });
    expect(detailOf(nodes, clusterArn('storefront'))).toBe('3 services (AWS: 0) · 2 running tasks (AWS: 10) · 1 stopped · FARGATE');
    const agreed = buildGraph(storefront({ activeServices: 3, runningTasks: 2 }), { ...options, view: 'service' });
    expect(detailOf(agreed.nodes, clusterArn('storefront'))).toBe('3 services · 2 running tasks · 1 stopped · FARGATE');
  });

  it('says as many tasks as it draws: 8 running and 1 pending make 9 boxes', () => {
    const tasks = [
      ...Array.from({ length: 8 }, () => task('payments', 'ledger')),
      task('payments', 'ledger', { lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING' }),
    ];
    const topology = topologyOf([cluster('payments', { activeServices: 1, runningTasks: 8 }), service('payments', 'ledger'), ...tasks]);
    const { nodes } = buildGraph(topology, { ...options, view: 'service' });
    expect(detailOf(nodes, clusterArn('payments'))).toBe('1 service · 8 running tasks · 1 pending · FARGATE');
    expect(drawnTasks(nodes)).toHaveLength(9);
    const running = buildGraph(
      topologyOf([cluster('payments', { activeServices: 1, runningTasks: 1 }), service('payments', 'ledger'), task('payments', 'ledger')]),
      {
        ...options,
        view: 'service',
      },
    );
    expect(detailOf(running.nodes, clusterArn('payments'))).toBe('1 service · 1 task · FARGATE');
  });
});

describe('buildGraph: service view', () => {
  it('draws every service and task read when the clusters themselves could not be described', () => {
    // ecs:DescribeClusters denied: services and tasks were read, cluster resources were not.
    const tasks = [task('storefront', 'web'), task('storefront', 'web'), task('platform', 'ledger'), task('platform', undefined, { group: 'family:migrate' })];
    const topology = topologyOf([service('storefront', 'web'), service('platform', 'ledger'), ...tasks]);
    const { nodes } = buildGraph(topology, { ...options, view: 'service' });
    expect(nodeOf(nodes, clusterArn('storefront'))).toMatchObject({ kind: 'cluster', label: 'storefront', engine: 'ecs' });
    expect(detailOf(nodes, clusterArn('platform'))).toBe('1 service · 2 tasks · cluster not described');
    expect(nodes.filter((n) => n.kind === 'service').map((n) => n.label)).toEqual(['ledger', 'web']);
    expect(drawnTasks(nodes)).toEqual(tasks.map((t) => t.id).sort());
    // Parents come before their children, as React Flow requires.
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parent) expect(seen.has(n.parent), n.id).toBe(true);
      seen.add(n.id);
    }
  });
});

describe('buildGraph: an empty region', () => {
  it('draws nothing at all, not an empty "VPC not readable" box', () => {
    for (const view of ['network', 'service'] as const) expect(buildGraph(topologyOf([]), { ...options, view }).nodes).toEqual([]);
    // A VPC that could not be read is still drawn when there is something to put in it.
    const { nodes } = buildGraph(topologyOf([task('storefront', 'web', { az: 'us-east-1a' })]), { ...options, view: 'network' });
    expect(nodes[0]).toMatchObject({ kind: 'vpc', label: 'VPC not readable' });
  });
});

describe('buildGraph: public or private subnets', () => {
  const subnet = (id: string, isPublic: boolean): ResourceOf<'subnet'> => ({
    kind: 'subnet',
    id,
    vpcId: 'vpc-1',
    az: 'us-east-1a',
    cidrBlock: '10.0.0.0/24',
    public: isPublic,
  });
  const exposureOf = (topology: ReturnType<typeof topologyOf>) =>
    buildGraph(topology, { ...options, view: 'network' }).nodes.flatMap((n) => (n.kind === 'subnet' ? [`${n.label} ${n.exposure}`] : []));

  it('a "subnet not readable" box is neither public nor private', () => {
    // A read that failed everywhere: a task with its AZ, and no subnet, VPC or route table.
    const topology = { ...topologyOf([task('storefront', 'web', { az: 'us-east-1a', subnetId: 'subnet-0aaa' })]), errors: [] };
    expect(exposureOf(topology)).toEqual(['subnet not readable unknown']);
  });

  it('without route tables a subnet is not called private: only a route to an internet gateway says public', () => {
    const resources = [{ kind: 'vpc', id: 'vpc-1', cidrBlock: '10.0.0.0/16' } as const, subnet('subnet-a', false), subnet('subnet-b', true)];
    expect(exposureOf(topologyOf(resources))).toEqual(['subnet-b public', 'subnet-a private']);
    const denied = {
      api: 'ec2:DescribeRouteTables',
      resource: 'vpc-1',
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      hint: 'Grant ec2:DescribeRouteTables.',
    };
    expect(exposureOf({ ...topologyOf(resources), errors: [denied] })).toEqual(['subnet-b public', 'subnet-a unknown']);
  });
});

describe('buildGraph: EKS worker nodes', () => {
  it('names a managed node’s group from its tags when the node group itself was not read', () => {
    const eksArn = 'arn:aws:eks:us-east-1:123456789012:cluster/orders-eks';
    const node = (id: string, nodeGroupName?: string): ResourceOf<'eksNode'> => ({
      kind: 'eksNode',
      id,
      clusterArn: eksArn,
      name: `ip-10-0-10-${id.length}.ec2.internal`,
      subnetId: 'subnet-a',
      az: 'us-east-1a',
      state: 'running',
      lifecycle: 'on-demand',
      ...(nodeGroupName ? { nodeGroupName } : {}),
    });
    const topology = topologyOf([
      { kind: 'vpc', id: 'vpc-1', cidrBlock: '10.0.0.0/16' },
      { kind: 'subnet', id: 'subnet-a', vpcId: 'vpc-1', az: 'us-east-1a', cidrBlock: '10.0.10.0/22', public: false },
      node('i-0aaa', 'general'),
      node('i-0bbbbb'),
    ]);
    const groups = buildGraph(topology, { ...options, view: 'network' }).nodes.flatMap((n) => (n.kind === 'node' ? [`${n.id} ${n.nodeGroup}`] : []));
    expect(groups).toEqual(['i-0aaa general', 'i-0bbbbb self-managed']);
  });
});

describe('buildGraph: rebuilding from the same topology', () => {
  it('draws what a build from a fresh copy draws, whichever view and groups were built before', () => {
    const t = topologyOf([
      cluster('shop', { activeServices: 1, runningTasks: 20 }),
      service('shop', 'web'),
      ...Array.from({ length: 20 }, () => task('shop', 'web', { subnetId: 'subnet-a', az: 'us-east-1a' })),
    ]);
    const copy = () => ({ ...t, resources: { ...t.resources } });
    const group = buildGraph(t, { ...options, view: 'service' }).nodes.find((n) => n.kind === 'taskGroup');
    expect(group).toBeDefined();
    const opened = { view: 'service' as const, expanded: new Set([group?.id ?? '']) };
    buildGraph(t, { ...options, view: 'network' });
    expect(buildGraph(t, opened)).toEqual(buildGraph(copy(), opened));
    expect(buildGraph(t, { ...options, view: 'network' })).toEqual(buildGraph(copy(), { ...options, view: 'network' }));
  });
});
