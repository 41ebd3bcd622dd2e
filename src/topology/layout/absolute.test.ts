import { describe, expect, it } from 'vitest';
import { absoluteBoxes } from './absolute';

describe('absolute positions', () => {
  it('adds up each parent’s offset down the tree, and keeps sizes', () => {
    const abs = absoluteBoxes({
      width: 1000,
      height: 800,
      boxes: [
        { id: 'vpc', x: 10, y: 20, width: 900, height: 700 },
        { id: 'az', parent: 'vpc', x: 12, y: 40, width: 300, height: 600 },
        { id: 'subnet', parent: 'az', x: 12, y: 34, width: 280, height: 200 },
        { id: 'task', parent: 'subnet', x: 24, y: 40, width: 128, height: 44 },
        { id: 'lb', x: 0, y: 0, width: 240, height: 54 },
      ],
    });
    expect(abs.get('task')).toEqual({ id: 'task', parent: 'subnet', x: 10 + 12 + 12 + 24, y: 20 + 40 + 34 + 40, width: 128, height: 44 });
    expect(abs.get('az')).toMatchObject({ x: 22, y: 60 });
    expect(abs.get('lb')).toMatchObject({ x: 0, y: 0 });
  });

  it('leaves a box whose parent has no box where it is', () => {
    const abs = absoluteBoxes({ width: 0, height: 0, boxes: [{ id: 't', parent: 'gone', x: 5, y: 6, width: 1, height: 1 }] });
    expect(abs.get('t')).toMatchObject({ x: 5, y: 6 });
  });
});
