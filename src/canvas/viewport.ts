import { absoluteBoxes } from '../topology/layout/absolute';
import { isGroup, isUnit, memberIds } from '../topology/graph/kinds';
import type { Graph, GraphNode } from '../topology/graph/types';
import type { Box, Layout } from '../topology/layout/types';
import { needsOverview } from './sketch';

/** React Flow's viewport: the flow point at the screen's top-left corner is (-x / zoom, -y / zoom). */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export interface Screen {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;
export const FIT_PADDING = 0.04;

/** The smallest size, in screen pixels, at which a service's name reads without effort. */
export const LEGIBLE_PX = 11;
/** The size service and workload names are set in on the canvas (the page's base font size). */
export const NAME_FONT_PX = 13;
/** The zoom at which a service's name is drawn LEGIBLE_PX high. */
export const LEGIBLE_ZOOM = LEGIBLE_PX / NAME_FONT_PX;

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/** The zoom that fits a width × height area in the screen, with FIT_PADDING on every side. */
function fitZoom(width: number, height: number, screen: Screen): number {
  const w = Math.max(1, width) * (1 + 2 * FIT_PADDING);
  const h = Math.max(1, height) * (1 + 2 * FIT_PADDING);
  return clampZoom(Math.min(screen.width / w, screen.height / h));
}

/** The viewport that shows the whole layout, centred. */
export function fitAll(layout: Layout, screen: Screen): Camera {
  const zoom = fitZoom(layout.width, layout.height, screen);
  return { x: (screen.width - layout.width * zoom) / 2, y: (screen.height - layout.height * zoom) / 2, zoom };
}

/** What the first look centres on in each view: the AZ column (network) or the cluster (services) running most. */
const FOCUS_KIND: Record<Graph['view'], GraphNode['kind']> = { network: 'az', service: 'cluster' };

/** The tasks and pods each box holds, counting a folded group as its members. */
function unitsPerBox(graph: Graph): Map<string, number> {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const counts = new Map<string, number>();
  for (const n of graph.nodes) {
    const weight = isUnit(n) ? 1 : isGroup(n) ? memberIds(n).length : 0;
    if (!weight) continue;
    for (let p = n.parent; p !== undefined; p = parent.get(p)) counts.set(p, (counts.get(p) ?? 0) + weight);
  }
  return counts;
}

/** The busiest AZ column or cluster, from the top of the map (the band of load balancers and services) down. */
export function focusRegion(layout: Layout, graph: Graph): Box {
  const counts = unitsPerBox(graph);
  const absolute = absoluteBoxes(layout);
  let best: { box: Box; units: number } | undefined;
  for (const n of graph.nodes) {
    if (n.kind !== FOCUS_KIND[graph.view]) continue;
    const box = absolute.get(n.id);
    const units = counts.get(n.id) ?? 0;
    if (box && (!best || units > best.units)) best = { box, units };
  }
  if (!best) return { id: 'map', x: 0, y: 0, width: layout.width, height: layout.height };
  return { id: best.box.id, x: best.box.x, y: 0, width: best.box.width, height: best.box.y + best.box.height };
}

/** The zoom the first look never goes past: a small map is not blown up to fill a wide screen. */
export const FIRST_MAX_ZOOM = 1.5;
/** Flow units kept between a column and the screen's edge when the gap beside it allows. */
const EDGE_MARGIN = 12;
/** Flow units of map background above the band on the first look. */
const TOP_MARGIN = 8;

/** What the screen's left and right edges must not cut: the columns (AZs or clusters) and the band's boxes. */
interface Obstacles {
  columns: Box[];
  band: Box[];
}

function obstacles(layout: Layout, graph: Graph): Obstacles {
  const absolute = absoluteBoxes(layout);
  const kind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const columns = layout.boxes.filter((b) => kind.get(b.id) === FOCUS_KIND[graph.view]).map((b) => absolute.get(b.id) ?? b);
  // A top-level box that holds columns (a VPC) is their frame, cut wherever a column boundary is; the rest is the band.
  const holders = new Set(columns.map((c) => layout.boxes.find((b) => b.id === c.id)?.parent));
  const band = layout.boxes.filter((b) => b.parent === undefined && !holders.has(b.id) && kind.get(b.id) !== FOCUS_KIND[graph.view]);
  return { columns, band };
}

/** How many boxes a vertical line at `x` runs through (a box touched only at its edge is not cut). */
const cutsAt = (boxes: readonly Box[], x: number) => boxes.filter((b) => b.x < x - 0.5 && b.x + b.width > x + 0.5).length;

/** A horizontal window on the map and how it fares: the lower `score`, the better. */
interface Window {
  left: number;
  right: number;
  zoom: number;
  score: number[];
}

/**
 * Where the screen's left and right edges may fall: beside columns (with a margin), in the gaps between them, at the
 * band's box edges and at the map's ends. Every cut a window makes happens at one of its two edges, so these are the
 * only places worth trying.
 */
function edgeCandidates(layout: Layout, { columns, band }: Obstacles): number[] {
  const xs = new Set<number>([0, layout.width]);
  for (const c of columns) {
    xs.add(c.x - EDGE_MARGIN);
    xs.add(c.x + c.width + EDGE_MARGIN);
  }
  const sorted = [...columns].sort((a, b) => a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a && b) xs.add((a.x + a.width + b.x) / 2);
  }
  for (const b of band) {
    xs.add(b.x);
    xs.add(b.x + b.width);
  }
  return [...xs].filter((x) => x >= 0 && x <= layout.width).sort((a, b) => a - b);
}

