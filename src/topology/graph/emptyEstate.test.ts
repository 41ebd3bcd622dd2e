import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, type ReadError, type ResourceKind, type Topology } from '../model';
import { emptyEstate } from './emptyEstate';
import { task, topologyOf } from './testTopology';

const demo = demoTopology();

/** What the network reads leave of the demo in a region with no ECS, no load balancers and no EKS: its VPC, subnets and AZs. */
const NETWORK: readonly ResourceKind[] = ['region', 'vpc', 'az', 'subnet'];
function emptyRegion(over: Partial<Topology['source']> = {}): Topology {
  const kept = Object.values(demo.resources).filter((r) => NETWORK.includes(r.kind));
  return { ...demo, source: { ...demo.source, region: 'eu-west-2', ...over }, resources: Object.fromEntries(kept.map((r) => [r.id, r])) };
}

/** As the read records a refused call (server/sources/aws/context.ts). */
const denied = (api: string): ReadError => ({
  api,
  code: 'AccessDeniedException',
  message: `User: arn:aws:iam::123456789012:user/fleetmap-reader is not authorized to perform: ${api}`,
  hint: `Grant ${api} to the identity Fleetmap reads with.`,
});

describe('the empty-region message', () => {
  it('says a region with no containers holds none, which region and account were read, and how to pick another', () => {
    const topology = emptyRegion();
    expect(resourcesOf(topology, 'subnet').length).toBeGreaterThan(0);
    const empty = emptyEstate(topology);
    expect(empty?.title).toBe('No ECS or EKS containers in eu-west-2');
    expect(empty?.detail).toBe('Fleetmap read eu-west-2 (account 123456789012) and found no ECS clusters and no EKS clusters.');
    expect(empty?.next).toContain('--region NAME');
    expect(empty?.next).toContain('AWS_REGION');
  });

  it('does not call a region empty when the read was refused, and counts the calls that failed', () => {
    const one = emptyEstate({ ...emptyRegion(), errors: [denied('ecs:ListClusters')] });
    expect(one?.title).toBe('No ECS or EKS containers could be read in eu-west-2');
    expect(one?.detail).toContain('but 1 call failed');
    const two = emptyEstate({ ...emptyRegion(), errors: [denied('ecs:ListClusters'), denied('eks:ListClusters')] });
    expect(two?.detail).toContain('but 2 calls failed');
    expect(two?.next).toContain('The errors in the status bar name each call');
  });

  it('points a snapshot to another snapshot, and names the file it read', () => {
    const empty = emptyEstate(emptyRegion({ kind: 'snapshot', label: 'prod-eu.json', accountId: undefined }));
    expect(empty?.detail).toBe('Fleetmap read eu-west-2 (prod-eu.json) and found no ECS clusters and no EKS clusters.');
    expect(empty?.next).toBe('Open a snapshot of another region, or serve a live read with --region NAME.');
  });

  it('says nothing for an estate with containers, even a single task whose cluster was not described', () => {
    expect(emptyEstate(demo)).toBeUndefined();
    expect(emptyEstate(topologyOf([task('storefront', 'web')]))).toBeUndefined();
    for (const kind of ['cluster', 'service', 'eksCluster', 'eksNode', 'pod', 'workload'] as const) {
      const [one] = resourcesOf(demo, kind);
      expect(one, kind).toBeDefined();
      if (one) expect(emptyEstate({ ...emptyRegion(), resources: { ...emptyRegion().resources, [one.id]: one } }), kind).toBeUndefined();
    }
  });
});
