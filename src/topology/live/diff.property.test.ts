import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { resourcesOf, type Resource, type Topology } from '../model';
import { applyPatch, diffTopology } from './diff';

/*
 * Whatever two reads say, the patch between them is exact: applying diff(a, b) to a gives b. Pairs are two generated
 * estates of any size and seed, or one estate and the same after random churn of the kinds a live estate sees.
 */

const sizes = fc.record({
  clusters: fc.integer({ min: 1, max: 4 }),
  services: fc.integer({ min: 1, max: 16 }),
  tasks: fc.integer({ min: 0, max: 80 }),
  loadBalancers: fc.integer({ min: 0, max: 2 }),
  azs: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** One change a read can see; `pick` chooses which resource, modulo how many there are. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('addTask' as const), pick: fc.nat(), n: fc.nat() }),
  fc.record({ op: fc.constant('removeTask' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('stopTask' as const), pick: fc.nat(), exitCode: fc.constantFrom(0, 1, 137) }),
  fc.record({ op: fc.constant('taskHealth' as const), pick: fc.nat(), health: fc.constantFrom('HEALTHY', 'UNHEALTHY', undefined) }),
  fc.record({ op: fc.constant('scale' as const), pick: fc.nat(), desired: fc.nat({ max: 12 }) }),
  fc.record({ op: fc.constant('targetHealth' as const), pick: fc.nat(), target: fc.nat(), state: fc.constantFrom('healthy', 'unhealthy', 'draining') }),
  fc.record({ op: fc.constant('readError' as const) }),
  fc.record({ op: fc.constant('reorderKeys' as const), pick: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const at = <T>(list: readonly T[], pick: number): T | undefined => list[pick % Math.max(1, list.length)];

function mutate(t: Topology, m: Mutation): Topology {
  const put = (r: Resource): Topology => ({ ...t, resources: { ...t.resources, [r.id]: r } });
  switch (m.op) {
    case 'addTask': {
      const like = at(resourcesOf(t, 'task'), m.pick);
      return like ? put({ ...like, id: `${like.id.slice(0, -8)}${m.n.toString(16).padStart(8, 'f')}`, lastStatus: 'PROVISIONING' }) : t;
    }
    case 'removeTask': {
      const gone = at(resourcesOf(t, 'task'), m.pick);
      if (!gone) return t;
      return { ...t, resources: Object.fromEntries(Object.entries(t.resources).filter(([id]) => id !== gone.id)) };
    }
    case 'stopTask': {
      const task = at(resourcesOf(t, 'task'), m.pick);
      return task
        ? put({
            ...task,
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stopCode: 'EssentialContainerExited',
            stoppedReason: 'Essential container in task exited',
            containers: [{ name: 'app', hostPorts: [], exitCode: m.exitCode }],
          })
        : t;
    }
    case 'taskHealth': {
      const task = at(resourcesOf(t, 'task'), m.pick);
      if (!task) return t;
      const rest = Object.fromEntries(Object.entries(task).filter(([k]) => k !== 'healthStatus')) as typeof task;
      return put(m.health ? { ...rest, healthStatus: m.health } : rest);
    }
    case 'scale': {
      const svc = at(resourcesOf(t, 'service'), m.pick);
      return svc ? put({ ...svc, desired: m.desired }) : t;
    }
    case 'targetHealth': {
      const tg = at(resourcesOf(t, 'targetGroup'), m.pick);
      const targets = tg?.targets ?? [];
      const k = m.target % Math.max(1, targets.length);
      return tg && targets.length
        ? put({
            ...tg,
            targets: targets.map((x, i) => (i === k ? { ...x, state: m.state, ...(m.state === 'healthy' ? {} : { reason: 'Target.Timeout' }) } : x)),
          })
        : t;
    }
    case 'readError':
      return { ...t, errors: [...t.errors, { api: 'elasticloadbalancing:DescribeTargetHealth', code: 'AccessDenied', message: 'denied', hint: 'Grant it.' }] };
    case 'reorderKeys': {
      const r = at(Object.values(t.resources), m.pick);
      return r ? put(Object.fromEntries(Object.entries(r).reverse()) as Resource) : t;
    }
  }
}

/** b as a later read: a later clock and other call counts, which alone never make a version. */
const later = (t: Topology): Topology => ({
  ...t,
  source: { ...t.source, fetchedAt: t.source.fetchedAt + 30_000 },
  stats: { calls: { 'ecs:ListTasks': 3 }, retries: 0, durationMs: 40 },
});
const readFields = (t: Topology) => ({ ...t, source: { ...t.source, fetchedAt: 0 }, stats: undefined });

function expectExact(a: Topology, b: Topology, from: number) {
  const patch = diffTopology(a, b, from);
  if (!patch) {
    expect(readFields(b)).toEqual(readFields(a));
    return;
  }
  expect(patch.to).toBe(from + 1);
  expect(applyPatch(a, patch)).toEqual(b);
}

describe('applyPatch(a, diffTopology(a, b)) is b', () => {
  it('for two generated estates', () => {
    fc.assert(
      fc.property(sizes, sizes, fc.nat({ max: 1000 }), (x, y, from) => expectExact(syntheticEstate(x), later(syntheticEstate(y)), from)),
      { numRuns: 60 },
    );
  });

  it('for one estate and the same after churn', () => {
    fc.assert(
      fc.property(sizes, fc.array(mutation, { maxLength: 12 }), (size, changes) => {
        const a = syntheticEstate(size);
        expectExact(a, later(changes.reduce(mutate, a)), 0);
      }),
      { numRuns: 150 },
    );
  });

  it('for patches applied in a row: a browser that follows every version ends where the server is', () => {
    fc.assert(
      fc.property(sizes, fc.array(fc.array(mutation, { maxLength: 4 }), { maxLength: 6 }), (size, steps) => {
        let server = syntheticEstate(size);
        let browser = server;
        let version = 0;
        for (const changes of steps) {
          const next = later(changes.reduce(mutate, server));
          const patch = diffTopology(server, next, version);
          server = next;
          if (!patch) continue;
          browser = applyPatch(browser, patch);
          version = patch.to;
        }
        expect(readFields(browser)).toEqual(readFields(server));
      }),
      { numRuns: 60 },
    );
  });
});
