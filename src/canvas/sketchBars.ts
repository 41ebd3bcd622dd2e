import { ROLE } from '../topology/graph/kinds';
import type { HealthCounts } from '../topology/graph/types';
import { HEALTH_ORDER } from '../topology/present/theme';
import type { SketchItem } from './sketch';
import { fitTitle, textWidth, wrapName, wrapTitle, type TitlePart } from './sketchText';

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
  /** What a click on it selects; none for tasks and pods of no service or workload */
  kind?: 'service' | 'workload' | 'loadBalancer';
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
    const kind = it.kind === 'pod' || it.kind === 'podGroup' ? 'workload' : 'service';
    const bar = bars.get(id) ?? { id, ...(it.ownerId ? { ownerId: it.ownerId, kind } : {}), label: it.label, color: it.color, counts: none(), total: 0 };
    if (role === 'unit') bar.counts[it.health ?? 'unknown'] += 1;
    else if (it.counts) for (const k of HEALTH_ORDER) bar.counts[k] += it.counts[k];
    bar.total = sum(bar.counts);
    bars.set(id, bar);
  }
  return [...bars.values()].sort(byProblems);
}

/**
 * The zoom rounded down to a step of 1/`perOctave` octave: a sketch's canvas resolution follows half octaves, its
 * text eighth octaves (TEXT_STEPS), so text drawn for a step is never below TEXT_PX on screen and at most a ninth above.
 */
export function zoomStep(zoom: number, perOctave = 2): number {
  return 2 ** (Math.floor(Math.log2(Math.max(zoom, 1e-6)) * perOctave) / perOctave);
}

/** Steps per octave at which the bars' text is laid out again. */
export const TEXT_STEPS = 8;

export interface BarSegment {
  health: keyof HealthCounts;
  /** Relative to the row's bar start */
  x: number;
  w: number;
}

/**
 * A bar as drawn. Inline, when the column is wide enough: swatch, name and count on one line, the bar below. Stacked,
 * in narrow columns: the name alone on its line, then swatch, bar and count. `more` when it stands for the owners that
 * did not fit.
 */
export interface BarRow {
  bar: SketchBar;
  x: number;
  y: number;
  w: number;
  h: number;
  stacked: boolean;
  /** Middle of the (first) text line */
  textY: number;
  /** Where the name starts, and the room it has on its line (the count's, when inline, shared) */
  nameX: number;
  nameW: number;
  /** The name as drawn: one line inline; stacked, wrapped onto up to three lines of `nameW` (see wrapName) */
  nameLines: string[];
  /** The colour swatch's left edge and middle; no swatch for the rest row */
  swatchX: number;
  swatchY: number;
  swatch: number;
  /** The count's right edge and middle */
  countX: number;
  countY: number;
  barX: number;
  barY: number;
  barH: number;
  segments: BarSegment[];
  more?: number;
}

/** A sketch's heading: a subnet's AZ, name and CIDR, a cluster's name, drawn where the box's own title is too small to read. */
export interface TitleRow {
  /** One or two lines: a heading wider than its column wraps after a hyphen or space rather than being cut */
  lines: string[];
  x: number;
  /** Middle of the first line */
  y: number;
  /** Between the lines' middles */
  lineH: number;
  w: number;
}

export interface BarLayout {
  /** Font size in map units: TEXT_PX on screen at the zoom laid out for */
  font: number;
  /** Between the middles of a wrapped name's lines */
  lineH: number;
  title?: TitleRow;
  rows: BarRow[];
}

/** Lines a stacked name may take before it is cut. */
const NAME_LINES = 3;

/** Sizes in units of the font. */
const EM = {
  pad: 0.35,
  text: 1.3,
  bar: 0.65,
  gap: 0.55,
  title: 1.6,
  column: 13,
  minWidth: 4,
  problem: 0.45,
  swatch: 0.8,
  swatchGap: 0.35,
  countGap: 0.5,
} as const;

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

