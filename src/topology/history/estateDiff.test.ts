import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { changed, sibling, stoppedTask, tasksOf } from '../layout/stableChurn.fixture';
import { parseSnapshot, resourcesOf, type Resource, type ResourceKind, type ResourceOf, type Topology } from '../model';
import { estateDiff, trippedGates, type EstateDiff, type GateKind } from './estateDiff';
import { independentDiff } from './independentDiff.fixture';

/** As `fleetmap snapshot` writes a file. */
const fileOf = (t: Topology) => `${JSON.stringify(t, null, 2)}\n`;

function diffOfFiles(aText: string, bText: string): EstateDiff {
  const [a, b] = [parseSnapshot(aText), parseSnapshot(bText)];
  if (!a.ok || !b.ok) throw new Error('fixture is not a snapshot');
  return estateDiff(a.topology, b.topology);
}

/** The diff of two estates through their files, checked against the independent comparison. */
function checked(a: Topology, b: Topology): EstateDiff {
  const [aText, bText] = [fileOf(a), fileOf(b)];
  const diff = diffOfFiles(aText, bText);
  const ids = (refs: { id: string }[]) => refs.map((r) => r.id).sort();
  expect({ added: ids(diff.added), removed: ids(diff.removed), changed: ids(diff.changed) }).toEqual(independentDiff(aText, bText));
  return diff;
}

const later = (t: Topology, resources: Resource[], drop: ReadonlySet<string> = new Set()): Topology => ({
  ...changed(t, resources, drop),
  source: { ...t.source, fetchedAt: t.source.fetchedAt + 60_000 },
});

function named<K extends ResourceKind>(t: Topology, kind: K, name: string): ResourceOf<K> {
  const r = resourcesOf(t, kind).find((x) => 'name' in x && x.name === name);
  if (!r) throw new Error(`no ${kind} ${name} in the fixture`);
  return r;
}

/**
 * One cycle of an estate's churn: `n / 2` running tasks stop and as many replacements start. The bench's own step
 * (bench/live.ts churnTopology, which the core's tests may not import; server/cli/diff.test.ts runs that one).
 */
function churnTopology(t: Topology, n: number, cycle: number): Topology {
  const running = tasksOf(t).filter((x) => x.lastStatus === 'RUNNING');
  const step = Math.max(1, Math.floor(running.length / (n / 2)));
  const stopping = running.filter((_, i) => (i + cycle) % step === 0).slice(0, n / 2);
  return changed(t, [...stopping.map(stoppedTask), ...stopping.map((x, i) => sibling(x, cycle * 1000 + i))], new Set(stopping.map((x) => x.id)));
}

const gateKinds = (d: EstateDiff) => d.gates.map((g) => g.kind);

