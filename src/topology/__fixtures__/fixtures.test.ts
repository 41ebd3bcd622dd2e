import { describe, expect, it } from 'vitest';
import { parseSnapshot, resourcesOf, Topology } from '../model';
import { syntheticEstate } from './estate';
import { demoTopology } from './fixtures';
import demoJson from './demo.topology.json';

describe('the committed demo read', () => {
  it('parses with the snapshot parser from its text, as a saved file does', () => {
    const parsed = parseSnapshot(JSON.stringify(demoJson));
    expect(parsed.ok && Object.keys(parsed.topology.resources).length).toBe(141);
    expect(parsed.ok && parsed.topology).toEqual(demoTopology());
  });

  it('holds the demo as the live path reads it: three ECS clusters, one EKS cluster, redacted secrets, no errors', () => {
    const demo = demoTopology();
    expect(demo.errors).toEqual([]);
    expect(
      resourcesOf(demo, 'cluster')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['batch-spot', 'platform-ec2', 'storefront']);
    expect(resourcesOf(demo, 'eksCluster')).toHaveLength(1);
    expect(resourcesOf(demo, 'az').map((z) => z.id)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // The demo's task definitions carry plain-text secrets: the read hands them over redacted.
    expect(JSON.stringify(demo)).not.toContain('hunter2');
    expect(JSON.stringify(demo)).not.toContain('sk_live_');
  });
});

describe('generated estates', () => {
  const size = { clusters: 4, services: 30, tasks: 300, loadBalancers: 2, azs: 3, seed: 7 };

  it('are valid topologies of the size asked for', () => {
    const estate = syntheticEstate(size);
    expect(Topology.safeParse(estate).success).toBe(true);
    expect(resourcesOf(estate, 'cluster')).toHaveLength(4);
    expect(resourcesOf(estate, 'service')).toHaveLength(30);
    expect(resourcesOf(estate, 'task')).toHaveLength(300);
    expect(resourcesOf(estate, 'loadBalancer')).toHaveLength(2);
    expect(resourcesOf(estate, 'subnet')).toHaveLength(6);
    // Every fourth cluster runs on EC2 hosts, one per AZ.
    expect(resourcesOf(estate, 'containerInstance')).toHaveLength(3);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(syntheticEstate(size)).toEqual(syntheticEstate(size));
    const spread = (seed: number) => resourcesOf(syntheticEstate({ ...size, seed }), 'service').map((s) => s.desired);
    expect(spread(8)).not.toEqual(spread(7));
  });
});
