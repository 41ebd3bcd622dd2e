import type { Graph, GraphNode } from '../graph/types';
import { bandOrder, packLoadBalancers } from './band';
import { packNetwork } from './packNetwork';
import { packService } from './packService';
import { BAND_ELK_LIMIT, BAND_MIN_WIDTH, BAND_NODE_GAP, ELK_BAND_OPTIONS, leafSize, SPACING } from './sizes';
import type { Box, ElkLike, ElkNode, Layout } from './types';

/** ELK lays out only the small band graph; every node gets its fixed size and a partition (its row). */
async function layoutBandRow(
  elk: ElkLike,
  nodes: GraphNode[],
  graph: Graph,
  partitionOf: (n: GraphNode) => number,
): Promise<{ boxes: Box[]; width: number; height: number }> {
  if (!nodes.length) return { boxes: [], width: 0, height: 0 };
  const ids = new Set(nodes.map((n) => n.id));
  const root: ElkNode = {
    id: 'band',
    layoutOptions: ELK_BAND_OPTIONS,
    children: nodes.map((n) => ({ id: n.id, ...leafSize(n.kind), layoutOptions: { 'elk.partitioning.partition': String(partitionOf(n)) } })),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(root);
  const boxes = (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  return { boxes, width: out.width ?? 0, height: out.height ?? 0 };
}

/**
 * A large band would be one very wide row (500 services side by side), so it wraps: connected groups (a target
 * group with its services) stay whole and in order, filling rows up to `maxWidth`, and ELK lays out each row.
 */
async function layoutBand(
  elk: ElkLike,
  nodes: GraphNode[],
  graph: Graph,
  partitionOf: (n: GraphNode) => number,
  maxWidth: number,
): Promise<{ boxes: Box[]; width: number; height: number }> {
  const rows = bandRows(nodes, graph, partitionOf, maxWidth);
  // ELK untangles a small band; a large one is already ordered group by group, and packing it is instant.
  const laid =
    nodes.length > BAND_ELK_LIMIT
      ? rows.map((row) => packBandRow(row.groups, partitionOf))
      : await Promise.all(rows.map((row) => layoutBandRow(elk, row.nodes, graph, partitionOf)));
  const boxes: Box[] = [];
  let y = 0;
  let width = 0;
  for (const row of laid) {
    const dx = Math.max(0, (maxWidth - row.width) / 2);
    for (const b of row.boxes) boxes.push({ ...b, x: b.x + (laid.length > 1 ? dx : 0), y: b.y + y });
    width = Math.max(width, laid.length > 1 ? maxWidth : row.width);
    y += row.height + SPACING.bandRowGap;
  }
  return { boxes, width, height: laid.length ? y - SPACING.bandRowGap : 0 };
}

/**
 * One row of a large band without ELK: each connected group takes the width of its widest layer, and its nodes are
 * centred in that span layer by layer, so edges run nearly straight down and no two groups cross.
 */
export function packBandRow(groups: readonly GraphNode[][], partitionOf: (n: GraphNode) => number): { boxes: Box[]; width: number; height: number } {
  const layers = [...new Set(groups.flat().map(partitionOf))].sort((a, b) => a - b);
  const layerHeight = new Map(
    layers.map((l) => [
      l,
      Math.max(
        0,
        ...groups
          .flat()
          .filter((n) => partitionOf(n) === l)
          .map((n) => leafSize(n.kind).height),
      ),
    ]),
  );
  const layerY = new Map<number, number>();
  let y = 0;
  for (const l of layers) {
    layerY.set(l, y);
    y += (layerHeight.get(l) ?? 0) + SPACING.bandLayerGap;
  }
  const boxes: Box[] = [];
  let x = 0;
  for (const group of groups) {
    const span = groupWidth(group, partitionOf);
    for (const l of layers) {
      const members = group.filter((n) => partitionOf(n) === l);
      const used = members.reduce((w, n) => w + leafSize(n.kind).width + BAND_NODE_GAP, 0);
      let mx = x + (span - used) / 2;
      for (const n of members) {
        const size = leafSize(n.kind);
        boxes.push({ id: n.id, x: mx, y: layerY.get(l) ?? 0, ...size });
        mx += size.width + BAND_NODE_GAP;
      }
    }
    x += span;
  }
  return { boxes, width: Math.max(0, x - BAND_NODE_GAP), height: Math.max(0, y - SPACING.bandLayerGap) };
}

/** A group's width is that of its widest layer. */
function groupWidth(group: readonly GraphNode[], partitionOf: (n: GraphNode) => number): number {
  const perLayer = new Map<number, number>();
  for (const n of group) perLayer.set(partitionOf(n), (perLayer.get(partitionOf(n)) ?? 0) + leafSize(n.kind).width + BAND_NODE_GAP);
  return Math.max(0, ...perLayer.values());
}

/** Splits band nodes (in model order) into rows of whole connected groups; a group is never cut across two rows. */
export function bandRows(
  nodes: readonly GraphNode[],
  graph: Graph,
  partitionOf: (n: GraphNode) => number,
  maxWidth: number,
): { nodes: GraphNode[]; groups: GraphNode[][] }[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const root = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i] ?? i] ?? i;
    return i;
  };
  for (const e of graph.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined) root[find(a)] = find(b);
  }
  const groups = new Map<number, GraphNode[]>();
  nodes.forEach((n, i) => {
    const key = find(i);
    const g = groups.get(key);
    if (g) g.push(n);
    else groups.set(key, [n]);
  });
  const rows: { nodes: GraphNode[]; groups: GraphNode[][] }[] = [];
  let current: { nodes: GraphNode[]; groups: GraphNode[][] } = { nodes: [], groups: [] };
  let used = 0;
  for (const group of groups.values()) {
    const w = groupWidth(group, partitionOf);
    if (current.nodes.length && used + w > maxWidth) {
      rows.push(current);
      current = { nodes: [], groups: [] };
      used = 0;
    }
    current.nodes.push(...group);
    current.groups.push(group);
    used += w;
  }
  if (current.nodes.length) rows.push(current);
  return rows;
}

