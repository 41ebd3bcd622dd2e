import { Resvg } from '@resvg/resvg-js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { parseSnapshotValue, resourcesOf, type Topology } from '../topology/model';
import { toDrawio } from './drawio';
import { toHtml } from './html';
import { toMermaid } from './mermaid';
import { layOutForExport, type ExportInput } from './prepare';
import { toSvg } from './svg';

const worlds: Record<string, Topology> = {
  demo: demoTopology(),
  large: syntheticEstate({ clusters: 6, services: 120, tasks: 1500, loadBalancers: 6, azs: 3, seed: 3 }),
};

const cases = ['demo', 'large'].flatMap((world) => (['network', 'service'] as const).map((view) => ({ world, view })));

function prep(world: string, view: 'network' | 'service'): ExportInput {
  const t = worlds[world];
  if (!t) throw new Error(world);
  return layOutForExport(t, { view });
}

type Xml = Record<string, unknown>;
const asList = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : v === undefined ? [] : [v as Xml]);

describe.each(cases)('exports of the $world estate, $view view', ({ world, view }) => {
  it('SVG: well-formed, self-contained, every service named, every task, pod or their group drawn under its kind', async () => {
    const p = prep(world, view);
    const svg = toSvg(p);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/(href|src)="(https?:|\/\/)/);
    for (const s of resourcesOf(p.topology, 'service')) expect(svg).toContain(`>${s.name}`);
    for (const kind of ['task', 'taskGroup', 'pod', 'podGroup', 'workload'] as const) {
      const drawn = (svg.match(new RegExp(`data-kind="${kind}"`, 'g')) ?? []).length;
      expect(drawn, kind).toBe(p.graph.nodes.filter((n) => n.kind === kind).length);
    }
  });

  it('draw.io: one cell per node inside its container, every edge attached at both ends', async () => {
    const p = prep(world, view);
    const xml = toDrawio(p);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
    const root = ((((doc['mxfile'] as Xml)['diagram'] as Xml)['mxGraphModel'] as Xml)['root'] as Xml)['mxCell'];
    const cells = asList(root);
    const ids = new Set(cells.map((c) => String(c['id'])));
    const vertices = cells.filter((c) => c['vertex'] === '1');
    const edges = cells.filter((c) => c['edge'] === '1');
    expect(vertices).toHaveLength(p.graph.nodes.length);
    expect(edges).toHaveLength(p.graph.edges.length);
    for (const v of vertices) expect(ids.has(String(v['parent']))).toBe(true);
    for (const e of edges) {
      expect(ids.has(String(e['source']))).toBe(true);
      expect(ids.has(String(e['target']))).toBe(true);
    }
    // Containment mirrors the graph: a subnet's cell sits in its AZ's cell, a task in its subnet or instance.
    const byTooltip = new Map(vertices.map((v) => [String(v['tooltip']), v]));
    for (const n of p.graph.nodes.filter((x) => x.parent)) {
      expect(byTooltip.get(n.id)?.['parent']).toBe(byTooltip.get(n.parent ?? '')?.['id']);
    }
    const containers = vertices.filter((v) => String(v['style']).includes('container=1'));
    expect(containers.length).toBe(new Set(p.graph.nodes.map((n) => n.parent).filter(Boolean)).size);
  });

  it('Mermaid: a flowchart whose subgraphs nest and close, one node line per leaf, one edge line per edge', async () => {
    const p = prep(world, view);
    const text = toMermaid(p);
    expect(text.split('\n')[1]).toBe(view === 'service' ? 'flowchart TB' : 'flowchart LR');
    const opens = (text.match(/^\s*subgraph /gm) ?? []).length;
    // One per container, the region's and the load balancers' chain's.
    expect(opens).toBe(new Set(p.graph.nodes.map((n) => n.parent).filter(Boolean)).size + 2);
    expect((text.match(/^\s*end$/gm) ?? []).length).toBe(opens);
    expect((text.match(/ --> /g) ?? []).length + (text.match(/ -->\|/g) ?? []).length).toBe(p.graph.edges.length);
    expect(text).not.toMatch(/\["[^"\n]*"[^\]\n]*"\]/);
  });
});

describe('JSON snapshot and single-file HTML', () => {
  it('the JSON export reopens as the same topology', async () => {
    const p = prep('large', 'network');
    const back = parseSnapshotValue(JSON.parse(JSON.stringify(p.topology)));
    if (!back.ok) throw new Error(back.error);
    expect(Object.keys(back.topology.resources)).toHaveLength(Object.keys(p.topology.resources).length);
  });

  it('the HTML file embeds the snapshot safely and allows no network access', async () => {
    const p = prep('demo', 'network');
    const hostile = { ...p.topology, source: { ...p.topology.source, label: '</script><script>alert(1)</script>' } };
    const html = toHtml(hostile, { js: 'console.log("</script>")', css: 'body{}' }, 'title </title>');
    expect(html).toContain(`default-src 'none'`);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<title>title </title>');
    const json = /<script type="application\/json" id="fleetmap-snapshot">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(parseSnapshotValue(JSON.parse(json)).ok).toBe(true);
  });
});

/** Characters XML 1.0 cannot hold, even escaped: a file holding one is not XML, and resvg refuses it. */
const NOT_XML = /(?![\t\n\r])[\p{Cc}\p{Cs}]|[\uFFFE\uFFFF]/u;

