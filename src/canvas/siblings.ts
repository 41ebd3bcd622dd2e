import type { Box, Layout } from '../topology/layout/types';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The arrow keys that move between boxes, and the way each points. */
export const ARROW: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** Along the arrow's axis (positive ahead) and across it, from one box's centre to another's. */
function offsets(from: Box, to: Box, direction: Direction): { ahead: number; across: number } {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  switch (direction) {
    case 'left':
      return { ahead: -dx, across: Math.abs(dy) };
    case 'right':
      return { ahead: dx, across: Math.abs(dy) };
    case 'up':
      return { ahead: -dy, across: Math.abs(dx) };
    case 'down':
      return { ahead: dy, across: Math.abs(dx) };
  }
}

/**
 * The sibling (a box with the same parent) an arrow key moves to: the nearest one ahead, a box in the same row or
 * column before one off to the side. Positions are parent-relative, so siblings compare directly.
 */
export function siblingToward(layout: Layout, id: string, direction: Direction): string | undefined {
  const from = layout.boxes.find((b) => b.id === id);
  if (!from) return undefined;
  let best: { id: string; score: number } | undefined;
  for (const b of layout.boxes) {
    if (b.id === id || b.parent !== from.parent) continue;
    const { ahead, across } = offsets(from, b, direction);
    if (ahead <= 0.5) continue;
    // Off-axis distance weighs triple: the next box in a row wins over a nearer one in the row below.
    const score = ahead + 3 * across;
    if (!best || score < best.score) best = { id: b.id, score };
  }
  return best?.id;
}
