import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, shortId, type Topology } from '../model';
import { searchTopology, statesAsked, type SearchGroup, type SearchHit } from './search';
import { entry, GROUP_HEADINGS, GROUP_ORDER, looksLikePath, searchContext, searchTerm } from './searchEntries';

const demo = demoTopology();
const flat = (q: string, perGroup?: number, topology: Topology = demo): SearchHit[] => searchTopology(topology, q, perGroup).flatMap((g) => g.hits);
const hits = (q: string, perGroup?: number) => flat(q, perGroup).map((h) => `${h.kind} ${h.name}`);
const ids = (q: string) => new Set(flat(q).map((h) => h.id));

describe('searching the map', () => {
  it('finds nothing for an empty query', () => {
    expect(searchTopology(demo, '')).toEqual([]);
    expect(searchTopology(demo, '   ')).toEqual([]);
  });

  it('groups hits by kind under a heading, in a fixed order, the exact name first within a group', () => {
    // "cart" is a service; "cart-tg" starts with it; its three tasks are named by their service.
    const groups = searchTopology(demo, 'cart');
    expect(groups.map((g) => g.heading)).toEqual(['Services', 'Tasks', 'Target groups']);
    expect(groups[0]?.hits.map((h) => h.name)).toEqual(['cart']);
    expect(groups[1]?.hits.map((h) => h.name)).toEqual(['cart', 'cart', 'cart']);
    expect(groups[2]?.hits.map((h) => h.name)).toEqual(['cart-tg']);
    expect(hits('CART')).toEqual(hits('cart'));
    const ledger = hits('ledger');
    expect(ledger.slice(0, 1)).toEqual(['service ledger']);
    expect(ledger).toContain('loadBalancer ledger-nlb');
    expect(ledger).toContain('targetGroup ledger-tg');
  });

  it('finds a task by its private IP, named by its service first, then its AZ and IP', () => {
    const task = resourcesOf(demo, 'task').find((t) => t.privateIp === '10.0.14.12');
    const [group] = searchTopology(demo, '10.0.14.12');
    expect(group?.heading).toBe('Tasks');
    expect(group?.hits[0]).toMatchObject({ id: task?.id, kind: 'task', name: 'web' });
    expect(group?.hits[0]?.detail).toMatch(/^us-east-1b · 10\.0\.14\.12 · /);
    // The short id tells apart two tasks of one service that share an instance's address.
    expect(group?.hits[0]?.detail).toContain(task?.id.split('/').pop()?.slice(0, 8));
  });

  it('names a pod by its workload and a short suffix, with its namespace', () => {
    const [pod] = flat('payments-hkbgfcbmfk-924b7');
    expect(pod).toMatchObject({ kind: 'pod', name: 'payments', suffix: '924b7' });
    expect(pod?.detail).toMatch(/^orders · CrashLoopBackOff/);
    const [db] = flat('inventory-db-1');
    expect(db).toMatchObject({ kind: 'pod', name: 'inventory-db', suffix: '1' });
  });

  it('"crash" and "crashloop" find the crash-looping pod', () => {
    const crashing = resourcesOf(demo, 'pod').filter((p) => p.containerStatuses.some((c) => c.reason === 'CrashLoopBackOff'));
    expect(crashing).toHaveLength(1);
    for (const q of ['crash', 'crashloop', 'CrashLoopBackOff']) {
      expect(
        flat(q)
          .filter((h) => h.kind === 'pod')
          .map((h) => h.id),
      ).toEqual(crashing.map((p) => p.id));
    }
  });

  it('"unhealthy" finds the unhealthy tasks and target groups, and no healthy one', () => {
    const found = ids('unhealthy');
    const unhealthyTargets = resourcesOf(demo, 'targetGroup').filter((tg) => tg.targets?.some((t) => t.state === 'unhealthy'));
    expect(unhealthyTargets.map((tg) => tg.name).sort()).toEqual(['k8s-orders-payments-1287ba7755', 'web-tg']);
    for (const tg of unhealthyTargets) expect(found).toContain(tg.id);
    // web's task behind the unhealthy target, which also fails its container health check.
    const sick = resourcesOf(demo, 'task').find((t) => t.privateIp === '10.0.14.13');
    expect(found).toContain(sick?.id);
    expect(found).not.toContain(resourcesOf(demo, 'task').find((t) => t.privateIp === '10.0.14.12')?.id);
    expect(found).not.toContain(resourcesOf(demo, 'targetGroup').find((tg) => tg.name === 'api-tg')?.id);
    // "healthy" is a word in "unhealthy", but not the state asked for.
    expect(ids('healthy')).not.toContain(sick?.id);
  });

  it('finds pending, stopped, deploying and degraded things by their state', () => {
    const task = (pred: (t: ReturnType<typeof resourcesOf<'task'>>[number]) => boolean) =>
      resourcesOf(demo, 'task')
        .filter(pred)
        .map((t) => t.id);
    expect([...ids('pending')].filter((id) => demo.resources[id]?.kind === 'task').sort()).toEqual(task((t) => t.lastStatus === 'PROVISIONING').sort());
    expect([...ids('stopped')]).toEqual(task((t) => t.lastStatus === 'STOPPED'));
    // api rolls out a new task definition; orders-api has pods of an older ReplicaSet still running.
    expect(hits('deploying')).toEqual(['service api', 'workload orders-api']);
    // Fewer running than desired, and the node group AWS reports DEGRADED.
    expect(hits('degraded')).toEqual(['service api', 'service report-builder', 'workload payments', 'nodeGroup spot-workers']);
  });

  it('finds a load balancer by its DNS name, a workload by namespace/name, an EKS node by its IP', () => {
    expect(hits('storefront-alb-eb0d2b8e31.us-east-1.elb.amazonaws.com')).toEqual(['loadBalancer storefront-alb']);
    // The workload, then its pods, named the same way kubectl's namespace/name is written.
    expect(hits('orders/payments')).toEqual(['workload payments', ...Array<string>(4).fill('pod payments')]);
    expect(flat('orders/payments')[0]?.detail).toBe('Deployment · orders · 3/4 ready');
    expect(hits('10.0.14.23')).toEqual(['eksNode ip-10-0-14-23.ec2.internal']);
    expect(hits('coredns').filter((h) => h.startsWith('pod'))).toHaveLength(2);
  });

  it('finds subnets and VPCs by their Name tag, id and CIDR, and node groups by the tag their nodes carry', () => {
    expect(hits('private-b')).toEqual(['subnet private-b']);
    expect(hits('10.0.18.0/22')).toEqual(['subnet private-c']);
    expect(hits('shop-prod')).toEqual(['vpc shop-prod']);
    const subnet = resourcesOf(demo, 'subnet')[0];
    expect(subnet && flat(subnet.id).map((h) => h.id)).toEqual([subnet?.id]);
    expect(hits('spot-workers')).toContain('nodeGroup spot-workers');
  });

  it('matches an ARN whole or by its path, not by the account or cluster every ARN holds', () => {
    const cart = resourcesOf(demo, 'service').find((s) => s.name === 'cart');
    expect(cart && flat(cart.id).map((h) => h.id)).toEqual([cart?.id]);
    expect(hits('123456789012')).toEqual([]);
    expect(hits('storefront').filter((h) => h.startsWith('service'))).toEqual([]);
  });

  it('keeps to the limit per group and says how many more there are', () => {
    const groups = searchTopology(demo, 'e', 5);
    for (const g of groups) expect(g.hits.length).toBeLessThanOrEqual(5);
    const tasks = groups.find((g) => g.heading === 'Tasks');
    expect(tasks?.hits).toHaveLength(5);
    expect(tasks?.total).toBeGreaterThan(5);
  });
});

