import type { LevelGrid, Steps } from './routeGrid';
import { Heap } from './routeHeap';
import type { Point } from './routePath';

/** Directions in the order right, down, left, up: `(d + 2) % 4` reverses one. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;
const DOWN = 1;

/** What a bend costs against a pixel of length: enough that a route takes a detour of 40 px to save one. */
const BEND_COST = 40;

export interface Start {
  at: Point;
  /** Added to the route's cost: lets a search weigh several ways in */
  cost: number;
}

/** The sorted coordinates with a few more merged in, and for each the index it has among the grid's own (or -1). */
function withCoords(sorted: readonly number[], extra: readonly number[]): { at: number[]; own: Int32Array } {
  // A search may start anywhere along a container's top, so `extra` can be as long as `sorted`: looked up, not scanned.
  const add = [...new Set(extra)].filter((c) => indexOf(sorted, c) < 0).sort((a, b) => a - b);
  const at: number[] = [];
  const own = new Int32Array(sorted.length + add.length);
  let k = 0;
  sorted.forEach((c, i) => {
    for (; k < add.length && (add[k] ?? 0) < c; k++) own[at.push(add[k] ?? 0) - 1] = -1;
    own[at.push(c) - 1] = i;
  });
  for (; k < add.length; k++) own[at.push(add[k] ?? 0) - 1] = -1;
  return { at, own };
}

/** Index of `c` in the sorted `at`, which holds it. */
function indexOf(at: readonly number[], c: number): number {
  let [lo, hi] = [0, at.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] ?? Infinity) < c) lo = mid + 1;
    else hi = mid;
  }
  return at[lo] === c ? lo : -1;
}

/**
 * A router's searches on level grids. The per-state tables are allocated once and reused by every search, each
 * search marking the entries it wrote with its own stamp, so a map of a thousand edges does not allocate a table
 * per edge.
 */
