import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import type { GraphNode } from '../topology/graph/types';
import { mermaidText } from '../topology/present/escape';
import { nodeText, textLines } from '../topology/present/labels';
import { toDrawio } from './drawio';
import { toMermaid } from './mermaid';
import { layOutForExport } from './prepare';
import { toSvg } from './svg';

/** Every word the canvas shows for a node, as the canvas nodes take them from the presentation layer. */
function canvasWords(n: GraphNode): string[] {
  const t = nodeText(n);
  return [t.title, t.sub ?? '', t.glyph?.text ?? '', ...t.badges.map((b) => b.text), (t.chips ?? []).join(' ')].filter(Boolean);
}

type Xml = Record<string, unknown>;

/** The texts (<text> and <title>) of each SVG group, by node kind in drawing order. */
function svgTexts(svg: string): { kind: string; texts: string[] }[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, processEntities: true, htmlEntities: true });
  const out: { kind: string; texts: string[] }[] = [];
  const text = (nodes: Xml[]): string[] =>
    nodes.flatMap((x) => {
      const [tag] = Object.keys(x).filter((k) => k !== ':@');
      const kids = (tag ? x[tag] : []) as Xml[];
      if (tag === 'text' || tag === 'title') return [kids.map((k) => String(k['#text'] ?? '')).join('')];
      return Array.isArray(kids) ? text(kids) : [];
    });
  const walk = (nodes: Xml[]) => {
    for (const x of nodes) {
      const attrs = x[':@'] as Record<string, string> | undefined;
      const [tag] = Object.keys(x).filter((k) => k !== ':@');
      const kids = (tag ? x[tag] : []) as Xml[];
      if (tag === 'g' && attrs?.['data-kind']) out.push({ kind: attrs['data-kind'], texts: text(kids) });
      else if (Array.isArray(kids)) walk(kids);
    }
  };
  walk(doc.parse(svg) as Xml[]);
  return out;
}

/** A word is drawn when a text holds it whole, or cut to fit its box ("k8s-orders-ord…"). */
const drawn = (texts: string[], word: string) => texts.some((t) => t.includes(word) || (t.endsWith('…') && t.length > 3 && word.startsWith(t.slice(0, -1))));

describe.each(['network', 'service'] as const)('the demo estate’s words in the %s view', (view) => {
  const input = layOutForExport(demoTopology(), { view });
  const nodes = input.graph.nodes;

  it('covers glyphs, badges and health words of every kind, a Gateway LB aside', () => {
    const words = new Set(nodes.flatMap(canvasWords));
    for (const w of view === 'network'
      ? ['ALB', 'NLB', 'TG', 'VPC', 'AZ', 'EC2', 'EKS', 'public', 'private', '1 unhealthy', 'deploying']
      : ['ECS', 'EKS', 'NS'])
      expect(words, w).toContain(w);
  });

  it('SVG: each node’s group draws every word the canvas shows for it', () => {
    const groups = svgTexts(toSvg(input));
    expect(groups.map((g) => g.kind)).toEqual(expect.arrayContaining([...new Set(nodes.map((n) => n.kind))]));
    // Groups come in drawing order (containers, then leaves); match each node to its group by kind and order.
    const byKind = new Map<string, string[][]>();
    for (const g of groups) byKind.set(g.kind, [...(byKind.get(g.kind) ?? []), g.texts]);
    const containers = new Set(nodes.map((n) => n.parent));
    const order = [...nodes.filter((n) => containers.has(n.id)), ...nodes.filter((n) => !containers.has(n.id))];
    for (const n of order) {
      const texts = byKind.get(n.kind)?.shift() ?? [];
      for (const w of canvasWords(n)) expect(drawn(texts, w), `${n.kind} ${n.id}: "${w}" in ${JSON.stringify(texts)}`).toBe(true);
    }
  });

  it('draw.io: each cell’s text holds every word the canvas shows for its node', () => {
    const xml = toDrawio(input);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
    const cells = (((((doc['mxfile'] as Xml)['diagram'] as Xml)['mxGraphModel'] as Xml)['root'] as Xml)['mxCell'] as Xml[]).filter((c) => c['vertex'] === '1');
    const value = new Map(cells.map((c) => [String(c['tooltip']), String(c['value'])]));
    for (const n of nodes) for (const w of canvasWords(n)) expect(value.get(n.id), `${n.kind} ${n.id}`).toContain(w);
  });

  it('Mermaid: each node’s label holds every word the canvas shows for it', () => {
    const text = toMermaid(input);
    for (const n of nodes) {
      const label = textLines(nodeText(n)).map(mermaidText).join('<br/>');
      expect(text).toContain(`["${label}"]`);
      for (const w of canvasWords(n)) expect(label).toContain(mermaidText(w));
    }
  });
});