/** What the index stands in for: every entry tested, every match ranked by a sort. */
function scanAll(topology: Topology, query: string, perGroup = 8): SearchGroup[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const ctx = searchContext(topology);
  const asked = statesAsked(q);
  const byKindThenId = Object.values(topology.resources).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const found = byKindThenId.flatMap((r) => {
    const e = entry(r, ctx);
    if (!e) return [];
    const byTerm = e.terms.some((t) => t && searchTerm(t).toLowerCase().includes(q));
    if (!byTerm && !e.states.some((s) => asked.has(s)) && !(looksLikePath(q) && e.id.toLowerCase().includes(q))) return [];
    const name = e.name.toLowerCase();
    return [{ e, rank: name === q ? 0 : name.startsWith(q) ? 1 : 2 }];
  });
  found.sort((a, b) => a.rank - b.rank || a.e.name.localeCompare(b.e.name) || a.e.detail.localeCompare(b.e.detail));
  return GROUP_ORDER.flatMap((kind) => {
    const inGroup = found.filter(({ e }) => e.group === kind);
    const hits = inGroup
      .slice(0, perGroup)
      .map(({ e }) => ({ id: e.id, kind: e.kind, name: e.name, ...(e.suffix ? { suffix: e.suffix } : {}), detail: e.detail, states: e.states }));
    return inGroup.length ? [{ kind, heading: GROUP_HEADINGS[kind], total: inGroup.length, hits }] : [];
  });
}

/** Queries a person would type: pieces of names, ids, ARNs and IPs, in any case, state words, and noise. */
function queries(topology: Topology) {
  const words = Object.values(topology.resources).flatMap((r) => {
    const ip = 'privateIp' in r ? r.privateIp : 'podIp' in r ? r.podIp : undefined;
    return [r.id, shortId(r.id), 'name' in r && typeof r.name === 'string' ? r.name : '', ip ?? ''].filter(Boolean);
  });
  const piece = fc.tuple(fc.constantFrom(...words), fc.nat(), fc.nat({ max: 24 }), fc.boolean()).map(([w, from, length, upper]) => {
    const cut = w.slice(from % w.length, (from % w.length) + 1 + length);
    return upper ? cut.toUpperCase() : cut;
  });
  const state = fc.constantFrom(
    'crash',
    'crashloop',
    'unhealthy',
    'unh',
    'failing',
    'stopped',
    'sto',
    'pending',
    'provisioning',
    'deploying',
    'rollout',
    'degraded',
    'healthy',
  );
  return fc.oneof(piece, state, fc.string({ maxLength: 4 }), fc.constantFrom(...words));
}

describe('searching a large estate through the index', () => {
  const estate = syntheticEstate({ clusters: 4, services: 30, tasks: 900, loadBalancers: 3, azs: 3, seed: 7 });
  for (const [name, topology] of [
    ['the demo estate', demo],
    ['a synthetic estate of 900 tasks', estate],
  ] as const) {
    it(`finds the same hits in the same order as a scan of every entry, in ${name}`, () => {
      fc.assert(
        fc.property(queries(topology), fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined }), (q, perGroup) => {
          expect(searchTopology(topology, q, perGroup)).toEqual(scanAll(topology, q, perGroup));
        }),
        { numRuns: 400 },
      );
    });
  }
});
