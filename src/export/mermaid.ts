import { isGroup, isUnit, ROLE } from '../topology/graph/kinds';
import type { Graph, GraphNode, GraphNodeKind, View } from '../topology/graph/types';
import { mermaidComment, mermaidText as label } from '../topology/present/escape';
import { caption, nodeText, textLines } from '../topology/present/labels';
import { BOX_STYLE, HEALTH_COLORS, TASK_FILL, type BoxColors } from '../topology/present/theme';
import type { ExportInput } from './prepare';

/** The graph's nodes by their container ('' for the top level), in graph order: parents come before children. */
function byParent(graph: Graph): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const key = n.parent ?? '';
    out.set(key, [...(out.get(key) ?? []), n]);
  }
  return out;
}

/**
 * How each view is laid out. Mermaid keeps a subgraph's own direction only when no link leaves it, and sets subgraphs
 * with no link between them across its direction, in an order of its own.
 *
 * - network: the region top to bottom (the chain above the VPC, no link joins them); the VPC left to right, its AZs
 *   chained in order by invisible links (unchained, us-east-1a landed below the other two); an AZ, a subnet and a
 *   host left to right, so what they hold stacks in a column.
 * - service: links run from the target groups into the services, so no subgraph keeps a direction of its own and the
 *   whole chart runs top to bottom: the band above, the clusters side by side below it (left to right they stacked
 *   in one column ~1,000 × 8,700 px), and what a cluster, namespace or service holds in a near-square grid, each row
 *   held under the one before by invisible links.
 */
interface Shape {
  chart: 'TB' | 'LR';
  region: 'TB' | 'LR';
  /** Directions inside each kind of subgraph; kinds not listed follow their parent */
  direction: Partial<Record<GraphNodeKind, 'TB' | 'LR'>>;
  /** Kinds whose child subgraphs are chained in order, in one row */
  chain: ReadonlySet<GraphNodeKind>;
  /** Whether every subgraph sets what it holds in a grid */
  grid: boolean;
}

const SHAPE: Record<View, Shape> = {
  network: { chart: 'LR', region: 'TB', direction: { vpc: 'LR', az: 'LR', subnet: 'LR', instance: 'LR', node: 'LR' }, chain: new Set(['vpc']), grid: false },
  service: { chart: 'TB', region: 'TB', direction: {}, chain: new Set(), grid: true },
};

/** A grid needs at least this many things: two sit side by side as they are. */
const GRID_FROM = 3;

/** Invisible links that hold `ids` in rows of about √n, each under the one before (in a top-to-bottom chart). */
function gridLinks(ids: readonly string[]): string[] {
  if (ids.length < GRID_FROM) return [];
  const k = Math.ceil(Math.sqrt(ids.length));
  return ids.slice(0, -k).map((id, i) => `${id} ~~~ ${ids[i + k] ?? ''}`);
}

const BAND_TITLE: Record<View, string> = {
  network: 'Load balancers → target groups → services',
  service: 'Load balancers → target groups',
};

const classDef = (name: string, { fill, stroke }: BoxColors, extra = '') => `  classDef ${name} fill:${fill},stroke:${stroke}${extra}`;

/** The class a node is drawn with, if any: the alert colour first, then its kind's colours. */
function classOf(n: GraphNode): string | undefined {
  if ((isUnit(n) && n.health === 'unhealthy') || ((isGroup(n) || n.kind === 'targetGroup') && n.counts.unhealthy) || (n.kind === 'node' && n.ready === false))
    return 'unhealthy';
  if (n.kind === 'node' && n.spot) return 'spot';
  if (n.kind === 'loadBalancer' || n.kind === 'targetGroup') return n.kind;
  return undefined;
}

/**
 * A Mermaid flowchart: the region as one subgraph holding the load balancer → target group → service chain and, below
 * it, the VPC with its AZs side by side in order (network) or the clusters side by side (service); AZ, subnet,
 * instance, cluster, namespace and service boxes as nested subgraphs, every task or folded group as a node, the
 * routes as labelled links (`SHAPE` says why each view is shaped so).
 */
export function toMermaid(p: ExportInput): string {
  const { graph, topology } = p;
  const { source } = topology;
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const children = byParent(graph);
  const shape = SHAPE[graph.view];
  const lines = [`%% ${mermaidComment(caption(source, graph.view))}`, `flowchart ${shape.chart}`];
  const classes = new Map<string, string[]>();
  const emit = (n: GraphNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const id = ids.get(n.id) ?? '';
    const text = textLines(nodeText(n)).map(label).join('<br/>');
    const kids = children.get(n.id);
    if (kids?.length) {
      lines.push(`${pad}subgraph ${id}["${text}"]`);
      const direction = shape.direction[n.kind];
      if (direction) lines.push(`${pad}  direction ${direction}`);
      for (const k of kids) emit(k, depth + 1);
      const kidIds = kids.map((k) => ids.get(k.id) ?? '');
      if (shape.chain.has(n.kind) && kidIds.length > 1) lines.push(`${pad}  ${kidIds.join(' ~~~ ')}`);
      if (shape.grid) for (const link of gridLinks(kidIds)) lines.push(`${pad}  ${link}`);
      lines.push(`${pad}end`);
    } else {
      lines.push(`${pad}${id}["${text}"]`);
    }
    const cls = classOf(n);
    if (cls) classes.set(cls, [...(classes.get(cls) ?? []), id]);
  };
  const top = children.get('') ?? [];
  const band = top.filter((n) => ROLE[n.kind] !== 'box');
  const region = `AWS ${source.region}${source.accountId ? ` · account ${source.accountId}` : ''}`;
  lines.push(`  subgraph region["${label(region)}"]`, `    direction ${shape.region}`);
  if (band.length) {
    lines.push(`    subgraph band["${label(BAND_TITLE[graph.view])}"]`, '      direction LR');
    for (const n of band) emit(n, 3);
    lines.push('    end');
  }
  for (const n of top.filter((x) => ROLE[x.kind] === 'box')) emit(n, 2);
  lines.push('  end');
  for (const e of graph.edges) {
    const s = ids.get(e.source);
    const t = ids.get(e.target);
    if (s && t) lines.push(`  ${s} -->${e.label ? `|"${label(e.label)}"|` : ''} ${t}`);
  }
  lines.push(classDef('unhealthy', { fill: TASK_FILL.unhealthy, stroke: HEALTH_COLORS.unhealthy }, ',stroke-width:2px'));
  lines.push(classDef('spot', BOX_STYLE.node, ',stroke-dasharray:6 4'));
  lines.push(classDef('loadBalancer', BOX_STYLE.loadBalancer));
  lines.push(classDef('targetGroup', BOX_STYLE.targetGroup));
  for (const [cls, members] of classes) lines.push(`  class ${members.join(',')} ${cls}`);
  return `${lines.join('\n')}\n`;
}
