import { absoluteBoxes } from '../layout/absolute';
import { isGroup, isUnit } from '../graph/kinds';
import type { Graph, GraphNode } from '../graph/types';
import type { Box, Layout } from '../layout/types';

/** Half a pixel of slack: the packers work in fractions where a band row is centred. */
const SLACK = 0.5;

/** A child box lies within its parent's box (both in the parent's coordinates, as React Flow places children). */
export const insideParent = (child: Box, parent: Box) =>
  child.x >= 0 && child.y >= 0 && child.x + child.width <= parent.width + SLACK && child.y + child.height <= parent.height + SLACK;

/** Two boxes in one coordinate space share some area (touching edges do not count). */
export const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** `inner` lies within `outer`, both absolute. */
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - SLACK &&
  inner.y >= outer.y - SLACK &&
  inner.x + inner.width <= outer.x + outer.width + SLACK &&
  inner.y + inner.height <= outer.y + outer.height + SLACK;

/**
 * What a layout must hold, as a list of what it breaks (empty when it holds): one box per node in the graph's
 * order, parents before children, each box inside its parent, no two siblings overlapping, every task or pod
 * (placed or folded) inside a subnet, every subnet inside the column of its own AZ, and AZ columns in the graph's
 * order from left to right.
 */
export function layoutViolations(graph: Graph, layout: Layout): string[] {
  const out: string[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (layout.boxes.map((b) => b.id).join('\n') !== graph.nodes.map((n) => n.id).join('\n')) out.push('boxes are not one per node in graph order');
  const rel = new Map(layout.boxes.map((b) => [b.id, b]));
  const abs = absoluteBoxes(layout);
  const seen = new Set<string>();
  const siblings = new Map<string, Box[]>();
  for (const node of graph.nodes) {
    if (node.parent && !seen.has(node.parent)) out.push(`${node.id} comes before its parent ${node.parent}`);
    seen.add(node.id);
    const box = rel.get(node.id);
    if (!box) continue;
    const parent = node.parent ? rel.get(node.parent) : undefined;
    if (parent && !insideParent(box, parent)) out.push(`${node.kind} ${node.id} sticks out of ${node.parent}`);
    const key = node.parent ?? '';
    siblings.set(key, [...(siblings.get(key) ?? []), box]);
  }
  for (const list of siblings.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a && b && overlap(a, b)) out.push(`${a.id} overlaps ${b.id}`);
      }
  const ancestor = (n: GraphNode, kind: GraphNode['kind']): GraphNode | undefined => {
    let p = n.parent ? byId.get(n.parent) : undefined;
    while (p && p.kind !== kind) p = p.parent ? byId.get(p.parent) : undefined;
    return p;
  };
  if (graph.view === 'network') {
    for (const n of graph.nodes) {
      if (isUnit(n) || isGroup(n)) {
        const s = ancestor(n, 'subnet');
        const [box, sb] = [abs.get(n.id), s ? abs.get(s.id) : undefined];
        if (!s || !box || !sb || !within(box, sb)) out.push(`${n.kind} ${n.id} is not inside a subnet`);
      }
      if (n.kind === 'subnet') {
        const az = n.parent ? byId.get(n.parent) : undefined;
        const [box, ab] = [abs.get(n.id), az ? abs.get(az.id) : undefined];
        if (az?.kind !== 'az' || az.label !== n.az || !box || !ab || !within(box, ab)) out.push(`subnet ${n.id} is not inside the column of ${n.az}`);
      }
    }
    // Columns run left to right in the graph's AZ order.
    const columns = new Map<string, GraphNode[]>();
    for (const n of graph.nodes) if (n.kind === 'az' && n.parent) columns.set(n.parent, [...(columns.get(n.parent) ?? []), n]);
    for (const [vpc, list] of columns) {
      const xs = [...list]
        .sort((a, b) => graph.azs.indexOf(a.kind === 'az' ? a.label : '') - graph.azs.indexOf(b.kind === 'az' ? b.label : ''))
        .map((n) => abs.get(n.id)?.x ?? NaN);
      if (xs.some((x, i) => i > 0 && !(x > (xs[i - 1] ?? Infinity)))) out.push(`AZ columns of ${vpc} are not in order from left to right`);
    }
  }
  return out;
}
