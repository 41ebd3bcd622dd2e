import { describe, expect, expectTypeOf, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from './buildGraph';
import { isGroup, isOwner, isUnit, memberIds, ROLE, type GroupNode, type OwnerNode, type UnitNode } from './kinds';
import type { GraphNode } from './types';

describe('node kinds by role', () => {
  it('names the units, groups and owners the guards narrow to', () => {
    expectTypeOf<UnitNode['kind']>().toEqualTypeOf<'task' | 'pod'>();
    expectTypeOf<GroupNode['kind']>().toEqualTypeOf<'taskGroup' | 'podGroup'>();
    expectTypeOf<OwnerNode['kind']>().toEqualTypeOf<'service' | 'workload'>();
    const byRole = (role: string) => Object.entries(ROLE).flatMap(([kind, r]) => (r === role ? [kind] : []));
    expect(byRole('unit')).toEqual(['task', 'pod']);
    expect(byRole('group')).toEqual(['taskGroup', 'podGroup']);
    expect(byRole('owner')).toEqual(['service', 'workload']);
  });

  it('sorts every demo node into exactly the role its kind has, and a group’s members are what it folded', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(demoTopology(), { view, expanded: new Set() });
      const guards: [string, (n: GraphNode) => boolean][] = [
        ['unit', isUnit],
        ['group', isGroup],
        ['owner', isOwner],
      ];
      for (const n of graph.nodes) for (const [role, guard] of guards) expect(guard(n), `${n.kind} ${role}`).toBe(ROLE[n.kind] === role);
      const groups = graph.nodes.filter(isGroup);
      expect(groups.some((g) => g.kind === 'podGroup')).toBe(true);
      const opened = buildGraph(demoTopology(), { view, expanded: new Set(groups.map((g) => g.id)) });
      for (const g of groups) for (const id of memberIds(g)) expect(opened.nodes.find((n) => n.id === id)?.kind).toBe(g.kind === 'podGroup' ? 'pod' : 'task');
    }
  });
});
