import { describe, expect, it } from 'vitest';
import { collapse, FOLD_SERVICE_AT, FOLD_SUBNET_AT, folds } from './collapse';
import type { Unit } from './units';

const units = (n: number): Unit[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'task' as const,
    id: `t${i}`,
    ownerId: 'svc',
    groupKey: 'svc',
    label: 'svc',
    health: 'healthy',
    revision: 'r',
    oldRevision: false,
    cluster: 'c',
  }));

describe('collapse', () => {
  it('folds a subnet box past FOLD_SUBNET_AT, and every box of a very busy subnet', () => {
    expect(folds({ units: units(FOLD_SUBNET_AT), box: { kind: 'subnet', subnetTotal: FOLD_SUBNET_AT } })).toBe(false);
    expect(folds({ units: units(FOLD_SUBNET_AT + 1), box: { kind: 'subnet', subnetTotal: FOLD_SUBNET_AT + 1 } })).toBe(true);
    expect(folds({ units: units(2), box: { kind: 'subnet', subnetTotal: 4 * FOLD_SUBNET_AT + 1 } })).toBe(true);
  });

  it('folds a service past FOLD_SERVICE_AT, and a system workload always', () => {
    expect(folds({ units: units(FOLD_SERVICE_AT), box: { kind: 'service' } })).toBe(false);
    expect(folds({ units: units(FOLD_SERVICE_AT + 1), box: { kind: 'service' } })).toBe(true);
    expect(folds({ units: units(2), box: { kind: 'system' } })).toBe(true);
  });

  it('keeps container nodes in order and draws each run inside its parent', () => {
    const out = collapse(
      [
        { kind: 'node', node: { kind: 'cluster', id: 'c', label: 'c', detail: '', engine: 'ecs' } },
        { kind: 'units', parent: 'c', units: units(2), box: { kind: 'system' } },
        { kind: 'units', parent: 'c', units: [], box: { kind: 'service' } },
      ],
      new Set(),
      () => 4,
    );
    expect(out.map((n) => `${n.kind} ${n.parent ?? '-'}`)).toEqual(['cluster -', 'taskGroup c']);
    expect(collapse([{ kind: 'units', parent: 'c', units: units(2), box: { kind: 'system' } }], new Set(['group:c:svc']), () => 4).map((n) => n.id)).toEqual([
      't0',
      't1',
    ]);
  });
});
