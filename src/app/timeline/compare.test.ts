import { describe, expect, it } from 'vitest';
import { demoTopology } from '../../topology/__fixtures__/fixtures';
import { resourcesOf, type Resource, type Topology } from '../../topology/model';
import { compareMoments, HELD } from './compare';

const NOW = 1_700_000_000_000;

/** Moment B: the demo estate a deploy later (one web task gone, one new, the api service changed, a service gone). */
function later(a: Topology): { b: Topology; gone: string; born: string; changed: string; removedService: string } {
  const tasks = resourcesOf(a, 'task').filter((t) => t.lastStatus === 'RUNNING');
  const services = resourcesOf(a, 'service');
  const [gone, template] = [tasks[0], tasks[1]];
  const [changed, removedService] = [services[1], services[2]];
  if (!gone || !template || !changed || !removedService) throw new Error('the demo estate has running tasks and three services');
  const resources: Record<string, Resource> = { ...a.resources };
  delete resources[gone.id];
  delete resources[removedService.id];
  const born = { ...template, id: `${template.id.slice(0, template.id.lastIndexOf('/'))}/0000000000000000000000000000beef` };
  resources[born.id] = born;
  resources[changed.id] = { ...changed, running: changed.running + 1 };
  return { b: { ...a, resources }, gone: gone.id, born: born.id, changed: changed.id, removedService: removedService.id };
}

describe('compareMoments', () => {
  it('lists what B added, removed and changed since A, added first', () => {
    const a = demoTopology();
    const { b, gone, born, changed, removedService } = later(a);
    const { differences } = compareMoments(a, b, NOW);
    expect(differences.map((d) => d.kind)).toEqual(['added', 'removed', 'removed', 'changed']);
    expect(differences[0]?.id).toBe(born);
    expect(new Set(differences.filter((d) => d.kind === 'removed').map((d) => d.id))).toEqual(new Set([gone, removedService]));
    expect(differences[3]?.id).toBe(changed);
    expect(differences.find((d) => d.id === born)?.label).toBe('task report-builder/0000000000000000000000000000beef');
  });

  it('draws B with the task that went as a ghost, and marks what was added and changed for as long as it is shown', () => {
    const a = demoTopology();
    const { b, gone, born, changed, removedService } = later(a);
    const { drawn, marks, differences } = compareMoments(a, b, NOW);
    expect(drawn.resources[gone]).toMatchObject({ ghost: true, lastStatus: 'STOPPED' });
    // A service has no ghost form: it is listed, not drawn.
    expect(drawn.resources[removedService]).toBeUndefined();
    expect(differences.filter((d) => !d.onMap).map((d) => d.id)).toEqual([removedService]);
    expect([...marks]).toEqual([
      [born, { kind: 'added', at: HELD }],
      [changed, { kind: 'changed', at: HELD }],
    ]);
  });

  it('finds nothing between a moment and itself', () => {
    const a = demoTopology();
    expect(compareMoments(a, a, NOW)).toEqual({ drawn: a, marks: new Map(), differences: [] });
  });
});
