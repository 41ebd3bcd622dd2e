import type { Box } from '../layout/types';

/**
 * An edge's geometry, as the canvas, the overview sketches and the SVG export draw it: from the source's bottom
 * centre (where its source handle sits) to the target's top centre, down, across and down again.
 */
export interface EdgeEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function edgeEnds(s: Box, t: Box): EdgeEnds {
  return { x1: s.x + s.width / 2, y1: s.y + s.height, x2: t.x + t.width / 2, y2: t.y };
}

/** The corners of an edge: two points when the ends line up, else down to mid-height, across, and down. */
export function edgePoints({ x1, y1, x2, y2 }: EdgeEnds): [number, number][] {
  if (x1 === x2) {
    return [
      [x1, y1],
      [x2, y2],
    ];
  }
  const mid = y1 + (y2 - y1) / 2;
  return [
    [x1, y1],
    [x1, mid],
    [x2, mid],
    [x2, y2],
  ];
}

/** The edge as an SVG path. */
export function edgePath(ends: EdgeEnds): string {
  return edgePoints(ends)
    .map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)} ${round(y)}`)
    .join(' ');
}

/** Where an edge's label sits: halfway along its horizontal run. */
export function edgeLabelAt({ x1, y1, x2, y2 }: EdgeEnds): { x: number; y: number } {
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

/** A routed edge's polyline as an SVG path. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)} ${round(y)}`).join(' ');
}

/** Where a routed edge's label sits: the middle of its longest horizontal run, else halfway between its ends. */
export function routeLabelAt(points: readonly (readonly [number, number])[]): { x: number; y: number } {
  const runs: { x1: number; x2: number; y: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && a[1] === b[1] && a[0] !== b[0]) runs.push({ x1: a[0], x2: b[0], y: a[1] });
  }
  const longest = runs.reduce<(typeof runs)[number] | undefined>(
    (best, r) => (!best || Math.abs(r.x2 - r.x1) > Math.abs(best.x2 - best.x1) ? r : best),
    undefined,
  );
  if (longest) return { x: (longest.x1 + longest.x2) / 2, y: longest.y };
  const first = points[0] ?? [0, 0];
  const last = points[points.length - 1] ?? first;
  return { x: (first[0] + last[0]) / 2, y: (first[1] + last[1]) / 2 };
}

const round = (n: number) => Math.round(n * 10) / 10;