describe('names no export format can be broken by', () => {
  const HOSTILE = 'web\u0000\u0007\u001b\ud800 first line\nsecond line %%{init: {"securityLevel":"loose"}}%% #quot; `x`';

  /** The demo estate with a service, a VPC and the read's label and region named to break each format. */
  function hostile(view: 'network' | 'service'): ExportInput {
    const t = worlds['demo'];
    if (!t) throw new Error('demo');
    const resources = Object.fromEntries(
      Object.entries(t.resources).map(([id, r]) => [id, r.kind === 'service' || r.kind === 'vpc' ? { ...r, name: `${r.name ?? ''} ${HOSTILE}` } : r]),
    );
    const source = { ...t.source, label: 'prod\n%%{init: {"theme":"dark"}}%%\nflowchart LR\u0000', region: 'us-east-1\r\n%%{init}%%' };
    return layOutForExport({ ...t, source, resources }, { view });
  }

  it.each(['network', 'service'] as const)('SVG (%s view): well-formed XML 1.0 with the control characters left out', async (view) => {
    const svg = toSvg(hostile(view));
    expect(svg).not.toMatch(NOT_XML);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(() => new XMLParser({ ignoreAttributes: false }).parse(svg)).not.toThrow();
    expect(svg).toContain('web first line');
  });

  it.each(['network', 'service'] as const)('draw.io (%s view): well-formed, and a second line survives as &#10;', async (view) => {
    const xml = toDrawio(hostile(view));
    expect(xml).not.toMatch(NOT_XML);
    expect(XMLValidator.validate(xml)).toBe(true);
    // A raw newline inside an attribute is read back as a space (XML attribute normalisation): it must be encoded.
    expect(xml).not.toMatch(/="[^"]*[\n\r\t][^"]*"/);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(xml) as Xml;
    const diagram = (doc['mxfile'] as Xml)['diagram'] as Xml;
    const cells = asList(((diagram['mxGraphModel'] as Xml)['root'] as Xml)['mxCell']);
    const named = cells.find((c) => String(c['value']).includes('first line'));
    expect(String(named?.['value'])).toContain('first line\nsecond line');
    expect(String(diagram['name'])).toContain('prod\n%%{init');
  });

  it.each(['network', 'service'] as const)('Mermaid (%s view): no directive from a name or the caption, a newline stays in its node', async (view) => {
    const text = toMermaid(hostile(view));
    const lines = text.split('\n');
    expect(text).not.toContain('%%{');
    expect(text).not.toMatch(NOT_XML);
    expect(lines[1]).toBe(view === 'service' ? 'flowchart TB' : 'flowchart LR');
    expect(lines.filter((l) => l.startsWith('%%'))).toHaveLength(1);
    // Every line is a comment, a statement or a subgraph's end: no line begins with a name's second line.
    for (const l of lines.filter((x) => x.trim()))
      expect(l).toMatch(/^(%% |flowchart |\s+(subgraph (n\d+|region|band)\[|direction (TB|LR)$|n\d+\[|n\d+ -->|n\d+( ~~~ n\d+)+$|end$|classDef |class ))/);
    expect(lines.find((l) => l.includes('subgraph region'))).toMatch(/\["[^"]*"\]$/);
    const node = lines.find((l) => l.includes('first line'));
    expect(node).toContain('second line');
    expect(node).toMatch(/\["[^"]*"\]$/);
  });
});

/** The right edge of everything drawn, measured with a real font (as `fleetmap export --format png` renders). */
function drawnRightEdge(svg: string): { right: number; width: number } {
  const r = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  const box = r.getBBox();
  return { right: box ? box.x + box.width : 0, width: r.width };
}

describe('the SVG of an empty region', () => {
  /** A real read of a region holding no containers (the same file the browser test opens). */
  const emptyRegion = async () => {
    const parsed = parseSnapshotValue(JSON.parse(await readFile(new URL('../../e2e/fixtures/empty-region.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.topology;
  };

  it.each(['network', 'service'] as const)('(%s view) is as wide as its caption and says the region holds no containers', async (view) => {
    const svg = toSvg(layOutForExport(await emptyRegion(), { view }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('No ECS or EKS containers in eu-west-2');
    // The font is there: the caption alone, on a canvas wide enough, measures hundreds of pixels.
    const wide = svg.replace(/width="\d+" height="(\d+)" viewBox="0 0 \d+ /, 'width="4000" height="$1" viewBox="0 0 4000 ');
    expect(drawnRightEdge(wide).right).toBeGreaterThan(300);
    const { right, width } = drawnRightEdge(svg);
    expect(right).toBeLessThanOrEqual(width);
  });

  it('a map narrower than its caption is widened to hold it', async () => {
    const t = await emptyRegion();
    const narrow = topologyWithOneTask(t);
    const svg = toSvg(layOutForExport(narrow, { view: 'service' }));
    const { right, width } = drawnRightEdge(svg);
    expect(right).toBeLessThanOrEqual(width);
  });
});

/** One standalone Fargate task in a region otherwise empty: a map far narrower than its caption. */
function topologyWithOneTask(t: Topology): Topology {
  const arn = 'arn:aws:ecs:eu-west-2:123456789012:task/batch/0123456789abcdef0123456789abcdef';
  const task = {
    kind: 'task' as const,
    id: arn,
    clusterArn: 'arn:aws:ecs:eu-west-2:123456789012:cluster/batch',
    group: 'family:nightly',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    taskDefinitionArn: 'arn:aws:ecs:eu-west-2:123456789012:task-definition/nightly:3',
    containers: [],
  };
  return {
    ...t,
    source: { ...t.source, label: 'AWS profile platform-production-readonly (assumed role FleetmapReader)' },
    resources: { ...t.resources, [arn]: task },
  };
}
