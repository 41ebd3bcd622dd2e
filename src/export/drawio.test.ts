import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { isUnit } from '../topology/graph/kinds';
import type { GraphNode } from '../topology/graph/types';
import { HEALTH_COLORS } from '../topology/present/theme';
import { toDrawio } from './drawio';
import { layOutForExport } from './prepare';

type Xml = Record<string, unknown>;

interface Cell {
  id: string;
  parent: string;
  style: string;
  tooltip: string;
  vertex?: string;
  edge?: string;
  mxGeometry: Xml & { x?: string; y?: string; width?: string; height?: string; Array?: { mxPoint: Xml | Xml[] } };
}

function cellsOf(xml: string): Cell[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
  const root = ((((doc['mxfile'] as Xml)['diagram'] as Xml)['mxGraphModel'] as Xml)['root'] as Xml)['mxCell'];
  return (Array.isArray(root) ? root : [root]) as Cell[];
}

/** A style string as its key=value pairs; a bare word (the old shape shorthand) maps to itself. */
const styleOf = (cell: Cell | undefined): Map<string, string> =>
  new Map(
    String(cell?.style ?? '')
      .split(';')
      .filter(Boolean)
      .map((kv) => {
        const [k = '', v = k] = kv.split('=');
        return [k, v];
      }),
  );

/**
 * The draw.io AWS group icon (grIcon) each kind of box is drawn with: only icons draw.io's "AWS / Groups" palette
 * uses (Sidebar-AWS4.js). Its Availability Zone and its generic group have no icon: a plain dashed rectangle.
 */
function expectedIcon(n: GraphNode): string | undefined {
  switch (n.kind) {
    case 'vpc':
      return 'mxgraph.aws4.group_vpc2';
    case 'az':
      return undefined;
    case 'subnet':
      return n.exposure === 'unknown' ? undefined : 'mxgraph.aws4.group_security_group';
    case 'instance':
    case 'node':
      return 'mxgraph.aws4.group_ec2_instance_contents';
    case 'cluster':
      return n.engine === 'eks' ? 'mxgraph.aws4.eks' : 'mxgraph.aws4.ecs';
    case 'loadBalancer':
      return n.lbType === 'network' ? 'mxgraph.aws4.network_load_balancer' : 'mxgraph.aws4.application_load_balancer';
    case 'service':
      return 'mxgraph.aws4.ecs_service';
    case 'task':
    case 'taskGroup':
      return 'mxgraph.aws4.ecs_task';
    default:
      return undefined;
  }
}

describe.each(['network', 'service'] as const)('the draw.io file of the demo estate, %s view', (view) => {
  const input = layOutForExport(demoTopology(), { view });
  const cells = cellsOf(toDrawio(input));
  const byNode = new Map(cells.filter((c) => c.vertex === '1').map((c) => [c.tooltip, c]));
  const byId = new Map(cells.map((c) => [c.id, c]));

  it('draws each box with draw.io’s own AWS group shape and icon, and ships no artwork of its own', () => {
    for (const n of input.graph.nodes) {
      const style = styleOf(byNode.get(n.id));
      const icon = expectedIcon(n);
      if (icon) {
        expect(style.get('shape'), `${n.kind} ${n.id}`).toBe('mxgraph.aws4.group');
        expect(style.get('grIcon'), `${n.kind} ${n.id}`).toBe(icon);
      } else expect(style.get('grIcon'), `${n.kind} ${n.id}`).toBeUndefined();
    }
    for (const c of cells) expect(c.style ?? '').not.toMatch(/image=|data:/);
    const kinds = new Set(input.graph.nodes.map((n) => n.kind));
    expect(kinds.has(view === 'network' ? 'vpc' : 'cluster')).toBe(true);
  });

  it('draws an AZ as draw.io’s palette does: a dashed blue group with no icon and no fill', () => {
    const azs = input.graph.nodes.filter((n) => n.kind === 'az');
    if (view === 'network') expect(azs.length).toBeGreaterThan(0);
    for (const n of azs) {
      const style = styleOf(byNode.get(n.id));
      expect([style.get('shape'), style.get('strokeColor'), style.get('fillColor'), style.get('dashed')], n.id).toEqual([undefined, '#147EBA', 'none', '1']);
      expect(style.get('fontColor')).toBe('#147EBA');
    }
  });

  it('tells public from private subnets by draw.io’s subnet colours', () => {
    for (const n of input.graph.nodes) {
      if (n.kind !== 'subnet' || n.exposure === 'unknown') continue;
      const style = styleOf(byNode.get(n.id));
      expect(style.get('strokeColor'), n.id).toBe(n.exposure === 'public' ? '#7AA116' : '#00A4A6');
      expect(style.get('grStroke')).toBe('0');
    }
  });

  it('keeps every box inside its container: a container cell per parent, children placed within it', () => {
    for (const n of input.graph.nodes) {
      const cell = byNode.get(n.id);
      if (!cell) throw new Error(n.id);
      if (!n.parent) {
        expect(cell.parent).toBe('1');
        continue;
      }
      const parent = byId.get(cell.parent);
      expect(parent?.tooltip, n.id).toBe(n.parent);
      expect(styleOf(parent).get('container')).toBe('1');
      const g = cell.mxGeometry;
      const p = parent?.mxGeometry ?? {};
      expect(Number(g.x)).toBeGreaterThanOrEqual(0);
      expect(Number(g.y)).toBeGreaterThanOrEqual(0);
      expect(Number(g.x) + Number(g.width)).toBeLessThanOrEqual(Number(p.width));
      expect(Number(g.y) + Number(g.height)).toBeLessThanOrEqual(Number(p.height));
    }
  });

  it('keeps the marks: spot nodes dashed, older revisions hatched, unhealthy ones red', () => {
    for (const n of input.graph.nodes) {
      const style = styleOf(byNode.get(n.id));
      if (n.kind === 'node') expect(style.get('dashed') === '1', n.id).toBe(n.spot);
      if (isUnit(n)) {
        expect(style.get('fillStyle') === 'hatch', n.id).toBe(n.oldRevision);
        if (n.health === 'unhealthy') expect(style.get('strokeColor')).toBe(HEALTH_COLORS.unhealthy);
      }
    }
  });

  it('lays each edge along its route, attached where the route leaves and enters', () => {
    const routes = input.layout.routes ?? {};
    const edges = cells.filter((c) => c.edge === '1');
    expect(edges.length).toBe(input.graph.edges.length);
    for (const [i, e] of input.graph.edges.entries()) {
      const route = routes[e.id];
      const cell = edges[i];
      if (!route || !cell) continue;
      const raw = cell.mxGeometry.Array?.mxPoint;
      const points = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((p) => [Number(p['x']), Number(p['y'])]);
      expect(points, e.id).toEqual(route.slice(1, -1).map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]));
      const style = styleOf(cell);
      expect(style.get('exitY')).toBe('1');
      expect(style.get('entryY')).toBe('0');
    }
  });
});
