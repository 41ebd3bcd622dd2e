import { describe, expect, it } from 'vitest';
import type { GraphNodeKind } from '../graph/types';
import { isGridLeaf, isHost, LEAF_SIZE, leafSize, SPACING } from './sizes';

const KINDS: GraphNodeKind[] = [
  'vpc',
  'az',
  'subnet',
  'instance',
  'cluster',
  'task',
  'pod',
  'node',
  'taskGroup',
  'podGroup',
  'namespace',
  'loadBalancer',
  'targetGroup',
  'service',
  'workload',
];

describe('node sizes', () => {
  it('gives every leaf its fixed size and refuses a container, which is sized by what it holds', () => {
    for (const kind of Object.keys(LEAF_SIZE) as GraphNodeKind[]) expect(leafSize(kind)).toBe(LEAF_SIZE[kind]);
    for (const kind of ['vpc', 'az', 'subnet', 'instance', 'cluster', 'node', 'namespace'] as const)
      expect(() => leafSize(kind)).toThrow(`${kind} is a container, not a leaf`);
  });

  it('fills grids with tasks, pods and folded groups of one size, and calls instances and EKS nodes hosts', () => {
    expect(KINDS.filter(isGridLeaf)).toEqual(['task', 'pod', 'taskGroup', 'podGroup']);
    for (const kind of ['pod', 'taskGroup', 'podGroup'] as const) expect(leafSize(kind)).toEqual(leafSize('task'));
    // A workload's card is a service's: the band packs both alike.
    expect(leafSize('workload')).toEqual(leafSize('service'));
    expect(KINDS.filter(isHost)).toEqual(['instance', 'node']);
  });

  it('gives every box that holds others a title strip', () => {
    for (const kind of ['vpc', 'az', 'subnet', 'instance', 'node', 'cluster', 'namespace', 'service', 'workload'] as const)
      expect(SPACING.header[kind]).toBeGreaterThan(0);
    expect(SPACING.header.workload).toBe(SPACING.header.service);
  });
});
