import { describe, expect, it } from 'vitest';
import { gridPlace, gridWidth } from './grid';
import { SPACING } from './sizes';
import type { Box } from './types';

const size = { width: 128, height: 44 };
const { gap } = SPACING;

describe('the task grid', () => {
  it('places items left to right, wrapping after the last column, and returns the height used', () => {
    const out: Box[] = [];
    const used = gridPlace(out, ['a', 'b', 'c', 'd', 'e'], 'subnet-1', 24, 40, 2, size);
    expect(out.map((b) => [b.id, b.x, b.y])).toEqual([
      ['a', 24, 40],
      ['b', 24 + 128 + gap, 40],
      ['c', 24, 40 + 44 + gap],
      ['d', 24 + 128 + gap, 40 + 44 + gap],
      ['e', 24, 40 + 2 * (44 + gap)],
    ]);
    expect(out.every((b) => b.parent === 'subnet-1' && b.width === 128 && b.height === 44)).toBe(true);
    expect(used).toBe(3 * 44 + 2 * gap);
  });

  it('uses no height for no items, and appends to what is already placed', () => {
    const out: Box[] = [{ id: 'host', x: 0, y: 0, width: 10, height: 10 }];
    expect(gridPlace(out, [], 'p', 0, 0, 4, size)).toBe(0);
    expect(out).toHaveLength(1);
  });

  it('is as wide as its columns and the gaps between them', () => {
    expect(gridWidth(1, 128)).toBe(128);
    expect(gridWidth(4, 128)).toBe(4 * 128 + 3 * gap);
    const out: Box[] = [];
    gridPlace(out, ['a', 'b', 'c', 'd'], 'p', 0, 0, 4, size);
    const right = Math.max(...out.map((b) => b.x + b.width));
    expect(right).toBe(gridWidth(4, 128));
  });
});
