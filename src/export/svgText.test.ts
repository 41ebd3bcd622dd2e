import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { problems } from '../topology/graph/problems';
import { PROBLEM_MARK, problemBadge, problemsByNode } from '../topology/graph/problemsByNode';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Topology } from '../topology/model';
import { layOutForExport } from './prepare';
import { toSvg } from './svg';
import { findAll, overlaps, parseSvg, textRect, type El, type Rect } from './svgTree.fixture';

const worlds: Record<string, () => Topology> = {
  demo: demoTopology,
  large: () => syntheticEstate({ clusters: 3, services: 40, tasks: 300, loadBalancers: 3, azs: 3, seed: 5 }),
};
const cases = Object.keys(worlds).flatMap((world) => (['network', 'service'] as const).map((view) => ({ world, view })));

/** A pill's rectangle (a badge drawn as a word on a coloured tile). */
function pillRect(r: El): Rect {
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r.attrs[k]));
  return { left: x ?? 0, top: y ?? 0, right: (x ?? 0) + (w ?? 0), bottom: (y ?? 0) + (h ?? 0) };
}

describe.each(cases)('the words of each box in the SVG of the $world estate, $view view', ({ world, view }) => {
  const topology = worlds[world]?.();
  if (!topology) throw new Error(world);
  const input = layOutForExport(topology, { view });
  const root = parseSvg(toSvg(input));
  const abs = absoluteBoxes(input.layout);
  const groups = findAll(root, (e) => e.tag === 'g' && e.attrs['data-id'] !== undefined && e.attrs['data-kind'] !== undefined);
  const childrenOf = new Map<string, string[]>();
  for (const n of input.graph.nodes) if (n.parent) childrenOf.set(n.parent, [...(childrenOf.get(n.parent) ?? []), n.id]);

  it('never overlap one another: title, pills, second line, counts and tags each keep their own place', () => {
    const clashes: string[] = [];
    for (const g of groups) {
      const texts = findAll(g, (e) => e.tag === 'text' && e.text !== '');
      const parts = [
        ...texts.map((t) => ({ what: t.text, rect: textRect(t), pill: undefined as El | undefined })),
        ...findAll(g, (e) => e.attrs['data-pill'] !== undefined).map((r) => ({ what: `pill ${r.attrs['data-pill']}`, rect: pillRect(r), pill: r })),
      ];
      for (const [i, a] of parts.entries())
        for (const b of parts.slice(i + 1)) {
          const own = (p: typeof a, q: typeof a) => p.pill !== undefined && p.pill.attrs['data-pill'] === q.what;
          if (!own(a, b) && !own(b, a) && overlaps(a.rect, b.rect)) clashes.push(`${g.attrs['data-id']}: "${a.what}" × "${b.what}"`);
        }
    }
    expect(clashes).toEqual([]);
  });

  it('stay inside their box, and a container’s words stay in its header band, above what it holds', () => {
    const outside: string[] = [];
    for (const g of groups) {
      const id = g.attrs['data-id'] ?? '';
      const b = abs.get(id);
      if (!b) continue;
      const firstChild = Math.min(...(childrenOf.get(id) ?? []).map((c) => abs.get(c)?.y ?? Infinity));
      for (const t of findAll(g, (e) => e.tag === 'text' && e.text !== '')) {
        const r = textRect(t);
        if (r.left < b.x || r.right > b.x + b.width + 0.5) outside.push(`${id}: "${t.text}" runs past the box's side`);
        if (r.bottom > Math.min(b.y + b.height, firstChild) + 0.5) outside.push(`${id}: "${t.text}" lies below the header or the box`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('carry the map’s problem badges: mark and count at the top-right corner, over every box', () => {
    const byNode = problemsByNode(input.topology, problems(input.topology));
    const drawn = findAll(root, (e) => e.attrs['data-problems'] !== undefined);
    const expected = input.graph.nodes.flatMap((n) => {
      const badge = problemBadge(byNode.get(n.id) ?? []);
      return badge ? [[n.id, `${PROBLEM_MARK[badge.severity]} ${badge.text}`, badge.severity]] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(drawn.map((d) => [d.attrs['data-for'], findAll(d, (e) => e.tag === 'text')[0]?.text, d.attrs['data-severity']])).toEqual(expected);
    // Drawn after every box, so no sibling or child covers one; at the box's top-right corner.
    const order = findAll(root, () => true);
    const lastBox = Math.max(...groups.map((g) => order.indexOf(g)));
    for (const d of drawn) {
      expect(order.indexOf(d)).toBeGreaterThan(lastBox);
      const b = abs.get(d.attrs['data-for'] ?? '');
      const tile = findAll(d, (e) => e.tag === 'rect')[0];
      if (!b || !tile) throw new Error('badge without a box or a tile');
      const r = pillRect(tile);
      expect(r.right).toBeGreaterThan(b.x + b.width);
      expect(r.top).toBeLessThan(b.y);
      expect(r.bottom).toBeGreaterThan(b.y);
    }
  });
});
