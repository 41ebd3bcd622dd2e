import { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { WorldBuilder } from '../../fake-aws/builder';
import { addEksCluster, addFargateProfile, addNodeGroup } from '../../fake-aws/builder-eks';
import { addKubeApi } from '../../fake-aws/builder-k8s';
import { demoWorld } from '../../fake-aws/demo';
import { TEST_CREDENTIALS } from '../../fake-aws/kube-auth';
import { readThroughFake } from '../../fake-aws/readWorld';
import { startFakeAws } from '../../fake-aws/server';
import { str, type JsonObject } from '../../fake-aws/world';
import { buildGraph } from '../../../src/topology/graph/buildGraph';
import { resourcesOf } from '../../../src/topology/model';
import { createReadContext } from './context';
import { createEc2Reader } from './ec2';

/** The EKS part of a read, through the real SDK client against the fake's restJson1 EKS API. */
describe('EKS read', () => {
  it('reads clusters, node groups, Fargate profiles and the node groups’ instances over several pages each', async () => {
    const { topology, fake } = await readThroughFake({ world: demoWorld(), pageCap: 1 });
    expect(topology.errors).toEqual([]);
    const [cluster] = resourcesOf(topology, 'eksCluster');
    expect(cluster).toMatchObject({
      name: 'orders-eks',
      version: '1.31',
      status: 'ACTIVE',
      endpointPrivateAccess: true,
      authenticationMode: 'API_AND_CONFIG_MAP',
    });
    const groups = resourcesOf(topology, 'nodeGroup');
    expect(groups.map((g) => g.name).sort()).toEqual(['general', 'spot-workers']);
    // DescribeNodegroup: the Kubernetes minor version and the EKS-optimized AMI release, as AWS writes them.
    for (const g of groups) expect(g, g.name).toMatchObject({ version: '1.31', releaseVersion: expect.stringMatching(/^1\.31\.\d+-\d{8}$/) });
    expect(groups.find((g) => g.name === 'spot-workers')).toMatchObject({
      capacityType: 'SPOT',
      healthIssues: [expect.stringContaining('AsgInstanceLaunchFailures')],
    });
    expect(resourcesOf(topology, 'fargateProfile')).toMatchObject([{ name: 'batch', selectors: ['batch'] }]);
    const nodes = resourcesOf(topology, 'eksNode');
    expect(nodes).toHaveLength(5);
    // Every node sits in a subnet that was read, in the AZ of that subnet, as ECS tasks do.
    const subnets = new Map(resourcesOf(topology, 'subnet').map((s) => [s.id, s]));
    for (const n of nodes) expect(subnets.get(n.subnetId ?? '')?.az).toBe(n.az);
    expect(nodes.filter((n) => n.lifecycle === 'spot')).toHaveLength(2);
    // Paged at one item per page: ListNodegroups took two pages; instances were found by tag (cluster or Auto Scaling group).
    expect(fake.calls.filter((c) => c.action === 'eks:ListNodegroups')).toHaveLength(2);
    expect(fake.calls.some((c) => c.action === 'ec2:DescribeInstances' && /tag%3A(aws%3Aautoscaling%3AgroupName|eks%3Acluster-name)/.test(c.params))).toBe(
      true,
    );
  });

  it('a denied EKS API is one precise error, and the ECS map is still whole', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), deny: ['eks:ListClusters'] });
    expect(topology.errors).toMatchObject([
      { api: 'eks:ListClusters', code: 'AccessDeniedException', hint: expect.stringContaining('Grant eks:ListClusters') },
    ]);
    expect(resourcesOf(topology, 'task').length).toBeGreaterThan(30);
    expect(resourcesOf(topology, 'eksNode')).toHaveLength(0);
  });

  it('counts every attempt of DescribeNodegroup and DescribeFargateProfile, retries included', async () => {
    // An EKS-only world with more node groups than a shrunken DescribeNodegroup bucket holds (5 at scale 0.05), so
    // some of their describes are throttled and retried; every other bucket holds what this read needs.
    const b = new WorldBuilder('eks-retries', 5);
    const vpc = b.vpc('10.0.0.0/16', 'eks');
    const priv = ['a', 'b', 'c'].map((z, i) => b.subnet(vpc, `us-east-1${z}`, `10.0.${16 * i}.0/20`, `private-${z}`, false));
    addEksCluster(b, 'retries', priv);
    for (let g = 0; g < 9; g++) addNodeGroup(b, 'retries', `group-${g}`, { subnets: priv, instanceType: 'm6i.large', count: 1 });
    for (let f = 0; f < 4; f++) addFargateProfile(b, 'retries', `profile-${f}`, priv, [{ namespace: `ns-${f}` }]);
    addKubeApi(b, 'retries');
    const { topology, fake } = await readThroughFake({ world: b.build(), throttle: { scale: 0.05 } }, { maxAttempts: 12, pace: false });
    expect(resourcesOf(topology, 'nodeGroup')).toHaveLength(9);
    expect(resourcesOf(topology, 'fargateProfile')).toHaveLength(4);
    let retried = 0;
    for (const action of ['eks:DescribeNodegroup', 'eks:DescribeFargateProfile']) {
      const sent = fake.calls.filter((c) => c.action === action);
      retried += sent.filter((c) => c.attempt > 1).length;
      expect(topology.stats.calls[action], action).toBe(sent.length);
    }
    expect(retried).toBeGreaterThan(0);
  });

  it('labels managed nodes with their node group even when DescribeNodegroup is denied', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world, deny: ['eks:DescribeNodegroup'] });
    expect(topology.errors).toMatchObject([{ api: 'eks:DescribeNodegroup', code: 'AccessDeniedException' }]);
    expect(resourcesOf(topology, 'nodeGroup')).toHaveLength(0);
    const tagged = (id: string) => {
      const tags = (world.ec2.instances.find((i) => str(i, 'instanceId') === id)?.['tagSet'] ?? []) as JsonObject[];
      return str(tags.find((t) => t['key'] === 'eks:nodegroup-name') ?? {}, 'value');
    };
    const nodes = buildGraph(topology, { view: 'network', expanded: new Set() }).nodes.flatMap((n) => (n.kind === 'node' ? [n] : []));
    expect(nodes).toHaveLength(5);
    for (const n of nodes) expect(n.nodeGroup, n.id).toBe(tagged(n.id));
    expect(new Set(nodes.map((n) => n.nodeGroup))).toEqual(new Set(['general', 'spot-workers']));
  });

  it('finds a cluster’s managed nodes by their eks:cluster-name tag, with filtered describes only', async () => {
    const world = demoWorld();
    const fake = await startFakeAws({ world });
    try {
      const client = new EC2Client({ region: world.region, endpoint: fake.url, credentials: TEST_CREDENTIALS });
      const ec2 = createEc2Reader(client, createReadContext(world.region, { pace: false }));
      // No node group was described, so no Auto Scaling group is known: the cluster's tag alone finds its nodes.
      const found = await ec2.eksNodeInstances(['orders-eks'], []);
      const expected = world.ec2.instances
        .filter((i) => ((i['tagSet'] ?? []) as JsonObject[]).some((t) => t['key'] === 'eks:cluster-name' && t['value'] === 'orders-eks'))
        .map((i) => str(i, 'instanceId'));
      expect(found.map((i) => i.InstanceId).sort()).toEqual(expected.sort());
      expect(await ec2.eksNodeInstances([], [])).toEqual([]);
      const filters = () => fake.calls.filter((c) => c.action === 'ec2:DescribeInstances').map((c) => new URLSearchParams(c.params).get('Filter.1.Name'));
      const byTag = ['tag-key', 'tag:eks:cluster-name'];
      expect(filters().sort()).toEqual(byTag);
      // Auto Scaling groups whose instances the cluster's tags already found cost no further call; another one does.
      const asgs = [...new Set(found.map((i) => i.Tags?.find((t) => t.Key === 'aws:autoscaling:groupName')?.Value ?? ''))];
      expect(asgs).toHaveLength(2);
      expect((await ec2.eksNodeInstances(['orders-eks'], asgs)).length).toBe(expected.length);
      expect(filters().slice(2).sort()).toEqual(byTag);
      const ecsAsg = 'platform-ec2-asg';
      const withEcs = await ec2.eksNodeInstances(['orders-eks'], [...asgs, ecsAsg]);
      expect(withEcs.length).toBe(expected.length + 3);
      expect(filters().slice(4, 6).sort()).toEqual(byTag);
      expect(filters().slice(6)).toEqual(['tag:aws:autoscaling:groupName']);
    } finally {
      await fake.close();
    }
  });

  it('finds a self-managed node by its kubernetes.io/cluster tag when the Kubernetes API refuses Fleetmap', async () => {
    const world = demoWorld();
    const template = world.ec2.instances.find((i) => JSON.stringify(i['tagSet'] ?? []).includes('eks:nodegroup-name'));
    if (!template) throw new Error('the demo has no EKS node');
    const selfManaged = 'i-0selfmanaged00001';
    world.ec2.instances.push({
      ...template,
      instanceId: selfManaged,
      tagSet: [
        { key: 'Name', value: 'legacy-worker' },
        { key: 'kubernetes.io/cluster/orders-eks', value: 'owned' },
      ],
    });
    const { topology } = await readThroughFake({ world, kube: { access: { 'orders-eks': 'unauthorized' } } });
    const nodes = buildGraph(topology, { view: 'network', expanded: new Set() }).nodes.flatMap((n) => (n.kind === 'node' ? [n] : []));
    expect(nodes.map((n) => n.id)).toContain(selfManaged);
    expect(nodes.find((n) => n.id === selfManaged)?.nodeGroup).toBe('self-managed');
    expect(nodes.filter((n) => n.id !== selfManaged).every((n) => n.nodeGroup !== 'self-managed')).toBe(true);
  });
});
