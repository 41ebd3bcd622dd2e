import { isOwner } from '../graph/kinds';
import type { Graph, GraphEdge, GraphNode } from '../graph/types';
import { BAND_NODE_GAP, leafSize, SPACING } from './sizes';
import type { Box } from './types';

const LB = leafSize('loadBalancer');

/**
 * Load balancers across the top, each spanning the AZ columns it serves. Balancers with the same span share its
 * width side by side; spans that overlap take separate lanes.
 */
export function packLoadBalancers(
  lbs: readonly GraphNode[],
  columns: Map<string, { x: number; width: number }>,
  fallbackWidth: number,
): { boxes: Box[]; height: number } {
  const spanOf = (n: GraphNode) => {
    const cols = n.kind === 'loadBalancer' ? n.azs.map((az) => columns.get(az)).filter((c): c is { x: number; width: number } => c !== undefined) : [];
    if (!cols.length) return { x: 0, width: Math.max(fallbackWidth, LB.width) };
    const left = Math.min(...cols.map((c) => c.x));
    const right = Math.max(...cols.map((c) => c.x + c.width));
    return { x: left, width: right - left };
  };
  const groups = new Map<string, { span: { x: number; width: number }; members: GraphNode[] }>();
  for (const lb of lbs) {
    const span = spanOf(lb);
    const key = `${span.x}:${span.width}`;
    const g = groups.get(key) ?? { span, members: [] };
    g.members.push(lb);
    groups.set(key, g);
  }
  const lanes: { right: number; y: number }[] = [];
  const boxes: Box[] = [];
  let height = 0;
  const { gap, laneGap } = SPACING;
  for (const { span, members } of [...groups.values()].sort((a, b) => a.span.x - b.span.x || b.span.width - a.span.width)) {
    const perRow = Math.max(1, Math.floor((span.width + gap) / (LB.width + gap)));
    const across = Math.min(perRow, members.length);
    const rows = Math.ceil(members.length / perRow);
    const width = (span.width - (across - 1) * gap) / across;
    // First lane whose occupied range ends before this span starts, else a new lane below.
    let lane = lanes.find((l) => l.right <= span.x);
    if (!lane) {
      lane = { right: 0, y: lanes.reduce((y, l) => Math.max(y, l.y), -1) + 1 };
      lanes.push(lane);
    }
    const y0 = lane.y * (LB.height + laneGap);
    members.forEach((lb, i) => {
      boxes.push({ id: lb.id, x: span.x + (i % perRow) * (width + gap), y: y0 + Math.floor(i / perRow) * (LB.height + laneGap), width, height: LB.height });
    });
    lane.right = span.x + span.width + gap;
    // A group with several rows occupies several lanes' worth of height.
    lane.y += rows - 1;
    height = Math.max(height, y0 + rows * (LB.height + laneGap) - laneGap);
  }
  return { boxes, height };
}

/** The band's order: target groups under their load balancers, services and workloads under their groups. */
export function bandOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[], lbX: Map<string, number>): GraphNode[] {
  const tgX = new Map<string, number>();
  for (const e of edges) if (e.kind === 'route' && lbX.has(e.source)) tgX.set(e.target, Math.min(tgX.get(e.target) ?? Infinity, lbX.get(e.source) ?? 0));
  const tgs = nodes
    .filter((n) => n.kind === 'targetGroup')
    .sort((a, b) => (tgX.get(a.id) ?? Infinity) - (tgX.get(b.id) ?? Infinity) || a.label.localeCompare(b.label));
  const tgRank = new Map(tgs.map((t, i) => [t.id, i]));
  const svcRank = new Map<string, number>();
  for (const e of edges) if (e.kind === 'serves') svcRank.set(e.target, Math.min(svcRank.get(e.target) ?? Infinity, tgRank.get(e.source) ?? Infinity));
  const services = nodes.filter(isOwner).sort((a, b) => (svcRank.get(a.id) ?? Infinity) - (svcRank.get(b.id) ?? Infinity) || a.label.localeCompare(b.label));
  return [...tgs, ...services];
}

/**
 * The band between the load balancers and the boxes, packed group by group: a large band would be one very wide row
 * (500 services side by side), so it wraps; connected groups (a target group with its services) stay whole and in
 * order, filling rows up to `maxWidth`, and each row is packed by `packBandRow`. Bands of every size are packed the
 * same way: each target group over its own services reads better than a general layered layout, whose edges share
 * long horizontal runs.
 */
export function layoutBand(
  nodes: GraphNode[],
  graph: Graph,
  partitionOf: (n: GraphNode) => number,
  maxWidth: number,
): { boxes: Box[]; width: number; height: number } {
  const laid = bandRows(nodes, graph, partitionOf, maxWidth).map((row) => packBandRow(row.groups, partitionOf));
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
 * One row of the band: each connected group takes the width of its widest layer, and its nodes are centred in that
 * span layer by layer, so a target group sits over its services, edges run straight down and no two groups cross.
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
