import { ROLE } from '../topology/graph/kinds';
import type { HealthCounts } from '../topology/graph/types';
import { HEALTH_ORDER } from '../topology/present/theme';
import type { SketchItem } from './sketch';

/**
 * The overview of a large estate, legible: when a subnet's (or cluster's) tiles would be a few pixels on screen, its
 * tasks and pods are drawn as one labelled bar per service or workload — name, count, and the health split as
 * segments — problems first, with text at TEXT_PX screen pixels or more. Everything here is pure; SketchNode paints
 * what it returns.
 */

/** One service's or workload's tasks and pods in one sketch. */
export interface SketchBar {
  /** The service or workload; "unowned:<label>" for tasks and pods that belong to none */
  id: string;
  ownerId?: string;
  label: string;
  /** Palette slot of the owner, -1 for none */
  color: number;
  counts: HealthCounts;
  total: number;
}

/** Screen pixels of every word a bar carries. */
export const TEXT_PX = 11;
/** Screen pixels the smaller side of a sketch's typical tile needs before tiles are drawn instead of bars. */
export const TILE_MIN_PX = 12;

const none = (): HealthCounts => ({ healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0 });
const sum = (c: HealthCounts) => HEALTH_ORDER.reduce((n, k) => n + c[k], 0);

/** Unhealthy first, then pending, then the biggest; ties by name and id, so the order is stable. */
export function byProblems(a: SketchBar, b: SketchBar): number {
  return (
    b.counts.unhealthy - a.counts.unhealthy ||
    b.counts.pending - a.counts.pending ||
    b.total - a.total ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Pure: the tasks and pods of a sketch (one by one or folded) summed per owner, problems first. */
export function serviceBars(items: readonly SketchItem[]): SketchBar[] {
  const bars = new Map<string, SketchBar>();
  for (const it of items) {
    const role = ROLE[it.kind];
    if (role !== 'unit' && role !== 'group') continue;
    const id = it.ownerId ?? `unowned:${it.label}`;
    const bar = bars.get(id) ?? { id, ...(it.ownerId ? { ownerId: it.ownerId } : {}), label: it.label, color: it.color, counts: none(), total: 0 };
    if (role === 'unit') bar.counts[it.health ?? 'unknown'] += 1;
    else if (it.counts) for (const k of HEALTH_ORDER) bar.counts[k] += it.counts[k];
    bar.total = sum(bar.counts);
    bars.set(id, bar);
  }
  return [...bars.values()].sort(byProblems);
}

/** The zoom rounded down to a half octave: sketches repaint when it changes, and text drawn for it is never smaller on screen. */
export function zoomStep(zoom: number): number {
  return 2 ** (Math.floor(Math.log2(Math.max(zoom, 1e-6)) * 2) / 2);
}

export interface BarSegment {
  health: keyof HealthCounts;
  /** Relative to the row's bar start */
  x: number;
  w: number;
}

/** A bar as drawn: its text line on top, its bar below; `more` when it stands for the owners that did not fit. */
export interface BarRow {
  bar: SketchBar;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Baseline-middle of the text line */
  textY: number;
  barY: number;
  barH: number;
  segments: BarSegment[];
  more?: number;
}

export interface BarLayout {
  /** Font size in map units: TEXT_PX on screen at the zoom laid out for */
  font: number;
  rows: BarRow[];
}

/** Sizes in units of the font: a text line and a bar below it per row, columns at least this wide. */
const EM = { pad: 0.5, text: 1.3, bar: 0.65, gap: 0.55, column: 13, minWidth: 4, problem: 0.45 } as const;

/**
 * Lengths of the health segments of a bar `length` long, in the map's health-bar order. A segment of unhealthy or
 * pending units is never shorter than `minProblem`, so one failing task among hundreds still shows.
 */
export function segmentsOf(counts: HealthCounts, length: number, minProblem: number): BarSegment[] {
  const total = sum(counts);
  if (!total) return [];
  const problem = (k: keyof HealthCounts) => k === 'unhealthy' || k === 'pending';
  const widths = new Map(HEALTH_ORDER.filter((k) => counts[k] > 0).map((k) => [k, (counts[k] / total) * length]));
  const lifted = [...widths].reduce((n, [k, w]) => n + (problem(k) ? Math.max(w, minProblem) - w : 0), 0);
  const rest = [...widths].reduce((n, [k, w]) => n + (problem(k) ? 0 : w), 0);
  const shrink = rest > 0 ? Math.max(0, rest - lifted) / rest : 1;
  let x = 0;
  return [...widths].map(([health, w]) => {
    const width = problem(health) ? Math.max(w, minProblem) : w * shrink;
    const seg = { health, x, w: width };
    x += width;
    return seg;
  });
}

/**
 * Pure: where the bars of a sketch `size` large go at `zoom`: columns read top to bottom, bar lengths in proportion
 * to task counts (one scale per sketch, so lengths compare), and, when not all fit, a last row for the rest. No rows
 * when not even one fits legibly.
 */
export function layoutBars(bars: readonly SketchBar[], size: { width: number; height: number }, zoom: number): BarLayout {
  const font = TEXT_PX / zoom;
  const pad = EM.pad * font;
  const rowH = (EM.text + EM.bar + EM.gap) * font;
  const perColumn = Math.floor((size.height - pad) / rowH);
  if (!bars.length || perColumn < 1 || size.width < EM.minWidth * font) return { font, rows: [] };
  const columns = Math.max(1, Math.min(Math.floor((size.width - pad) / (EM.column * font)), Math.ceil(bars.length / perColumn)));
  const capacity = columns * perColumn;
  const shown = bars.length > capacity ? bars.slice(0, capacity - 1) : bars;
  const rest = bars.slice(shown.length);
  const columnW = (size.width - pad) / columns;
  const barMax = columnW - pad;
  const largest = Math.max(1, ...shown.map((b) => b.total));
  const row = (bar: SketchBar, i: number, more?: number): BarRow => {
    const x = pad + Math.floor(i / perColumn) * columnW;
    const y = pad + (i % perColumn) * rowH;
    const length = more ? barMax : Math.max(EM.problem * font, (bar.total / largest) * barMax);
    return {
      bar,
      x,
      y,
      w: barMax,
      h: rowH - EM.gap * font,
      textY: y + (EM.text * font) / 2,
      barY: y + EM.text * font,
      barH: EM.bar * font,
      segments: segmentsOf(bar.counts, length, EM.problem * font),
      ...(more ? { more } : {}),
    };
  };
  const rows = shown.map((b, i) => row(b, i));
  if (rest.length) rows.push(row(restBar(rest), shown.length, rest.length));
  return { font, rows };
}

function restBar(rest: readonly SketchBar[]): SketchBar {
  const counts = none();
  for (const b of rest) for (const k of HEALTH_ORDER) counts[k] += b.counts[k];
  return { id: 'more', label: `+${rest.length} more`, color: -1, counts, total: sum(counts) };
}

/** The median of the smaller sides of a sketch's tiles (tasks, pods, folded groups), in map units. */
export function tileSide(items: readonly SketchItem[]): number {
  const sides = items.flatMap((it) => (ROLE[it.kind] === 'unit' || ROLE[it.kind] === 'group' ? [Math.min(it.w, it.h)] : [])).sort((a, b) => a - b);
  return sides[Math.floor(sides.length / 2)] ?? Infinity;
}

export type SketchPlan = { kind: 'tiles' } | { kind: 'bars'; layout: BarLayout };

/** Pure: tiles while they are TILE_MIN_PX or more on screen (or when not one bar would be legible), else bars. */
export function sketchPlan(data: { width: number; height: number; items: readonly SketchItem[]; bars: readonly SketchBar[] }, zoom: number): SketchPlan {
  if (!data.bars.length || tileSide(data.items) * zoom >= TILE_MIN_PX) return { kind: 'tiles' };
  const layout = layoutBars(data.bars, data, zoom);
  return layout.rows.length ? { kind: 'bars', layout } : { kind: 'tiles' };
}

/** The row under a point of a sketch (sketch coordinates). */
export function rowAt(rows: readonly BarRow[], x: number, y: number): BarRow | undefined {
  return rows.find((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
}
