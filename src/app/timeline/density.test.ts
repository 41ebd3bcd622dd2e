import { describe, expect, it } from 'vitest';
import type { Capture } from '../api';
import { densityBars, MIN_HEIGHT } from './density';

const capture = (at: number, added = 0, removed = 0, changed = 0, changes = 0): Capture => ({ at, version: at, added, removed, changed, changes });

describe('densityBars', () => {
  it('sums each bucket’s captures and scales the busiest to full height', () => {
    const bars = densityBars([capture(0, 4), capture(5, 0, 0, 5), capture(30, 1), capture(99, 0, 16)], 0, 100, 4);
    expect(bars.map((b) => [b.from, b.to, b.weight, b.captures])).toEqual([
      [0, 25, 9, 2],
      [25, 50, 1, 1],
      [50, 75, 0, 0],
      [75, 100, 16, 1],
    ]);
    expect(bars.map((b) => b.height)).toEqual([0.75, 0.25, 0, 1]);
  });

  it('puts a capture at the very end in the last bar and leaves out those outside the span', () => {
    const bars = densityBars([capture(-1, 3), capture(100, 2), capture(101, 7)], 0, 100, 2);
    expect(bars.map((b) => b.weight)).toEqual([0, 2]);
  });

  it('counts a capture that touched no resource by its change events, and keeps a small change visible', () => {
    const bars = densityBars([capture(10, 0, 0, 0, 1), capture(60, 10_000)], 0, 100, 2);
    expect(bars[0]?.weight).toBe(1);
    expect(bars[0]?.height).toBe(MIN_HEIGHT);
  });

  it('draws nothing for a quiet span, even an empty one', () => {
    expect(densityBars([], 50, 50, 3).map((b) => b.height)).toEqual([0, 0, 0]);
  });
});
