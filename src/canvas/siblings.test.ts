import { describe, expect, it } from 'vitest';
import type { Box, Layout } from '../topology/layout/types';
import { siblingToward } from './siblings';

/* Two subnets; in the first a grid of tasks, three to a row, the last row short. */
const task = (id: string, col: number, row: number): Box => ({ id, x: 12 + col * 136, y: 40 + row * 52, width: 128, height: 44, parent: 's1' });
const layout: Layout = {
  width: 1000,
  height: 400,
  boxes: [
    { id: 's1', x: 0, y: 0, width: 440, height: 200 },
    { id: 's2', x: 460, y: 0, width: 440, height: 200 },
    task('a', 0, 0),
    task('b', 1, 0),
    task('c', 2, 0),
    task('d', 0, 1),
    task('e', 1, 1),
  ],
};

describe('arrow keys between sibling boxes', () => {
  it('moves along a row and down a column', () => {
    expect(siblingToward(layout, 'a', 'right')).toBe('b');
    expect(siblingToward(layout, 'b', 'right')).toBe('c');
    expect(siblingToward(layout, 'b', 'down')).toBe('e');
    expect(siblingToward(layout, 'e', 'up')).toBe('b');
    expect(siblingToward(layout, 'e', 'left')).toBe('d');
  });

  it('stops at the edge of its parent rather than leaving it', () => {
    expect(siblingToward(layout, 'c', 'right')).toBeUndefined();
    expect(siblingToward(layout, 'a', 'up')).toBeUndefined();
  });

  it('goes from a short last row up to the nearest box above, and between top-level boxes', () => {
    expect(siblingToward(layout, 'c', 'down')).toBe('e');
    expect(siblingToward(layout, 's1', 'right')).toBe('s2');
    expect(siblingToward(layout, 'missing', 'right')).toBeUndefined();
  });
});
