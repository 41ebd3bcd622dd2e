import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { isUnit } from '../topology/graph/kinds';
import { absoluteBoxes } from '../topology/layout/absolute';
import { edgeEnds, edgePath, pathOf } from '../topology/present/edges';
import { legendOf } from '../topology/present/legend';
import { BOX_STYLE, HEALTH_COLORS, serviceColor } from '../topology/present/theme';
import { layOutForExport } from './prepare';
import { toSvg } from './svg';
import { findAll, parseSvg, type El } from './svgTree.fixture';

const texts = (e: El) => findAll(e, (x) => x.tag === 'text').map((t) => t.text);

describe.each(['network', 'service'] as const)('the SVG of the demo estate, %s view, read away from the screen', (view) => {
  const input = layOutForExport(demoTopology(), { view });
  const svg = toSvg(input);
  const root = parseSvg(svg);
  const group = (id: string) => findAll(root, (e) => e.tag === 'g' && e.attrs['data-id'] === id)[0];

  it('opens with a title block: the view, the account, the region and the read time in UTC', () => {
    const [title] = findAll(root, (e) => e.attrs['data-part'] === 'title');
    if (!title) throw new Error('no title block');
    const words = texts(title).join(' | ');
    expect(words).toContain(`Fleetmap · ${view} view · Demo estate (fixture)`);
    expect(words).toContain('Account 123456789012');
    expect(words).toContain('Region us-east-1');
    expect(words).toContain('Read 20 Nov 2026, 00:00:00 UTC');
  });

  it('draws a legend of everything the picture holds, each entry with its swatch, each colour beside its name', () => {
    const entries = legendOf(input.graph);
    const drawn = findAll(root, (e) => e.tag === 'g' && e.attrs['data-legend'] !== undefined);
    expect(drawn.map((g) => [g.attrs['data-legend'], texts(g)[0]])).toEqual(entries.map((e) => [e.kind, e.text]));
    for (const [i, e] of entries.entries()) {
      const g = drawn[i];
      if (e.kind === 'owner') expect(findAll(g ?? root, (x) => x.tag === 'rect')[0]?.attrs['fill']).toBe(serviceColor(e.color));
    }
    expect(entries.filter((e) => e.kind === 'owner').length).toBeGreaterThan(5);
  });

  it('keeps the dashed border of spot nodes, the hatching of older revisions and the red of unhealthy ones', () => {
    const pattern = findAll(root, (e) => e.tag === 'pattern' && e.attrs['id'] === 'fm-old-revision');
    expect(pattern).toHaveLength(1);
    for (const n of input.graph.nodes) {
      const g = group(n.id);
      expect(g, n.id).toBeDefined();
      const rects = findAll(g ?? root, (e) => e.tag === 'rect');
      const frame = rects[0]?.attrs ?? {};
      if (n.kind === 'node') expect(frame['stroke-dasharray'] !== undefined, n.id).toBe(n.spot);
      if (isUnit(n)) {
        expect(
          rects.some((r) => r.attrs['fill'] === 'url(#fm-old-revision)'),
          n.id,
        ).toBe(n.oldRevision);
        if (n.health === 'unhealthy') expect(frame['stroke']).toBe(HEALTH_COLORS.unhealthy);
      }
    }
    expect(input.graph.nodes.some((n) => isUnit(n) && n.oldRevision)).toBe(true);
  });

  it('draws each edge along the route the layout found, and from its ends only when there is none', () => {
    const routes = input.layout.routes ?? {};
    expect(Object.keys(routes).length).toBeGreaterThan(0);
    const paths = new Map(findAll(root, (e) => e.tag === 'path' && e.attrs['data-edge'] !== undefined).map((p) => [p.attrs['data-edge'], p.attrs['d']]));
    for (const e of input.graph.edges) {
      const route = routes[e.id];
      if (route) expect(paths.get(e.id), e.id).toBe(pathOf(route));
    }
    const unrouted = { boxes: input.layout.boxes, width: input.layout.width, height: input.layout.height };
    const abs = absoluteBoxes(unrouted);
    const plain = parseSvg(toSvg({ ...input, layout: unrouted }));
    for (const e of input.graph.edges) {
      const [s, t] = [abs.get(e.source), abs.get(e.target)];
      if (!s || !t) continue;
      expect(findAll(plain, (x) => x.attrs['data-edge'] === e.id)[0]?.attrs['d']).toBe(edgePath(edgeEnds(s, t)));
    }
  });
});

describe('the PNG drawn from the SVG keeps the marks', () => {
  const input = layOutForExport(demoTopology(), { view: 'network' });
  const svg = toSvg(input);
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const { width, pixels } = image;
  const root = parseSvg(svg);
  const [map] = findAll(root, (e) => e.attrs['data-part'] === 'map');
  const [dx = 0, dy = 0] = (/translate\(([\d.]+) ([\d.]+)\)/.exec(map?.attrs['transform'] ?? '') ?? []).slice(1).map(Number);
  const abs = absoluteBoxes(input.layout);
  const rgb = (x: number, y: number) => {
    const i = (Math.round(y + dy) * width + Math.round(x + dx)) * 4;
    return `#${[pixels[i], pixels[i + 1], pixels[i + 2]].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`;
  };

  it('a spot node’s top border has gaps, another node’s is solid', () => {
    const border = (id: string) => {
      const b = abs.get(id);
      if (!b) throw new Error(id);
      const row = Array.from({ length: Math.floor(b.width - 40) }, (_, i) => rgb(b.x + 20 + i, b.y));
      return row.filter((c) => c === BOX_STYLE.node.stroke).length / row.length;
    };
    const nodes = input.graph.nodes.filter((n) => n.kind === 'node');
    const spot = nodes.find((n) => n.kind === 'node' && n.spot);
    const onDemand = nodes.find((n) => n.kind === 'node' && !n.spot);
    if (!spot || !onDemand) throw new Error('the demo has spot and on-demand nodes');
    expect(border(onDemand.id)).toBeGreaterThan(0.95);
    expect(border(spot.id)).toBeLessThan(0.8);
    expect(border(spot.id)).toBeGreaterThan(0.3);
  });

  it('an older revision’s box is striped where a current one’s is plain', () => {
    const shades = (id: string) => {
      const b = abs.get(id);
      if (!b) throw new Error(id);
      // Along a row below the text, clear of the border and the colour bar.
      return new Set(Array.from({ length: Math.floor(b.width - 30) }, (_, i) => rgb(b.x + 14 + i, b.y + b.height - 5))).size;
    };
    const units = input.graph.nodes.filter(isUnit).filter((n) => n.health === 'healthy');
    const old = units.find((n) => n.oldRevision);
    const current = units.find((n) => !n.oldRevision);
    if (!old || !current) throw new Error('the demo has tasks of both revisions');
    expect(shades(current.id)).toBe(1);
    expect(shades(old.id)).toBeGreaterThan(1);
  });
});
