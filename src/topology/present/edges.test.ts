import { describe, expect, it } from 'vitest';
import { edgeEnds, edgeLabelAt, edgePath, edgePoints, pathOf, routeLabelAt } from './edges';

const box = (x: number, y: number) => ({ id: `${x},${y}`, x, y, width: 100, height: 40 });

describe('an edge’s geometry', () => {
  it('runs from the source’s bottom centre to the target’s top centre', () => {
    expect(edgeEnds(box(0, 0), box(200, 100))).toEqual({ x1: 50, y1: 40, x2: 250, y2: 100 });
  });

  it('goes straight down when the ends line up, else down, across at mid-height and down', () => {
    expect(edgePoints(edgeEnds(box(0, 0), box(0, 100)))).toEqual([
      [50, 40],
      [50, 100],
    ]);
    expect(edgePath(edgeEnds(box(0, 0), box(200, 100)))).toBe('M50 40 L50 70 L250 70 L250 100');
    expect(edgeLabelAt(edgeEnds(box(0, 0), box(200, 100)))).toEqual({ x: 150, y: 70 });
  });
});

describe('a routed edge', () => {
  const route: [number, number][] = [
    [10, 0],
    [10, 20],
    [40, 20],
    [40, 60],
    [200, 60],
    [200, 80],
  ];
  it('draws its polyline as a path', () => {
    expect(pathOf(route)).toBe('M10 0 L10 20 L40 20 L40 60 L200 60 L200 80');
  });
  it('puts its label on its longest horizontal run', () => {
    expect(routeLabelAt(route)).toEqual({ x: 120, y: 60 });
  });
  it('puts the label of a straight drop halfway down', () => {
    expect(
      routeLabelAt([
        [5, 0],
        [5, 50],
      ]),
    ).toEqual({ x: 5, y: 25 });
  });
});
