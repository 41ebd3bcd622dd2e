/** A point of a routed edge, absolute: [x, y]. */
export type Point = [number, number];

/** An axis-aligned piece of a route: `at` is its fixed coordinate, `from`..`to` its run along the other axis. */
export interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

const EPS = 1e-6;

/** Drops repeated points and the middle of three collinear ones, so each corner is a real bend. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < EPS && Math.abs(last[1] - p[1]) < EPS) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev[0] - last[0]) < EPS && Math.abs(last[0] - p[0]) < EPS) || (Math.abs(prev[1] - last[1]) < EPS && Math.abs(last[1] - p[1]) < EPS))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The segments of a route, in order. */
export function segmentsOf(points: readonly Point[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (!a || !b) continue;
    const horizontal = Math.abs(a[1] - b[1]) < EPS;
    out.push(horizontal ? { horizontal, at: a[1], from: a[0], to: b[0] } : { horizontal, at: a[0], from: a[1], to: b[1] });
  }
  return out;
}
