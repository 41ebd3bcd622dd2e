import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { absoluteBoxes } from '../topology/layout/absolute';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph, View } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Box, Layout } from '../topology/layout/types';
import {
  centreOn,
  firstViewport,
  fitAll,
  focusRegion,
  LEGIBLE_PX,
  LEGIBLE_ZOOM,
  NAME_FONT_PX,
  onScreen,
  revealBox,
  type Camera,
  type Screen,
} from './viewport';

/* The map's pane in a window of each size: the window less the top bar, the map's toolbar and the status bar. */
const DESK: Screen = { width: 1600, height: 896 };
const SCREENS: Record<string, Screen> = {
  '1280×720': { width: 1280, height: 616 },
  '1600×1000': DESK,
  '1920×1080': { width: 1920, height: 976 },
};
const PHONE: Screen = { width: 390, height: 560 };

function laid(view: View, topology = demoTopology()): { graph: Graph; layout: Layout } {
  const graph = buildGraph(topology, { view, expanded: new Set() });
  return { graph, layout: layoutGraph(graph) };
}

/** The part of the map a camera shows, in flow units. */
function shown(camera: Camera, screen: Screen): Box {
  return { id: 'screen', x: -camera.x / camera.zoom, y: -camera.y / camera.zoom, width: screen.width / camera.zoom, height: screen.height / camera.zoom };
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('the first look at a map', () => {
  for (const view of ['network', 'service'] as const) {
    it(`draws service names at ${LEGIBLE_PX} px or more on a 1600×1000 screen (demo, ${view} view)`, () => {
      const { graph, layout } = laid(view);
      // The demo does not fit whole at a legible zoom: the rule is what makes it read.
      expect(fitAll(layout, DESK).zoom * NAME_FONT_PX).toBeLessThan(LEGIBLE_PX);
      const camera = firstViewport(layout, graph, DESK);
      expect(camera.zoom * NAME_FONT_PX).toBeGreaterThanOrEqual(LEGIBLE_PX);
    });

    it(`opens on the busiest column, its top and the band above it in view, without showing past the map (demo, ${view} view)`, () => {
      const { graph, layout } = laid(view);
      const camera = firstViewport(layout, graph, DESK);
      const view_ = shown(camera, DESK);
      const region = focusRegion(layout, graph);
      expect(region.x >= view_.x && region.x + region.width <= view_.x + view_.width).toBe(true);
      expect(view_.y).toBeLessThanOrEqual(0);
      expect(view_.x).toBeGreaterThanOrEqual(0);
      expect(view_.x + view_.width).toBeLessThanOrEqual(layout.width + 0.5);
      // Names of services and workloads are on screen: the band's cards, or the title strips of the service boxes.
      const absolute = absoluteBoxes(layout);
      const titles = graph.nodes
        .filter((n) => n.kind === 'service' || n.kind === 'workload')
        .map((n) => absolute.get(n.id))
        .filter((b): b is Box => b !== undefined)
        .map((b) => ({ ...b, width: Math.min(b.width, 160), height: 20 }));
      expect(titles.filter((b) => inside(b, view_)).length).toBeGreaterThan(3);
    });
  }

  it('picks the AZ column that runs the most tasks and pods', () => {
    const { graph, layout } = laid('network');
    const region = focusRegion(layout, graph);
    const counts = new Map<string, number>();
    const azOf = (id: string | undefined): string | undefined => {
      for (let n = graph.nodes.find((x) => x.id === id); n; n = graph.nodes.find((x) => x.id === n?.parent)) if (n.kind === 'az') return n.id;
      return undefined;
    };
    for (const n of graph.nodes) if (n.kind === 'task' || n.kind === 'pod') counts.set(azOf(n.id) ?? '', (counts.get(azOf(n.id) ?? '') ?? 0) + 1);
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(region.id).toBe(busiest);
  });

  it('shows a map that reads whole, whole', () => {
    const { graph, layout } = laid('network');
    const big: Screen = { width: 4000, height: 2400 };
    expect(firstViewport(layout, graph, big)).toEqual(fitAll(layout, big));
  });

  it('opens an estate drawn as an overview whole, so its sketches are seen at once', () => {
    const { graph, layout } = laid('network', syntheticEstate({ clusters: 6, services: 120, tasks: 1500, loadBalancers: 6, azs: 3, seed: 3 }));
    expect(firstViewport(layout, graph, DESK)).toEqual(fitAll(layout, DESK));
  });
});

/** The columns of a view (AZs or clusters) and the band's top-level boxes, in absolute coordinates. */
function parts(view: View, graph: Graph, layout: Layout): { columns: Box[]; band: Box[] } {
  const absolute = absoluteBoxes(layout);
  const column = view === 'network' ? 'az' : 'cluster';
  const kind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const columns = layout.boxes.filter((b) => kind.get(b.id) === column).map((b) => absolute.get(b.id) ?? b);
  const band = layout.boxes.filter((b) => b.parent === undefined && ['loadBalancer', 'targetGroup', 'service', 'workload'].includes(kind.get(b.id) ?? ''));
  return { columns, band };
}

/** The boxes a screen's left or right edge runs through. */
const cutBy = (boxes: Box[], v: Box) => boxes.filter((b) => [v.x, v.x + v.width].some((x) => b.x < x - 0.5 && b.x + b.width > x + 0.5)).map((b) => b.id);
const wholeIn = (boxes: Box[], v: Box) => boxes.filter((b) => b.x >= v.x - 0.5 && b.x + b.width <= v.x + v.width + 0.5).length;

describe('the first look fits whole columns to the screen', () => {
  for (const view of ['network', 'service'] as const)
    for (const [size, screen] of Object.entries(SCREENS)) {
      it(`at ${size} cuts no AZ column or cluster at its sides, shows the busiest whole and reads (demo, ${view} view)`, () => {
        const { graph, layout } = laid(view);
        const camera = firstViewport(layout, graph, screen);
        const v = shown(camera, screen);
        const { columns } = parts(view, graph, layout);
        expect(camera.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
        expect(cutBy(columns, v)).toEqual([]);
        const busiest = focusRegion(layout, graph);
        expect(busiest.x >= v.x - 0.5 && busiest.x + busiest.width <= v.x + v.width + 0.5).toBe(true);
        // The band is on screen from its top, and the view does not run past the map's sides.
        expect(v.y).toBeLessThanOrEqual(0);
        expect(v.x).toBeGreaterThanOrEqual(-0.5);
        expect(v.x + v.width).toBeLessThanOrEqual(layout.width + 0.5);
      });
    }

  it('shows more whole columns on a wider screen, filling it rather than leaving it empty (demo, network view)', () => {
    const { graph, layout } = laid('network');
    const { columns } = parts('network', graph, layout);
    const counts = Object.values(SCREENS).map((screen) => wholeIn(columns, shown(firstViewport(layout, graph, screen), screen)));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(columns.length);
    expect(counts[0]).toBeLessThan(columns.length);
    // At 1920 every column is in: the zoom comes from the screen's width, not a fixed legible floor.
    const wide = SCREENS['1920×1080'] ?? DESK;
    const camera = firstViewport(layout, graph, wide);
    expect(camera.zoom).toBeGreaterThan(LEGIBLE_ZOOM * 1.05);
    const right = Math.max(...columns.map((c) => c.x + c.width));
    expect(shown(camera, wide).x + shown(camera, wide).width - right).toBeLessThan(0.1 * shown(camera, wide).width);
  });

  for (const size of ['1600×1000', '1920×1080'])
    it(`at ${size} cuts no box of the band either (demo, network view)`, () => {
      const { graph, layout } = laid('network');
      const screen = SCREENS[size] ?? DESK;
      expect(cutBy(parts('network', graph, layout).band, shown(firstViewport(layout, graph, screen), screen))).toEqual([]);
    });

  for (const view of ['network', 'service'] as const)
    it(`on a phone (390×844) opens the busiest column legibly from its left edge, cutting nothing on the left (demo, ${view} view)`, () => {
      const { graph, layout } = laid(view);
      const camera = firstViewport(layout, graph, PHONE);
      const v = shown(camera, PHONE);
      const busiest = focusRegion(layout, graph);
      expect(camera.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
      expect(busiest.x).toBeGreaterThanOrEqual(v.x);
      expect(busiest.x).toBeLessThan(v.x + 0.1 * v.width);
      expect(cutBy(parts(view, graph, layout).columns, { ...v, width: 0 })).toEqual([]);
      expect(v.y).toBeLessThanOrEqual(0);
    });
});

describe('revealing a box asked for', () => {
  it('centres a box that fits at the zoom the map has', () => {
    const box: Box = { id: 'b', x: 900, y: 600, width: 200, height: 80 };
    const camera = revealBox(box, 1, DESK);
    expect(camera.zoom).toBe(1);
    expect(onScreen(box, camera, DESK)).toBe(true);
  });

  it('zooms out just enough for a box that fits legibly', () => {
    const box: Box = { id: 'b', x: 900, y: 600, width: 1500, height: 400 };
    const camera = revealBox(box, 1.2, DESK);
    expect(camera.zoom).toBeLessThan(1.2);
    expect(camera.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    expect(onScreen(box, camera, DESK)).toBe(true);
  });

  it('shows the top-left of a box wider than a phone, at a legible zoom, not its cut-off middle', () => {
    // A service box in the services view: 560 flow units wide.
    const box: Box = { id: 'svc', x: 628, y: 518, width: 560, height: 154 };
    const camera = revealBox(box, 1, PHONE);
    expect(camera.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    const left = box.x * camera.zoom + camera.x;
    const top = box.y * camera.zoom + camera.y;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(30);
    expect(top).toBeGreaterThan(0);
    expect(top + box.height * camera.zoom).toBeLessThanOrEqual(PHONE.height);
  });
});

describe('centring on a box', () => {
  it('puts the box in the middle of the screen at the zoom asked for', () => {
    const box: Box = { id: 'b', x: 5000, y: 3000, width: 128, height: 44 };
    const camera = centreOn(box, 1.2, DESK);
    expect(camera.zoom).toBe(1.2);
    expect(onScreen(box, camera, DESK)).toBe(true);
    expect(box.x * 1.2 + camera.x + (box.width * 1.2) / 2).toBeCloseTo(DESK.width / 2);
    expect(onScreen({ ...box, x: 9000 }, camera, DESK)).toBe(false);
  });
});