export function createSearch(): (grid: LevelGrid, starts: readonly Start[], goal: Point) => Point[] | undefined {
  let best = new Float64Array(0);
  let from = new Int32Array(0);
  let seen = new Uint32Array(0);
  let done = new Uint32Array(0);
  /**
   * Steps on the lines a search adds, checked against the children once per search: `2 * stamp + 1` when the step
   * from cell (i, j) to the right (`checkedH`) or down (`checkedV`) is free, `2 * stamp` when it is not.
   */
  let checkedH = new Int32Array(0);
  let checkedV = new Int32Array(0);
  let stamp = 0;
  const heap = new Heap();

  /**
   * The cheapest orthogonal route on the grid from one of the starts, leaving it downwards, to `goal`, arriving
   * downwards (so the route leaves and enters borders at right angles); cost is length plus a toll per bend.
   */
  return (grid, starts, goal) => {
    const X = withCoords(grid.xs, [goal[0], ...starts.map((s) => s.at[0])]);
    const Y = withCoords(grid.ys, [goal[1], ...starts.map((s) => s.at[1])]);
    const [xs, ys] = [X.at, Y.at];
    const nx = xs.length;
    const ny = ys.length;
    const states = nx * ny * 4;
    if (best.length < states) {
      best = new Float64Array(states);
      from = new Int32Array(states);
      seen = new Uint32Array(states);
      done = new Uint32Array(states);
      checkedH = new Int32Array(states / 4);
      checkedV = new Int32Array(states / 4);
      stamp = 0;
    }
    stamp++;
    heap.clear();
    const [gx, gy] = goal;
    const gi = indexOf(xs, gx);
    const gj = indexOf(ys, gy);
    const steps = grid.steps();
    const { right, down } = steps;
    const gnx = grid.xs.length;
    const runs = runsTo(steps, grid, goal);
    /**
     * Length to go plus the fewest bends still needed to arrive heading down: a tight bound keeps the search narrow.
     * The bends are the more of what the goal's direction demands and what the rows of children in between do: each
     * further vertical run needs a bend into it and one out of it.
     */
    const h = (i: number, j: number, d: number) => {
      const x = xs[i] ?? 0;
      const y = ys[j] ?? 0;
      const dist = Math.abs(x - gx) + Math.abs(y - gy);
      let bends: number;
      const vertical = d % 2 === 1;
      if (x === gx) bends = vertical ? (d === DOWN && y <= gy ? 0 : 4) : y < gy ? 1 : 3;
      else if (vertical) bends = 2;
      else bends = (d === 0) === gx > x && y < gy ? 1 : 3;
      const oi = X.own[i] ?? -1;
      const oj = Y.own[j] ?? -1;
      if (runs && oi >= 0 && oj >= 0 && y < gy) {
        const more = vertical ? runs.after(oi, oj) : runs.from(oj);
        // A route can only take its last run down from a row where the goal's column is clear to the goal.
        const last = vertical ? (x === gx ? 0 : runs.down(oi, oj) >= runs.top ? 2 : 4) : oj >= runs.top ? 1 : 3;
        bends = Math.max(bends, last, vertical ? 2 * more : 2 * more - 1);
      }
      return dist + bends * BEND_COST;
    };
    const [ownX, ownY] = [X.own, Y.own];
    /** The step from cell (i, j) one place in direction d keeps clear of every child. */
    const free = (i: number, j: number, d: number): boolean => {
      const horizontal = d % 2 === 0;
      // The step's lower-left cell: right and down steps start there, left and up ones end there.
      const li = d === 2 ? i - 1 : i;
      const lj = d === 3 ? j - 1 : j;
      if (li < 0 || lj < 0 || (horizontal ? li + 1 >= nx : lj + 1 >= ny)) return false;
      const oi = ownX[li] ?? -1;
      const oj = ownY[lj] ?? -1;
      const far = horizontal ? (ownX[li + 1] ?? -1) : (ownY[lj + 1] ?? -1);
      if (oi >= 0 && oj >= 0 && far >= 0) {
        const cell = oj * gnx + oi;
        return (horizontal ? right[cell] : down[cell]) === 1;
      }
      const [ni, nj] = [i + (DX[d] ?? 0), j + (DY[d] ?? 0)];
      // Steps between the grid's own lines are looked up; the few lines a search adds are checked directly, once.
      const at = lj * nx + li;
      const checked = horizontal ? checkedH : checkedV;
      const known = checked[at] ?? 0;
      if (known >> 1 === stamp) return (known & 1) === 1;
      const x0 = xs[i] ?? 0;
      const y0 = ys[j] ?? 0;
      const ok = horizontal ? grid.freeH(y0, x0, xs[ni] ?? 0) : grid.freeV(x0, y0, ys[nj] ?? 0);
      checked[at] = 2 * stamp + (ok ? 1 : 0);
      return ok;
    };
    /**
     * Where a move in direction d may end: a cell it can turn at, or the goal's column. Cells in between leave a
     * route no choice but straight on, so the search passes them in one move instead of queueing each.
     */
    const stop = (i: number, j: number, d: number) => i === gi || free(i, j, (d + 1) % 4) || free(i, j, (d + 3) % 4);
    for (const s of starts) {
      const i = indexOf(xs, s.at[0]);
      const j = indexOf(ys, s.at[1]);
      const sid = (j * nx + i) * 4 + DOWN;
      if (seen[sid] === stamp && (best[sid] ?? Infinity) <= s.cost) continue;
      best[sid] = s.cost;
      seen[sid] = stamp;
      from[sid] = -1;
      heap.push(s.cost + h(i, j, DOWN), s.cost, sid);
    }
    while (heap.size) {
      const cur = heap.pop();
      if (done[cur] === stamp) continue;
      done[cur] = stamp;
      const d = cur % 4;
      const cell = (cur - d) / 4;
      const i = cell % nx;
      const j = (cell - i) / nx;
      if (i === gi && j === gj && d === DOWN) return unwind(cur, from, xs, ys, nx);
      const g = best[cur] ?? Infinity;
      const isStart = from[cur] === -1;
      const x0 = xs[i] ?? 0;
      const y0 = ys[j] ?? 0;
      for (let nd = 0; nd < 4; nd++) {
        if (nd === (d + 2) % 4 || (isStart && nd !== d)) continue;
        const dx = DX[nd] ?? 0;
        const dy = DY[nd] ?? 0;
        let ci = i;
        let cj = j;
        for (;;) {
          const ni = ci + dx;
          const nj = cj + dy;
          const y1 = ys[nj];
          // The goal and the starts sit on borders, which the grid treats as walls; the last step in is allowed.
          const into = ni === gi && nj === gj && nd === DOWN && y1 !== undefined && grid.freeV(xs[ci] ?? 0, ys[cj] ?? 0, y1 - 0.5);
          if (!into && !free(ci, cj, nd)) break;
          ci = ni;
          cj = nj;
          if (!into && !(ci === gi && cj === gj) && !stop(ci, cj, nd)) continue;
          const x1 = xs[ci] ?? 0;
          const y = ys[cj] ?? 0;
          const next = (cj * nx + ci) * 4 + nd;
          const cost = g + Math.abs(x1 - x0) + Math.abs(y - y0) + (nd === d ? 0 : BEND_COST);
          if (seen[next] !== stamp || cost < (best[next] ?? Infinity)) {
            best[next] = cost;
            seen[next] = stamp;
            from[next] = cur;
            heap.push(cost + h(ci, cj, nd), cost, next);
          }
          break;
        }
      }
    }
    return undefined;
  };
}