/** The bars shown in `capacity` rows: the first ones, and the pinned one in the last place before the rest if it would not be. */
function choose(bars: readonly SketchBar[], capacity: number, pinned: string | undefined): { shown: SketchBar[]; rest: SketchBar[] } {
  if (bars.length <= capacity) return { shown: [...bars], rest: [] };
  const first = bars.slice(0, capacity - 1);
  const pin = pinned === undefined || first.some((b) => b.id === pinned) ? undefined : bars.find((b) => b.id === pinned);
  const shown = pin ? [...first.slice(0, -1), pin] : first;
  const ids = new Set(shown.map((b) => b.id));
  return { shown, rest: bars.filter((b) => !ids.has(b.id)) };
}

export interface BarOptions {
  /** The service or workload in focus: its bar is shown even when it would fall under "+N more" */
  pinned?: string | undefined;
  title?: readonly TitlePart[] | undefined;
}

/**
 * Pure: where the bars of a sketch `size` large go at `zoom`: a heading, then columns read top to bottom, inline or
 * stacked as the column's width allows the longest name, bar lengths in proportion to counts (one scale per sketch, so
 * lengths compare), and, when not all fit, a last row for the rest. No rows when not even one fits legibly.
 */
export function layoutBars(bars: readonly SketchBar[], size: { width: number; height: number }, zoom: number, options: BarOptions = {}): BarLayout {
  const font = TEXT_PX / zoom;
  const pad = EM.pad * font;
  const titleW = size.width - 2 * pad;
  const titleText = options.title?.length ? fitTitle(options.title, titleW, font) : '';
  const lines = titleText ? wrapTitle(titleText, titleW, font) : [];
  const title = lines.length ? { lines, x: pad, y: pad + (EM.title * font) / 2, lineH: EM.text * font, w: titleW } : undefined;
  const top = pad + (title ? (EM.title + (lines.length - 1) * EM.text) * font : 0);
  if (!bars.length || size.width < EM.minWidth * font) return { font, lineH: EM.text * font, rows: [] };
  // The rest row's words (at least "N more") and its count (at most everything) must fit too.
  const nameNeed = Math.max(textWidth(`${bars.length} more`, font), ...bars.map((b) => textWidth(b.label, font)));
  const countNeed = textWidth(String(bars.reduce((n, b) => n + b.total, 0)), font);
  const swatch = EM.swatch * font;
  const swatchRoom = swatch + EM.swatchGap * font;
  const countRoom = EM.countGap * font + countNeed;
  const inlineNeed = swatchRoom + nameNeed + countRoom;
  // Columns as wide as the longest name inline needs, never narrower than EM.column.
  const fits = (need: number) => Math.floor((size.width - pad) / (Math.max(EM.column * font, need + pad) || 1));
  const stacked = fits(inlineNeed) < 1;
  // A name wider than even a lone column wraps; every row takes as many lines as the longest name needs, so the rows
  // stay one height and how many fit stays a count (two columns or more are each as wide as the longest name).
  const oneColumnW = size.width - 2 * pad;
  const nameLines = stacked && fits(nameNeed) < 2 ? Math.max(1, ...bars.map((b) => wrapName(b.label, oneColumnW, font, NAME_LINES).length)) : 1;
  const lineH = EM.text * font;
  const rowH = (stacked ? (nameLines + 1) * EM.text + EM.gap : EM.text + EM.bar + EM.gap) * font;
  const perColumn = Math.floor((size.height - top) / rowH);
  if (perColumn < 1) return { font, lineH, ...(title ? { title } : {}), rows: [] };
  const columns = Math.max(1, Math.min(fits(stacked ? nameNeed : inlineNeed), Math.ceil(bars.length / perColumn)));
  const { shown, rest } = choose(bars, columns * perColumn, options.pinned);
  const columnW = (size.width - pad) / columns;
  const w = columnW - pad;
  const largest = Math.max(1, ...shown.map((b) => b.total));
  const row = (bar: SketchBar, i: number, more?: number): BarRow => {
    const x = pad + Math.floor(i / perColumn) * columnW;
    const y = top + (i % perColumn) * rowH;
    const textY = y + (EM.text * font) / 2;
    const sw = more ? 0 : swatch;
    // Stacked, the swatch and the count share the bar's line: the bar takes what they leave.
    const barX = stacked ? x + (sw ? swatchRoom : 0) : x;
    const barMax = stacked ? x + w - countRoom - barX : w;
    const barY = stacked ? y + nameLines * lineH + ((EM.text - EM.bar) * font) / 2 : y + lineH;
    const length = more ? barMax : Math.max(EM.problem * font, (bar.total / largest) * barMax);
    const nameX = stacked ? x : x + (sw ? swatchRoom : 0);
    return {
      bar,
      x,
      y,
      w,
      h: rowH - EM.gap * font,
      stacked,
      textY,
      nameX,
      nameW: x + w - nameX,
      nameLines: stacked ? wrapName(bar.label, x + w - nameX, font, nameLines) : [bar.label],
      swatchX: x,
      swatchY: stacked ? barY + (EM.bar * font) / 2 : textY,
      swatch: sw,
      countX: x + w,
      countY: stacked ? barY + (EM.bar * font) / 2 : textY,
      barX,
      barY,
      barH: EM.bar * font,
      segments: segmentsOf(bar.counts, Math.max(0, length), EM.problem * font),
      ...(more ? { more } : {}),
    };
  };
  const rows = shown.map((b, i) => row(b, i));
  if (rest.length) {
    const last = row(restBar(rest), shown.length, rest.length);
    const label = textWidth(last.bar.label, font) <= last.nameW ? last.bar.label : `${rest.length} more`;
    rows.push({ ...last, bar: { ...last.bar, label }, nameLines: [label] });
  }
  return { font, lineH, ...(title ? { title } : {}), rows };
}

