import type { Graph, GraphNode } from '../graph/types';
import type { Box } from './types';

/**
 * The band can stay as it was drawn when it holds the same nodes in the same order, joined by the same edges: its
 * packing reads nothing else from the hierarchy but the AZ columns, which a kept frame keeps.
 */
export function bandUnchanged(graph: Graph, previous: Graph, prevBoxes: ReadonlyMap<string, Box>, inHierarchy: (n: GraphNode) => boolean): boolean {
  const members = (g: Graph) => g.nodes.filter((n) => !inHierarchy(n));
  const now = members(graph);
  const was = members(previous);
  if (now.length !== was.length || now.some((n, i) => n.id !== was[i]?.id || n.kind !== was[i]?.kind || !prevBoxes.has(n.id))) return false;
  const ids = new Set(now.map((n) => n.id));
  const joins = (g: Graph) =>
    g.edges
      .filter((e) => ids.has(e.source) || ids.has(e.target))
      .map((e) => `${e.kind}:${e.source}>${e.target}`)
      .sort()
      .join('\n');
  return joins(graph) === joins(previous);
}

/** Absolute x span of each AZ column (the first VPC's, as the packer reports them), from placed boxes. */
export function columnsOf(graph: Graph, boxes: ReadonlyMap<string, Box>): Map<string, { x: number; width: number }> {
  const out = new Map<string, { x: number; width: number }>();
  for (const n of graph.nodes) {
    if (n.kind !== 'az' || out.has(n.label)) continue;
    const az = boxes.get(n.id);
    const vpc = n.parent ? boxes.get(n.parent) : undefined;
    if (az && vpc) out.set(n.label, { x: vpc.x + az.x, width: az.width });
  }
  return out;
}