/** The fewest vertical runs from each row to row `last`: runs go both ways, so a breadth-first walk out from it. */
function runsToRow(steps: Steps, last: number): Float64Array {
  const need = new Float64Array(steps.reachDown.length).fill(Infinity);
  need[last] = 0;
  const queue = [last];
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q] ?? 0;
    for (let j = steps.reachUp[r] ?? r; j <= (steps.reachDown[r] ?? r); j++) {
      if (need[j] !== Infinity) continue;
      need[j] = (need[r] ?? 0) + 1;
      queue.push(j);
    }
  }
  return need;
}

interface Runs {
  /** The highest row from which the goal's column is clear down to the row above the goal */
  top: number;
  /** The lowest row a vertical run through a cell reaches */
  down(i: number, j: number): number;
  /** The fewest vertical runs from a row to the row above the goal */
  from(j: number): number;
  /** The fewest vertical runs after the one through a cell */
  after(i: number, j: number): number;
}

/**
 * A lower bound on the vertical runs a route still needs to reach the row of the goal at `gy`, as if it could move
 * sideways anywhere: the rows of children between stop a run, and each run reaches only as far as the grid's free
 * columns let it. Undefined when no row of the grid lies above the goal.
 */
function runsTo(steps: Steps, grid: LevelGrid, [gx, gy]: Point): Runs | undefined {
  const ys = grid.ys;
  let last = -1;
  ys.forEach((y, j) => {
    if (y < gy) last = j;
  });
  if (last < 0) return undefined;
  const ny = ys.length;
  const nx = steps.runDown.length / ny;
  let need = steps.runsToRow.get(last);
  if (!need) steps.runsToRow.set(last, (need = runsToRow(steps, last)));
  // The highest row from which the goal's own column runs clear down to the goal's row.
  let top = last;
  while (top > 0 && grid.freeV(gx, ys[top - 1] ?? 0, ys[top] ?? 0)) top--;
  return {
    top,
    down: (i, j) => steps.runDown[j * nx + i] ?? j,
    from: (j) => need[j] ?? Infinity,
    // The run a route is on already reaches from `up` to `down`; the fewest runs after it start from its nearest row.
    after: (i, j) => {
      const dn = steps.runDown[j * nx + i] ?? j;
      const up = steps.runUp[j * nx + i] ?? j;
      if (up <= last && last <= dn) return 0;
      return need[dn < last ? dn : up] ?? Infinity;
    },
  };
}

function unwind(end: number, from: Int32Array, xs: readonly number[], ys: readonly number[], nx: number): Point[] {
  const out: Point[] = [];
  for (let cur = end; cur >= 0; cur = from[cur] ?? -1) {
    const cell = Math.floor(cur / 4);
    out.push([xs[cell % nx] ?? 0, ys[Math.floor(cell / nx)] ?? 0]);
  }
  return out.reverse();
}