function ordered(graph: Graph, boxes: Map<string, Box>): Box[] {
  return graph.nodes.map((n) => boxes.get(n.id)).filter((b): b is Box => b !== undefined);
}

/**
 * Pure given ELK: graph → boxes. The hierarchy is packed deterministically; ELK places the band of target groups
 * and services (network view) or load balancers and target groups (service view) between the top and the boxes.
 */
export async function layoutGraph(graph: Graph, elk: ElkLike): Promise<Layout> {
  const top = graph.nodes.filter((n) => n.parent === undefined);
  const { bandGap } = SPACING;
  if (graph.view === 'network') {
    const packed = packNetwork(graph);
    const lbs = packLoadBalancers(
      top.filter((n) => n.kind === 'loadBalancer'),
      packed.columns,
      packed.width,
    );
    const lbX = new Map(lbs.boxes.map((b) => [b.id, b.x + b.width / 2]));
    const bandNodes = bandOrder(top, graph.edges, lbX);
    const band = await layoutBand(elk, bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
    const bandY = lbs.height ? lbs.height + bandGap : 0;
    const bandX = Math.max(0, (packed.width - band.width) / 2);
    const vpcY = bandY + (band.height ? band.height + bandGap : 0);
    const all = new Map(packed.boxes);
    for (const b of lbs.boxes) all.set(b.id, b);
    for (const b of band.boxes) all.set(b.id, { ...b, x: b.x + bandX, y: b.y + bandY });
    for (const n of top) {
      const b = all.get(n.id);
      if (b && (n.kind === 'vpc' || n.kind === 'cluster')) all.set(n.id, { ...b, y: b.y + vpcY });
    }
    return { boxes: ordered(graph, all), width: Math.max(packed.width, band.width + bandX), height: vpcY + packed.height };
  }
  const packed = packService(graph);
  const bandNodes: GraphNode[] = [
    ...top.filter((n) => n.kind === 'loadBalancer'),
    ...bandOrder(top, graph.edges, new Map()).filter((n) => n.kind === 'targetGroup'),
  ];
  const band = await layoutBand(elk, bandNodes, graph, (n) => (n.kind === 'loadBalancer' ? 0 : 1), Math.max(packed.width, BAND_MIN_WIDTH));
  const bandX = Math.max(0, (packed.width - band.width) / 2);
  const clusterY = band.height ? band.height + bandGap : 0;
  const all = new Map(packed.boxes);
  for (const b of band.boxes) all.set(b.id, { ...b, x: b.x + bandX });
  for (const n of top) {
    const b = all.get(n.id);
    if (b && n.kind === 'cluster') all.set(n.id, { ...b, y: b.y + clusterY });
  }
  return { boxes: ordered(graph, all), width: Math.max(packed.width, band.width), height: clusterY + packed.height };
}
