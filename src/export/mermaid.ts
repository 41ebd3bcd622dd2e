import type { GraphNode } from '../topology/graph/types';
import { childrenIndex } from '../topology/layout/packNetwork';
import { mermaidComment, mermaidText as label } from './escape';
import { caption, nodeText } from './labels';
import type { ExportInput } from './prepare';

/**
 * A Mermaid flowchart: VPC, AZ, subnet, instance and cluster boxes as nested subgraphs, every task or folded group
 * and the band as nodes, the routes and target groups as labelled edges.
 */
export function toMermaid(p: ExportInput): string {
  const { graph, topology } = p;
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const children = childrenIndex(graph);
  const lines = [`%% ${mermaidComment(caption(topology.source, graph.view))}`, 'flowchart TB'];
  const classes = new Map<string, string[]>();
  const emit = (n: GraphNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const id = ids.get(n.id) ?? '';
    const t = nodeText(n);
    const text = [t.glyph ? `${t.glyph} ${t.title}` : t.title, t.sub]
      .filter((x): x is string => Boolean(x))
      .map(label)
      .join('<br/>');
    const kids = children.get(n.id);
    if (kids?.length) {
      lines.push(`${pad}subgraph ${id}["${text}"]`);
      for (const k of kids) emit(k, depth + 1);
      lines.push(`${pad}end`);
    } else {
      lines.push(`${pad}${id}["${text}"]`);
    }
    const cls =
      (n.kind === 'task' && n.health === 'unhealthy') || (n.kind === 'taskGroup' && n.counts.unhealthy) || (n.kind === 'targetGroup' && n.counts.unhealthy)
        ? 'unhealthy'
        : n.kind;
    classes.set(cls, [...(classes.get(cls) ?? []), id]);
  };
  for (const n of children.get('') ?? []) emit(n, 1);
  for (const e of graph.edges) {
    const s = ids.get(e.source);
    const t = ids.get(e.target);
    if (s && t) lines.push(`  ${s} -->${e.label ? `|"${label(e.label)}"|` : ''} ${t}`);
  }
  lines.push('  classDef unhealthy fill:#fdecea,stroke:#d93025,stroke-width:2px');
  lines.push('  classDef loadBalancer fill:#f4eefc,stroke:#8c4fd1');
  lines.push('  classDef targetGroup fill:#ffffff,stroke:#5e6ad2');
  for (const [cls, members] of classes)
    if (cls === 'unhealthy' || cls === 'loadBalancer' || cls === 'targetGroup') lines.push(`  class ${members.join(',')} ${cls}`);
  return `${lines.join('\n')}\n`;
}
