import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { resourceOf, resourcesOf } from '../topology/model';
import { serviceSubnets } from './serviceFacts';

describe('the subnets a service panel names', () => {
  it('names the subnets its tasks run in when it has no awsvpc configuration (EC2 bridge or host networking)', () => {
    const topology = syntheticEstate({ clusters: 20, services: 500, tasks: 20000, loadBalancers: 30, azs: 3, seed: 1 });
    const service = resourcesOf(topology, 'service').find((s) => s.name === 'svc-0100');
    if (!service) throw new Error('no svc-0100');
    expect(service.networkConfiguration?.subnets ?? []).toEqual([]);
    const tasks = resourcesOf(topology, 'task').filter((t) => t.serviceArn === service.id && t.lastStatus !== 'STOPPED');
    const want = [...new Set(tasks.flatMap((t) => (t.subnetId ? [t.subnetId] : [])))].map((id) => resourceOf(topology, 'subnet', id)?.name ?? id);
    expect(want.length).toBeGreaterThan(1);
    const got = serviceSubnets(service, topology);
    expect(got.from).toBe('tasks');
    expect([...got.names].sort()).toEqual([...want].sort());
  });

  it('names its configured awsvpc subnets when it has them', () => {
    const topology = demoTopology();
    const service = resourcesOf(topology, 'service').find((s) => (s.networkConfiguration?.subnets.length ?? 0) > 0);
    if (!service) throw new Error('no awsvpc service in the demo');
    const got = serviceSubnets(service, topology);
    expect(got.from).toBe('configuration');
    expect(got.names).toEqual((service.networkConfiguration?.subnets ?? []).map((id) => resourceOf(topology, 'subnet', id)?.name ?? id));
  });
});
