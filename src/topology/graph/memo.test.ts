import { describe, expect, it } from 'vitest';
import { perResources, perTopology } from './memo';
import { service, task, topologyOf } from './testTopology';

describe('perResources', () => {
  const t = topologyOf([service('shop', 'web'), task('shop', 'web')]);

  it('computes once per resources record, whatever topology object carries it', () => {
    let runs = 0;
    const count = perResources((topology) => ({ resources: Object.keys(topology.resources).length, run: ++runs }));
    const first = count(t);
    expect(count(t)).toBe(first);
    expect(count({ ...t, errors: [] })).toBe(first);
    expect(runs).toBe(1);
  });

  it('recomputes for a new resources record, as a patch makes', () => {
    let runs = 0;
    const count = perResources((topology) => ({ resources: Object.keys(topology.resources).length, run: ++runs }));
    const before = count(t);
    const patched = { ...t, resources: { ...t.resources } };
    const after = count(patched);
    expect(after).not.toBe(before);
    expect(after).toEqual({ resources: before.resources, run: 2 });
    expect(count(patched)).toBe(after);
  });
});

describe('perTopology', () => {
  it('computes once per topology object, and again for the same resources read with other errors', () => {
    const t = topologyOf([service('shop', 'web')]);
    let runs = 0;
    const errorsOf = perTopology((topology) => ({ errors: topology.errors.length, run: ++runs }));
    const first = errorsOf(t);
    expect(errorsOf(t)).toBe(first);
    const denied = { ...t, errors: [{ api: 'ecs:ListTasks', code: 'AccessDeniedException', message: 'denied', hint: 'grant it' }] };
    expect(errorsOf(denied)).toEqual({ errors: 1, run: 2 });
  });
});
