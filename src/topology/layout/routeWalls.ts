import { firstAfter, type Rect } from './routeGrid';

interface Wall {
  /** Its span along the run's axis, and across it */
  alo: number;
  ahi: number;
  plo: number;
  phi: number;
}

/**
 * The free strip around a run on a line at `at` from `a` to `b`: between the nearest walls on either side that
 * overlap the run, or inside a wall the run lies in. The walls are sorted by their near and far sides once, so each
 * query stops at the first wall that overlaps instead of looking at every box of the map.
 */
export function wallIndex(walls: readonly Rect[], horizontal: boolean, bounds: Rect): (at: number, a: number, b: number) => [number, number] {
  const all: Wall[] = walls.map((w) =>
    horizontal ? { alo: w.x, ahi: w.x + w.width, plo: w.y, phi: w.y + w.height } : { alo: w.y, ahi: w.y + w.height, plo: w.x, phi: w.x + w.width },
  );
  const byLo = [...all].sort((p, q) => p.plo - q.plo);
  const los = byLo.map((w) => w.plo);
  const reach: number[] = [];
  byLo.forEach((w, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, w.phi)));
  const byHi = [...all].sort((p, q) => p.phi - q.phi);
  const his = byHi.map((w) => w.phi);
  const [lo0, hi0] = horizontal ? [bounds.y, bounds.y + bounds.height] : [bounds.x, bounds.x + bounds.width];
  return (at, a, b) => {
    const overlaps = (w: Wall) => w.alo < b && w.ahi > a;
    let [lo, hi] = [lo0, hi0];
    // The nearest wall wholly on the near side, the nearest wholly on the far side, then any the run lies inside.
    for (let k = firstAfter(his, at, false) - 1; k >= 0; k--) {
      const w = byHi[k];
      if (w && overlaps(w)) {
        lo = Math.max(lo, w.phi);
        break;
      }
    }
    for (let k = firstAfter(los, at, true); k < byLo.length; k++) {
      const w = byLo[k];
      if (w && w.phi > at && overlaps(w)) {
        hi = Math.min(hi, w.plo);
        break;
      }
    }
    for (let k = firstAfter(los, at, true) - 1; k >= 0 && (reach[k] ?? -Infinity) > at; k--) {
      const w = byLo[k];
      if (w && w.phi > at && overlaps(w)) [lo, hi] = [Math.max(lo, w.plo), Math.min(hi, w.phi)];
    }
    return [lo, hi];
  };
}