function restBar(rest: readonly SketchBar[]): SketchBar {
  const counts = none();
  for (const b of rest) for (const k of HEALTH_ORDER) counts[k] += b.counts[k];
  return { id: 'more', label: `+${rest.length} more`, color: -1, counts, total: sum(counts) };
}

/**
 * The median of the smaller sides of a sketch's tiles (tasks, pods, folded groups), in map units; none in the band,
 * whose cards carry text that is never legible at overview zoom, so it is always summarised.
 */
export function tileSide(items: readonly SketchItem[]): number {
  const sides = items.flatMap((it) => (ROLE[it.kind] === 'unit' || ROLE[it.kind] === 'group' ? [Math.min(it.w, it.h)] : [])).sort((a, b) => a - b);
  return sides[Math.floor(sides.length / 2)] ?? 0;
}

export type SketchPlan = { kind: 'tiles' } | { kind: 'bars'; layout: BarLayout };

/** One object for every tiles plan, so a sketch that stays on tiles is not painted again when the text step changes. */
const TILES: SketchPlan = { kind: 'tiles' };

interface PlanInput {
  width: number;
  height: number;
  items: readonly SketchItem[];
  bars: readonly SketchBar[];
  title?: readonly TitlePart[];
}

/**
 * Pure: tiles while they are TILE_MIN_PX or more on screen (or when not one bar would be legible), else bars, with
 * the `pinned` service or workload among them wherever it runs.
 */
export function sketchPlan(data: PlanInput, zoom: number, pinned?: string): SketchPlan {
  if (!data.bars.length || tileSide(data.items) * zoom >= TILE_MIN_PX) return TILES;
  const layout = layoutBars(data.bars, data, zoom, { pinned, title: data.title });
  return layout.rows.length ? { kind: 'bars', layout } : TILES;
}

/** The row under a point of a sketch (sketch coordinates). */
export function rowAt(rows: readonly BarRow[], x: number, y: number): BarRow | undefined {
  return rows.find((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
}
