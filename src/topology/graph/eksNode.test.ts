import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, type EksNode } from '../model';
import { eksNodeOf } from './eksNode';
import { topologyOf } from './testTopology';

const demo = demoTopology();
const nodes = resourcesOf(demo, 'eksNode');
const byName = (name: string) => nodes.find((n) => n.name === name) as EksNode;
/** The node as read when some of its fields were not (optional fields left out, as the read leaves them). */
const without = (n: EksNode, ...keys: (keyof EksNode)[]): EksNode =>
  Object.fromEntries(Object.entries(n).filter(([k]) => !keys.some((x) => x === k))) as EksNode;

describe('an EKS worker node as the map draws it', () => {
  it('names it by its host name, its cluster and node group, and says what the Kubernetes API reports', () => {
    const node = byName('ip-10-0-10-23.ec2.internal');
    expect(eksNodeOf(node, 'subnet-a', demo)).toEqual({
      kind: 'node',
      id: node.id,
      parent: 'subnet-a',
      label: 'ip-10-0-10-23',
      cluster: 'orders-eks',
      nodeGroup: 'general',
      instanceType: 'm6i.large',
      spot: false,
      state: 'running',
      usage: `${node.kube?.pods}/29 pods · 1930m cpu · 7.2 GiB`,
      ready: true,
    });
  });

  it('marks a Spot node', () => {
    expect(eksNodeOf(byName('ip-10-0-14-23.ec2.internal'), 's', demo)).toMatchObject({ spot: true, nodeGroup: 'spot-workers' });
  });

  it('without the cluster, node group or Kubernetes read: the cluster from the ARN, the group from the tag, no usage', () => {
    const bare = without(byName('ip-10-0-10-23.ec2.internal'), 'kube');
    const alone = eksNodeOf(bare, 's', topologyOf([bare]));
    expect(alone).toMatchObject({ cluster: 'orders-eks', nodeGroup: 'general' });
    expect(alone).not.toHaveProperty('usage');
    expect(alone).not.toHaveProperty('ready');
    const tagless = without(bare, 'nodeGroupArn', 'nodeGroupName');
    expect(eksNodeOf(tagless, 's', topologyOf([tagless]))).toMatchObject({ nodeGroup: 'self-managed', instanceType: 'm6i.large' });
  });

  it('shows memory in GiB only when the API gives it in Ki, and marks what it does not know', () => {
    const node = byName('ip-10-0-10-23.ec2.internal');
    const kube = { ready: false, capacity: {}, allocatable: { memory: '8Gi' }, pods: 3 };
    expect(eksNodeOf({ ...node, kube }, 's', demo)).toMatchObject({ usage: '3/? pods · ? cpu · 8Gi', ready: false });
  });
});
