import type { Box, Layout } from './types';

/** Absolute positions from the layout's parent-relative boxes (parents come first). */
export function absoluteBoxes(layout: Layout): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const b of layout.boxes) {
    const p = b.parent ? out.get(b.parent) : undefined;
    out.set(b.id, p ? { ...b, x: b.x + p.x, y: b.y + p.y } : b);
  }
  return out;
}
