/** An axis-aligned rectangle in absolute coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The free space of one container (or of the whole map) between its children: candidate lines run down the middle
 * of every gap between the children's edges, so a route on them keeps clear of every child. The children block a
 * route that runs along or through them; the container's own border is a wall as well.
 */
export interface LevelGrid {
  bounds: Rect;
  xs: number[];
  ys: number[];
  /** A horizontal move along y from x1 to x2 (or a vertical one along x) crosses no child and stays inside. */
  freeH(y: number, x1: number, x2: number): boolean;
  freeV(x: number, y1: number, y2: number): boolean;
  /**
   * Every unit step of the grid, worked out once and shared by all the searches in the container: `right[j * nx + i]`
   * is 1 when the move from (xs[i], ys[j]) to (xs[i + 1], ys[j]) is free, `down[j * nx + i]` when the move to
   * (xs[i], ys[j + 1]) is.
   */
  steps(): Steps;
}

export interface Steps {
  right: Uint8Array;
  down: Uint8Array;
  /** For each row, the lowest and the highest row one vertical run from it can reach, on any line (by row index). */
  reachDown: Int32Array;
  reachUp: Int32Array;
  /** For each cell (`j * nx + i`), the rows a vertical run through it reaches: the last one down and up. */
  runDown: Int32Array;
  runUp: Int32Array;
  /** What the searches worked out per goal row (`runsTo` in routeSearch), kept for the next search to that row */
  runsToRow: Map<number, Float64Array>;
}

function midlines(lo: number, hi: number, edges: number[]): number[] {
  const coords = [...new Set([lo, hi, ...edges.filter((c) => c > lo && c < hi)])].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < coords.length; i++) out.push(((coords[i - 1] ?? 0) + (coords[i] ?? 0)) / 2);
  return out;
}

interface Span {
  lo: number;
  hi: number;
}

/**
 * The obstacles sorted by where they start across one axis, with the furthest any of the first k reaches: a line
 * finds the ones it cuts by walking back from the last that starts before it, and stops where none earlier reaches
 * it (searches add lines of their own, so this runs once per added line).
 */
function spansOn(obstacles: readonly Rect[], horizontal: boolean): (at: number) => Span[] {
  const sorted = [...obstacles].sort((p, q) => (horizontal ? p.y - q.y : p.x - q.x));
  // Flat arrays across and along the line: the walk back runs once per added line, over many boxes.
  const los = sorted.map((o) => (horizontal ? o.y : o.x));
  const his = sorted.map((o) => (horizontal ? o.y + o.height : o.x + o.width));
  const alongLo = sorted.map((o) => (horizontal ? o.x : o.y));
  const alongHi = sorted.map((o) => (horizontal ? o.x + o.width : o.y + o.height));
  const reach: number[] = [];
  his.forEach((hi, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, hi)));
  return (at) => {
    const out: Span[] = [];
    // Closed across the line: running along a border is as bad as running through the box.
    for (let k = firstAfter(los, at, false) - 1; k >= 0 && (reach[k] ?? -Infinity) >= at; k--) {
      if ((his[k] ?? -Infinity) >= at) out.push({ lo: alongLo[k] ?? 0, hi: alongHi[k] ?? 0 });
    }
    return out.sort((p, q) => p.lo - q.lo);
  };
}

/** An open run (from, to) overlaps one of the sorted spans. */
function hits(spans: readonly Span[], from: number, to: number): boolean {
  const [a, b] = from < to ? [from, to] : [to, from];
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  // Last span starting before b.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.lo ?? Infinity) < b) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Spans are disjoint and sorted: only the last one starting before b can reach past a.
  return (spans[last]?.hi ?? -Infinity) > a;
}

