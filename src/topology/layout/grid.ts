import { SPACING } from './sizes';
import type { Box } from './types';

/** Places equal-sized items left to right in `cols` columns starting at (x, y); returns the height used. */
export function gridPlace(
  out: Box[],
  ids: readonly string[],
  parent: string,
  x: number,
  y: number,
  cols: number,
  size: { width: number; height: number },
): number {
  ids.forEach((id, i) => {
    out.push({
      id,
      parent,
      x: x + (i % cols) * (size.width + SPACING.gap),
      y: y + Math.floor(i / cols) * (size.height + SPACING.gap),
      width: size.width,
      height: size.height,
    });
  });
  const rows = Math.ceil(ids.length / cols);
  return rows === 0 ? 0 : rows * (size.height + SPACING.gap) - SPACING.gap;
}

export function gridWidth(cols: number, width: number): number {
  return cols * width + (cols - 1) * SPACING.gap;
}
