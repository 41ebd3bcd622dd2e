import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { cluster, service, task, topologyOf } from '../graph/testTopology';
import { syntheticEstate } from '../__fixtures__/estate';
import { indexResources, replaceResources, resourceOf, resourcesOf, SCHEMA_VERSION, Topology } from './index';

describe('the topology document', () => {
  it('accepts a read as the live path serves it, and rejects one of another schema version or with a resource of no known kind', () => {
    const demo = demoTopology();
    expect(Topology.safeParse(demo).success).toBe(true);
    expect(Topology.safeParse({ ...demo, schemaVersion: SCHEMA_VERSION + 1 }).success).toBe(false);
    const alien = { ...demo, resources: { ...demo.resources, x: { kind: 'lambda', id: 'x' } } };
    expect(Topology.safeParse(alien).success).toBe(false);
  });
});

describe('resources by kind', () => {
  const web = service('storefront', 'web');
  const api = service('storefront', 'api');
  const t = task('storefront', 'web');
  // Listed out of order on purpose: every consumer must see the same order whatever the read's order was.
  const topology = topologyOf([t, web, cluster('storefront', { activeServices: 2, runningTasks: 1 }), api]);

  it('lists one kind in id order, whatever order the read added them in', () => {
    expect(resourcesOf(topology, 'service').map((s) => s.name)).toEqual(['api', 'web']);
    expect(resourcesOf(topology, 'task').map((x) => x.id)).toEqual([t.id]);
    expect(resourcesOf(topology, 'pod')).toEqual([]);
  });

  it('hands out a new list each time, so a caller sorting its copy changes no one else’s', () => {
    const first = resourcesOf(topology, 'service');
    first.reverse();
    expect(resourcesOf(topology, 'service').map((s) => s.name)).toEqual(['api', 'web']);
  });

  it('finds one resource by id only when it is of the kind asked for', () => {
    expect(resourceOf(topology, 'service', web.id)).toBe(web);
    expect(resourceOf(topology, 'task', web.id)).toBeUndefined();
    expect(resourceOf(topology, 'service', 'arn:aws:ecs:us-east-1:123456789012:service/storefront/gone')).toBeUndefined();
    expect(resourceOf(topology, 'service', undefined)).toBeUndefined();
  });

  it('indexes resources by id; a later one of the same id replaces the earlier', () => {
    const renamed = { ...web, name: 'web-v2' };
    const index = indexResources([web, api, renamed]);
    expect(Object.keys(index).sort()).toEqual([api.id, web.id].sort());
    expect(index[web.id]).toBe(renamed);
  });
});

describe('replaceResources', () => {
  it('makes a new record whose kind lists, derived from the old ones, are what indexing it afresh gives', () => {
    const t = syntheticEstate({ clusters: 3, services: 20, tasks: 300, loadBalancers: 2, azs: 3, seed: 5 });
    const tasks = resourcesOf(t, 'task');
    void resourcesOf(t, 'service'); // the old record is indexed
    const [gone, stays, moved] = tasks;
    if (!gone || !stays || !moved) throw new Error('fixture');
    const born = { ...stays, id: `${stays.id.slice(0, -4)}zzzz` };
    const early = { ...stays, id: `${stays.id.slice(0, -32)}0000` };
    const replaced = { ...moved, lastStatus: 'STOPPED' };
    const next = replaceResources(t.resources, [born, early, replaced], [gone.id]);
    expect(next).not.toBe(t.resources);
    expect(t.resources[gone.id]).toBe(gone);
    const derived = { ...t, resources: next };
    const fresh = { ...t, resources: { ...next } };
    for (const kind of ['task', 'service', 'subnet', 'region'] as const) expect(resourcesOf(derived, kind)).toEqual(resourcesOf(fresh, kind));
    expect(resourcesOf(derived, 'task').find((r) => r.id === moved.id)).toBe(replaced);
    expect(resourcesOf(derived, 'task')).toHaveLength(tasks.length + 1);
  });
});