export function levelGrid(bounds: Rect, obstacles: readonly Rect[]): LevelGrid {
  const right = bounds.x + bounds.width;
  const bottom = bounds.y + bounds.height;
  const rows = new Map<number, Span[]>();
  const cols = new Map<number, Span[]>();
  const cut = [spansOn(obstacles, false), spansOn(obstacles, true)] as const;
  const cached = (cache: Map<number, Span[]>, at: number, horizontal: boolean) => {
    let spans = cache.get(at);
    if (!spans) cache.set(at, (spans = cut[horizontal ? 1 : 0](at)));
    return spans;
  };
  const xs = midlines(
    bounds.x,
    right,
    obstacles.flatMap((o) => [o.x, o.x + o.width]),
  );
  const ys = midlines(
    bounds.y,
    bottom,
    obstacles.flatMap((o) => [o.y, o.y + o.height]),
  );
  const freeH = (y: number, x1: number, x2: number) => y > bounds.y && y < bottom && !hits(cached(rows, y, true), x1, x2);
  const freeV = (x: number, y1: number, y2: number) => x > bounds.x && x < right && !hits(cached(cols, x, false), y1, y2);
  let steps: Steps | undefined;
  return {
    bounds,
    xs,
    ys,
    freeH,
    freeV,
    steps: () => (steps ??= stepsOf(xs, ys, obstacles)),
  };
}

/** First index whose coordinate passes `c` (`> c`, or `>= c` when `closed`), in sorted `at`. */
export function firstAfter(at: readonly number[], c: number, closed: boolean): number {
  let [lo, hi] = [0, at.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = at[mid] ?? Infinity;
    if (closed ? v >= c : v > c) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Each child blocks the grid cells it covers, as `freeH` and `freeV` judge them: a horizontal step on a line that
 * meets the child (borders included) whose run overlaps the child's open span, and the same across.
 */
function stepsOf(xs: readonly number[], ys: readonly number[], obstacles: readonly Rect[]): Steps {
  const [nx, ny] = [xs.length, ys.length];
  const right = new Uint8Array(nx * ny).fill(1);
  const down = new Uint8Array(nx * ny).fill(1);
  for (let j = 0; j < ny; j++) right[j * nx + nx - 1] = 0;
  down.fill(0, (ny - 1) * nx);
  for (const o of obstacles) {
    const [x1, y1] = [o.x + o.width, o.y + o.height];
    // Steps (i, i + 1) with xs[i] < x1 and xs[i + 1] > o.x, on rows with o.y <= y <= y1.
    const [i0, i1] = [Math.max(0, firstAfter(xs, o.x, false) - 1), firstAfter(xs, x1, true)];
    for (let j = firstAfter(ys, o.y, true), jEnd = firstAfter(ys, y1, false); j < jEnd; j++) right.fill(0, j * nx + i0, j * nx + i1);
    const [j0, j1] = [Math.max(0, firstAfter(ys, o.y, false) - 1), firstAfter(ys, y1, true)];
    for (let i = firstAfter(xs, o.x, true), iEnd = firstAfter(xs, x1, false); i < iEnd; i++) for (let j = j0; j < j1; j++) down[j * nx + i] = 0;
  }
  const runDown = new Int32Array(nx * ny);
  const runUp = new Int32Array(nx * ny);
  const reachDown = new Int32Array(ny);
  const reachUp = new Int32Array(ny);
  for (let j = 0; j < ny; j++) [reachDown[j], reachUp[j]] = [j, j];
  for (let i = 0; i < nx; i++) {
    for (let j = ny - 1; j >= 0; j--) runDown[j * nx + i] = down[j * nx + i] ? (runDown[(j + 1) * nx + i] ?? j) : j;
    for (let j = 0; j < ny; j++) runUp[j * nx + i] = j > 0 && down[(j - 1) * nx + i] ? (runUp[(j - 1) * nx + i] ?? j) : j;
    for (let j = 0; j < ny; j++) {
      reachDown[j] = Math.max(reachDown[j] ?? j, runDown[j * nx + i] ?? j);
      reachUp[j] = Math.min(reachUp[j] ?? j, runUp[j * nx + i] ?? j);
    }
  }
  return { right, down, reachDown, reachUp, runDown, runUp, runsToRow: new Map() };
}
