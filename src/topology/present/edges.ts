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

const round = (n: number) => Math.round(n * 10) / 10;
