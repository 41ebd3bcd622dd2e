import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { absoluteBoxes } from '../topology/layout/absolute';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph, View } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Box, Layout } from '../topology/layout/types';
import { centreOn, firstViewport, fitAll, focusRegion, LEGIBLE_PX, NAME_FONT_PX, onScreen, type Camera, type Screen } from './viewport';

/* The pane at 1600×1000: the window less the top bar and the status bar. */
const DESK: Screen = { width: 1600, height: 930 };

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