/**
 * The horizontal window of the first look: it shows the busiest column whole, cuts no column at its edges, shows as
 * many whole columns as fit at a legible zoom, then cuts as few of the band's boxes as it can, then sits as near the
 * natural size as it can. Undefined when no such window reads (a phone: one column is wider than the screen).
 */
function bestWindow(layout: Layout, graph: Graph, screen: Screen): Window | undefined {
  const found = obstacles(layout, graph);
  const busiest = focusRegion(layout, graph);
  const xs = edgeCandidates(layout, found);
  const cuts = new Map(xs.map((x) => [x, { columns: cutsAt(found.columns, x), band: cutsAt(found.band, x) }]));
  let best: Window | undefined;
  for (const left of xs) {
    if (left > busiest.x || cuts.get(left)?.columns) continue;
    for (const right of xs) {
      if (right < busiest.x + busiest.width || cuts.get(right)?.columns) continue;
      const zoom = screen.width / (right - left);
      if (zoom < LEGIBLE_ZOOM) break;
      if (zoom > FIRST_MAX_ZOOM) continue;
      const whole = found.columns.filter((c) => c.x >= left - 0.5 && c.x + c.width <= right + 0.5);
      const band = (cuts.get(left)?.band ?? 0) + (cuts.get(right)?.band ?? 0);
      // Room between the outer columns and the screen's sides, up to a margin: a column flush with the edge looks cut.
      const room = Math.min(EDGE_MARGIN, ...whole.map((c) => Math.min(c.x - left, right - c.x - c.width)));
      const score = [-whole.length, band, -Math.round(room), Math.abs(Math.log(zoom))];
      if (!best || better(score, best.score)) best = { left, right, zoom, score };
    }
  }
  return best;
}

/** Lexicographic: the first criterion that differs decides. */
function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (Math.abs(x - y) > 1e-9) return x < y;
  }
  return false;
}

/**
 * Where `start` should sit so a `window`-long view of a `total`-long map shows `centre`, without running past either
 * end of the map (a map shorter than the window is centred).
 */
function place(total: number, window: number, centre: number): number {
  if (window >= total) return (total - window) / 2;
  return Math.min(total - window, Math.max(0, centre - window / 2));
}

/**
 * The first look at a map: the whole map when its service names read at LEGIBLE_PX there; else whole columns (AZs,
 * or clusters) under the band, as many as the screen holds at a legible zoom, fitted edge to edge so the screen's
 * sides fall between boxes rather than through them: a wider screen shows more columns, not more of a cut one. On
 * a screen narrower than one legible column (a phone) the busiest column opens at the legible zoom from its left
 * edge. An estate large enough to open as an overview opens whole: its sketches are what a first look should take
 * in, and zooming in reads them.
 */
export function firstViewport(layout: Layout, graph: Graph, screen: Screen): Camera {
  const whole = fitAll(layout, screen);
  if (whole.zoom >= LEGIBLE_ZOOM || needsOverview(graph)) return whole;
  const window = bestWindow(layout, graph, screen);
  const region = focusRegion(layout, graph);
  const zoom = window?.zoom ?? clampZoom(Math.max(LEGIBLE_ZOOM, Math.min(FIRST_MAX_ZOOM, fitZoom(layout.width, 1, screen))));
  const width = screen.width / zoom;
  const height = screen.height / zoom;
  const left = window ? window.left : region.width > width ? Math.max(0, region.x - EDGE_MARGIN) : place(layout.width, width, region.x + region.width / 2);
  // The band and the top of the columns; a map shorter than the screen is centred.
  const top = height >= layout.height ? (layout.height - height) / 2 : -TOP_MARGIN;
  return { x: -left * zoom, y: -top * zoom, zoom };
}

/**
 * The viewport that puts a box's centre in the middle of the screen at `zoom`: where a search hit, a link or a
 * problem lands.
 */
export function centreOn(box: Box, zoom: number, screen: Screen): Camera {
  return { x: screen.width / 2 - (box.x + box.width / 2) * zoom, y: screen.height / 2 - (box.y + box.height / 2) * zoom, zoom };
}

/** Whether a box lies wholly on screen under a viewport. */
export function onScreen(box: Box, camera: Camera, screen: Screen): boolean {
  const left = box.x * camera.zoom + camera.x;
  const top = box.y * camera.zoom + camera.y;
  return left >= 0 && top >= 0 && left + box.width * camera.zoom <= screen.width && top + box.height * camera.zoom <= screen.height;
}

/**
 * The viewport that brings a box asked for (a link, search, the problems button) into view at no less than the
 * legible zoom: centred when it fits the screen at `zoom`, zoomed out just enough when that fits it legibly, else
 * (a cluster wider than a phone) its top-left corner at the screen's top-left, where its title is.
 */
export function revealBox(box: Box, zoom: number, screen: Screen): Camera {
  const fits = (z: number) => box.width * z <= screen.width * (1 - 2 * FIT_PADDING) && box.height * z <= screen.height * (1 - 2 * FIT_PADDING);
  if (fits(zoom)) return centreOn(box, zoom, screen);
  const fitted = Math.min(zoom, fitZoom(box.width, box.height, screen));
  if (fitted >= LEGIBLE_ZOOM) return centreOn(box, fitted, screen);
  const z = Math.min(zoom, Math.max(LEGIBLE_ZOOM, fitted));
  const margin = FIT_PADDING * Math.min(screen.width, screen.height);
  const camera = centreOn(box, z, screen);
  // Whichever way the box overflows the screen, its start is shown: a title sits at the top-left.
  const x = box.width * z > screen.width - 2 * margin ? margin - box.x * z : camera.x;
  const y = box.height * z > screen.height - 2 * margin ? margin - box.y * z : camera.y;
  return { x, y, zoom: z };
}