describe('estateDiff', () => {
  it('finds nothing between an estate and itself read again later', () => {
    const demo = demoTopology();
    const diff = checked(demo, later(demo, []));
    expect(diff.added.length + diff.removed.length + diff.changed.length).toBe(0);
    expect(diff.events).toEqual([]);
    expect(diff.gates).toEqual([]);
  });

  it('lists exactly the resources a demo estate changed, with the fields that differ, and trips each gate on its evidence', () => {
    const demo = demoTopology();
    const web = named(demo, 'service', 'web');
    const api = named(demo, 'service', 'api');
    const ledger = named(demo, 'service', 'ledger');
    const pricing = named(demo, 'service', 'pricing');
    const payments = named(demo, 'workload', 'payments');
    const cartTg = named(demo, 'targetGroup', 'cart-tg');
    const [first, second, third] = tasksOf(demo).filter((t) => t.lastStatus === 'RUNNING');
    if (!first || !second || !third || !cartTg.targets) throw new Error('fixture lacks running tasks or targets');
    const b = later(
      demo,
      [
        { ...web, running: 4 },
        { ...api, deployments: api.deployments.map((d, i) => (i === 0 ? { ...d, rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' } : d)) },
        { ...ledger, desired: 2, running: 2 },
        { ...pricing, desired: 5 },
        { ...payments, ready: 2 },
        { ...cartTg, targets: cartTg.targets.map((t, i) => (i === 0 ? { ...t, state: 'unhealthy', reason: 'Target.Timeout' } : t)) },
        stoppedTask(first),
        sibling(second, 1),
      ],
      new Set([second.id, third.id]),
    );
    const diff = checked(demo, b);

    expect(diff.changed.find((c) => c.id === web.id)).toEqual({ id: web.id, kind: 'service', name: 'web', fields: ['running'] });
    expect(diff.changed.find((c) => c.id === ledger.id)?.fields).toEqual(['desired', 'running']);
    expect(diff.changed.find((c) => c.id === first.id)?.fields).toEqual(['desiredStatus', 'lastStatus', 'stopCode', 'stoppedReason']);
    expect(diff.removed.map((r) => r.name)).toEqual([third, second].map((t) => `${t.group?.slice('service:'.length)}/${t.id.split('/').at(-1)}`).sort());
    expect(gateKinds(diff)).toEqual(['capacity-lost', 'target-unhealthy', 'deployment-failed', 'task-stopped', 'resource-removed', 'critical', 'any']);
    const evidence = (kind: GateKind) => diff.gates.find((g) => g.kind === kind)?.evidence ?? [];
    // web and payments lost capacity; ledger scaled in and pricing is still scaling out, which loses none.
    expect(evidence('capacity-lost')).toEqual(['web: 4 of 6 running (was 6)', 'payments: 2 of 4 ready (was 3)']);
    expect(evidence('target-unhealthy')).toEqual([expect.stringContaining('target 10.0.10.16:8080 of cart-tg unhealthy (Target.Timeout)')]);
    expect(evidence('deployment-failed')).toEqual([expect.stringContaining('api: deployment of api:14 failed: tasks failed to start')]);
    expect(evidence('task-stopped')).toHaveLength(3);
    expect(evidence('resource-removed')).toHaveLength(2);
    expect(evidence('any')).toEqual([`1 added, 2 removed, ${diff.changed.length} changed`]);
    expect(trippedGates(diff, ['capacity-lost', 'any']).map((g) => g.kind)).toEqual(['capacity-lost', 'any']);
  });

  it('trips no capacity gate on a scale-in or a scale-out still starting, and only any on a rename', () => {
    const demo = demoTopology();
    const ledger = named(demo, 'service', 'ledger');
    const pricing = named(demo, 'service', 'pricing');
    const subnet = resourcesOf(demo, 'subnet')[0];
    if (!subnet) throw new Error('no subnet');
    const diff = checked(
      demo,
      later(demo, [
        { ...ledger, desired: 2, running: 2 },
        { ...pricing, desired: 5 },
        { ...subnet, name: 'renamed' },
      ]),
    );
    expect(diff.changed.map((c) => c.kind).sort()).toEqual(['service', 'service', 'subnet']);
    expect(gateKinds(diff)).toEqual(['any']);
  });

  it('lists exactly the ids of churned synthetic estates, cycle after cycle, tasks stopping and starting', () => {
    const start = syntheticEstate({ clusters: 4, services: 40, tasks: 400, loadBalancers: 3, azs: 3, seed: 7 });
    let now = start;
    for (let cycle = 1; cycle <= 3; cycle++) {
      const next = { ...churnTopology(now, 20, cycle), source: { ...now.source, fetchedAt: now.source.fetchedAt + cycle * 60_000 } };
      const step = checked(now, next);
      // Each cycle: 10 running tasks stop (changed), 10 replacements start (added); nothing is removed.
      expect([step.added.length, step.removed.length, step.changed.length]).toEqual([10, 0, 10]);
      expect(step.changed.every((c) => c.kind === 'task')).toBe(true);
      expect(step.events.filter((e) => e.kind === 'taskStopped')).toHaveLength(10);
      now = next;
    }
    const whole = checked(start, now);
    expect(whole.added).toHaveLength(30);
    expect(gateKinds(whole)).toEqual(['task-stopped', 'any']);
  });

  it('lists a task gone while running as removed and its stop as told, through the layout churn helpers', () => {
    const estate = syntheticEstate({ clusters: 2, services: 8, tasks: 60, loadBalancers: 1, azs: 2, seed: 3 });
    const running = tasksOf(estate).filter((t) => t.lastStatus === 'RUNNING');
    const [gone, stops, like] = running;
    if (!gone || !stops || !like) throw new Error('fixture lacks running tasks');
    const diff = checked(estate, later(estate, [stoppedTask(stops), sibling(like, 9), sibling(like, 10)], new Set([gone.id])));
    expect(diff.removed.map((r) => r.id)).toEqual([gone.id]);
    expect(diff.added).toHaveLength(2);
    expect(
      diff.events
        .filter((e) => e.kind === 'taskStopped')
        .map((e) => e.subject)
        .sort(),
    ).toEqual([gone.id, stops.id].sort());
  });
});
