import { isGroup, isUnit } from '../topology/graph/kinds';
import type { Graph, GraphNode } from '../topology/graph/types';
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

const classDef = (name: string, { fill, stroke }: BoxColors, width = '') => `  classDef ${name} fill:${fill},stroke:${stroke}${width}`;

/**
 * A Mermaid flowchart: VPC, AZ, subnet, instance and cluster boxes as nested subgraphs, every task or folded group
 * and the band as nodes, the routes and target groups as labelled edges.
 */
export function toMermaid(p: ExportInput): string {
  const { graph, topology } = p;
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const children = byParent(graph);
  const lines = [`%% ${mermaidComment(caption(topology.source, graph.view))}`, 'flowchart TB'];
  const classes = new Map<string, string[]>();
  const emit = (n: GraphNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const id = ids.get(n.id) ?? '';
    const text = textLines(nodeText(n)).map(label).join('<br/>');
    const kids = children.get(n.id);
    if (kids?.length) {
      lines.push(`${pad}subgraph ${id}["${text}"]`);
      for (const k of kids) emit(k, depth + 1);
      lines.push(`${pad}end`);
    } else {
      lines.push(`${pad}${id}["${text}"]`);
    }
    const cls = (isUnit(n) && n.health === 'unhealthy') || ((isGroup(n) || n.kind === 'targetGroup') && n.counts.unhealthy) ? 'unhealthy' : n.kind;
    classes.set(cls, [...(classes.get(cls) ?? []), id]);
  };
  for (const n of children.get('') ?? []) emit(n, 1);
  for (const e of graph.edges) {
    const s = ids.get(e.source);
    const t = ids.get(e.target);
    if (s && t) lines.push(`  ${s} -->${e.label ? `|"${label(e.label)}"|` : ''} ${t}`);
  }
  lines.push(classDef('unhealthy', { fill: TASK_FILL.unhealthy, stroke: HEALTH_COLORS.unhealthy }, ',stroke-width:2px'));
  lines.push(classDef('loadBalancer', BOX_STYLE.loadBalancer));
  lines.push(classDef('targetGroup', BOX_STYLE.targetGroup));
  for (const [cls, members] of classes)
    if (cls === 'unhealthy' || cls === 'loadBalancer' || cls === 'targetGroup') lines.push(`  class ${members.join(',')} ${cls}`);
  return `${lines.join('\n')}\n`;
}
