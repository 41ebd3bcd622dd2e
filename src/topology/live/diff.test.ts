import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { service, task, topologyOf } from '../graph/testTopology';
import { resourcesOf, type Resource, type Topology } from '../model';
import { applyPatch, diffTopology } from './diff';

/** The same estate read again later: new objects, a later clock, other call counts. */
function readAgain(t: Topology, edit: (resources: Resource[]) => Resource[] = (r) => r): Topology {
  const copy = structuredClone(t);
  const resources = edit(Object.values(copy.resources));
  return {
    ...copy,
    source: { ...copy.source, fetchedAt: copy.source.fetchedAt + 30_000 },
    stats: { calls: { 'ecs:DescribeTasks': 7 }, retries: 1, durationMs: 912 },
    resources: Object.fromEntries(resources.map((r) => [r.id, r])),
  };
}

const reversedKeys = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;

describe('diffTopology', () => {
  const cart = service('shop', 'cart');
  const [a, b, c] = [task('shop', 'cart'), task('shop', 'cart'), task('shop', 'cart')];
  const before = topologyOf([cart, a, b]);

  it('makes no version for an unchanged estate: only the read time and call counts differ', () => {
    expect(diffTopology(before, readAgain(before), 4)).toBeUndefined();
    const demo = demoTopology();
    expect(diffTopology(demo, readAgain(demo), 0)).toBeUndefined();
  });

  it('compares resources by content, not by key order', () => {
    expect(
      diffTopology(
        before,
        readAgain(before, (rs) => rs.map(reversedKeys)),
        4,
      ),
    ).toBeUndefined();
  });

  it('sends added, removed and changed resources by id, whole as the new read has them, and the read fields whole', () => {
    const next = readAgain(before, (rs) => [...rs.filter((r) => r.id !== b.id).map((r) => (r.id === a.id ? { ...r, healthStatus: 'UNHEALTHY' } : r)), c]);
    const patch = diffTopology(before, next, 4);
    expect(patch).toMatchObject({ from: 4, to: 5, added: [c], removed: [b.id], changed: [{ ...a, healthStatus: 'UNHEALTHY' }] });
    expect(patch?.source).toEqual(next.source);
    expect(patch?.stats).toEqual(next.stats);
    expect(patch?.errors).toEqual([]);
  });

  it('lists each part in id order, whatever order the read gave', () => {
    const many = [task('shop', 'cart'), task('shop', 'cart'), task('shop', 'cart')];
    const patch = diffTopology(
      before,
      readAgain(before, (rs) => [...rs, ...[...many].reverse()]),
      0,
    );
    expect(patch?.added.map((r) => r.id)).toEqual(many.map((r) => r.id).sort());
  });

  it('makes a version when only what the read could not do changed: the status bar must say so', () => {
    const failing = readAgain(before);
    failing.errors = [{ api: 'ecs:DescribeTasks', code: 'ThrottlingException', message: 'Rate exceeded', hint: 'Raise the interval.' }];
    const patch = diffTopology(before, failing, 9);
    expect(patch).toMatchObject({ from: 9, to: 10, added: [], removed: [], changed: [], errors: failing.errors });
    expect(diffTopology(failing, readAgain(failing), 10)).toBeUndefined();
  });

  it('makes a version when the source itself changed (a snapshot opened in place of a live read)', () => {
    const other = readAgain(before);
    other.source = { ...other.source, label: 'profile prod' };
    expect(diffTopology(before, other, 1)?.source.label).toBe('profile prod');
  });

  it('carries the change events of the step', () => {
    const next = readAgain(before, (rs) => rs.map((r) => (r.id === cart.id ? { ...cart, desired: 3 } : r)));
    expect(diffTopology(before, next, 2)?.changes.map((e) => e.message)).toEqual(['cart scaled 1 → 3']);
  });
});

describe('applyPatch', () => {
  it('makes a new topology and leaves the one it was given as it was', () => {
    const demo = demoTopology();
    const kept = structuredClone(demo);
    const [first] = resourcesOf(demo, 'task');
    const next = readAgain(demo, (rs) => rs.filter((r) => r.id !== first?.id));
    const patch = diffTopology(demo, next, 0);
    if (!patch) throw new Error('expected a patch');
    const applied = applyPatch(demo, patch);
    expect(applied).toEqual(next);
    expect(demo).toEqual(kept);
    // resourcesOf caches per resources object: a patched topology must not share it.
    expect(applied.resources).not.toBe(demo.resources);
    expect(resourcesOf(applied, 'task')).toHaveLength(resourcesOf(demo, 'task').length - 1);
  });

  it('keeps the unchanged resources as the same objects, so what depends on them need not redo its work', () => {
    const demo = demoTopology();
    const [first, second] = resourcesOf(demo, 'task');
    const next = readAgain(demo, (rs) => rs.map((r) => (r.id === first?.id ? { ...r, lastStatus: 'STOPPED' } : r)));
    const patch = diffTopology(demo, next, 0);
    if (!patch || !second) throw new Error('expected a patch');
    expect(applyPatch(demo, patch).resources[second.id]).toBe(second);
  });
});
