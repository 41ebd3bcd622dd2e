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
 * The direction inside each kind of subgraph. Mermaid lays out a subgraph in its own direction only when no link
 * leaves it, and sets subgraphs with no link between them side by side across that direction: so the VPC runs top to
 * bottom (its AZs in one row) and an AZ, a subnet and a host left to right (what they hold in one column). Kinds not
 * listed follow their parent.
 */
const DIRECTION: Partial<Record<GraphNodeKind, 'TB' | 'LR'>> = { vpc: 'TB', az: 'LR', subnet: 'LR', instance: 'LR', node: 'LR' };

/**
 * The region subgraph's direction: in the network view the chain and the VPC sit side by side (no link joins them);
 * in the service view the links run from the load balancers to the clusters, left to right.
 */
const REGION_DIRECTION: Record<View, 'TB' | 'LR'> = { network: 'TB', service: 'LR' };

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
 * A Mermaid flowchart read left to right: the region as one subgraph holding the load balancer → target group →
 * service chain and, beside it, the VPC with its AZs side by side; AZ, subnet, instance and cluster boxes as nested
 * subgraphs, every task or folded group as a node, the routes as labelled links.
 */
export function toMermaid(p: ExportInput): string {
  const { graph, topology } = p;
  const { source } = topology;
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const children = byParent(graph);
  const lines = [`%% ${mermaidComment(caption(source, graph.view))}`, 'flowchart LR'];
  const classes = new Map<string, string[]>();
  const emit = (n: GraphNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const id = ids.get(n.id) ?? '';
    const text = textLines(nodeText(n)).map(label).join('<br/>');
    const kids = children.get(n.id);
    if (kids?.length) {
      lines.push(`${pad}subgraph ${id}["${text}"]`);
      const direction = DIRECTION[n.kind];
      if (direction) lines.push(`${pad}  direction ${direction}`);
      for (const k of kids) emit(k, depth + 1);
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
  lines.push(`  subgraph region["${label(region)}"]`, `    direction ${REGION_DIRECTION[graph.view]}`);
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
