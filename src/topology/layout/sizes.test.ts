import { describe, expect, it } from 'vitest';
import type { GraphNodeKind } from '../graph/types';
import { CARD_ROWS, isGridLeaf, isHost, LEAF_SIZE, leafSize, SPACING } from './sizes';

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

  it('leaves a card room for a name on two lines, so no service, workload or badge is cut off', () => {
    const { title, sub, chips, bar, frame } = CARD_ROWS;
    // Name wrapped to two lines (or name and its badges), then the second line and the AZ chips.
    for (const kind of ['service', 'workload'] as const) expect(leafSize(kind).height).toBeGreaterThanOrEqual(frame + 2 * title + sub + chips);
    // In the service view the box's title strip holds the same rows and its routes line.
    expect(SPACING.header.service).toBeGreaterThanOrEqual(frame + 2 * title + 2 * sub + chips);
    // A target group's name on two lines, its "1 unhealthy" badge wrapped below it, and its health bar.
    expect(leafSize('targetGroup').height).toBeGreaterThanOrEqual(frame + 3 * title + bar);
  });
});
