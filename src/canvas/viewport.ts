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

/**
 * Where `start` should sit so a `window`-long view of a `total`-long map shows `centre`, without running past either
 * end of the map (a map shorter than the window is centred).
 */
function place(total: number, window: number, centre: number): number {
  if (window >= total) return (total - window) / 2;
  return Math.min(total - window, Math.max(0, centre - window / 2));
}

/**
 * The first look at a map: the whole map when its service names read at LEGIBLE_PX there, else the busiest AZ
 * column (or cluster) under the band at the zoom where names read, the rest a pan away. An estate large enough to
 * open as an overview opens whole: its sketches are what a first look should take in, and zooming in reads them.
 */
export function firstViewport(layout: Layout, graph: Graph, screen: Screen): Camera {
  const whole = fitAll(layout, screen);
  if (whole.zoom >= LEGIBLE_ZOOM || needsOverview(graph)) return whole;
  const region = focusRegion(layout, graph);
  const zoom = clampZoom(Math.max(LEGIBLE_ZOOM, Math.min(1, fitZoom(region.width, region.height, screen))));
  const width = screen.width / zoom;
  const height = screen.height / zoom;
  const left = place(layout.width, width, region.x + region.width / 2);
  // A region taller than the screen shows its top: the band and the start of the column.
  const top = region.height > height ? region.y - FIT_PADDING * height : place(layout.height, height, region.y + region.height / 2);
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
