import type { Node } from '@xyflow/react';
import { isGroup, isUnit, memberIds, ROLE } from '../topology/graph/kinds';
import type { Graph, GraphNode, HealthCounts, TaskHealth } from '../topology/graph/types';
import { SPACING } from '../topology/layout/sizes';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box, Layout } from '../topology/layout/types';
import { edgeEnds, type EdgeEnds } from '../topology/present/edges';
import { bandBars } from './sketchBand';
import { serviceBars, type SketchBar } from './sketchBars';
import type { TitlePart } from './sketchText';

/**
 * The overview level of detail. Past a few hundred leaves, the map at low zoom draws the contents of each subnet
 * (network view) or cluster (service view), and the whole band of load balancers, target groups and services, as
 * one canvas each: a handful of DOM nodes instead of thousands, with every task still drawn where the detailed
 * map puts it, in its service's colour and with its health.
 */
export interface SketchItem {
  id: string;
  kind: GraphNode['kind'];
  /** Relative to the sketch's top-left corner */
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  color: number;
  /** The service or workload that keeps it lit while one is in focus */
  ownerId?: string;
  health?: TaskHealth;
  counts?: HealthCounts;
  count?: number;
}

/** An edge of the band: its ends (source bottom-centre, target top-centre) relative to the sketch. */
export interface SketchLine extends EdgeEnds {
  source: string;
  target: string;
  unhealthy: boolean;
}

export interface SketchData extends Record<string, unknown> {
  width: number;
  height: number;
  items: SketchItem[];
  lines: SketchLine[];
  /** A subnet's or cluster's tasks and pods per service or workload, problems first; the band's load balancers, then its services */
  bars: SketchBar[];
  /** The heading drawn over the bars: the box's own title is a pixel or two high at overview zoom */
  title: TitlePart[];
}

export type SketchFlowNode = Node<SketchData, 'sketch'>;

/** Leaves plus band nodes past which the overview level exists at all; the demo estate never needs it. */
export const LOD_NODE_BUDGET = 500;

/** Load balancers, target groups, and services or workloads at the top level (the network view's band). */
const inBand = (n: GraphNode) => !n.parent && (ROLE[n.kind] === 'band' || ROLE[n.kind] === 'owner');

export function needsOverview(graph: Graph): boolean {
  let n = 0;
  for (const node of graph.nodes) if (isUnit(node) || isGroup(node) || inBand(node)) n++;
  return n > LOD_NODE_BUDGET;
}

/**
 * The zoom below which the overview is drawn: the zoom at which a screen of this size would show about
 * LOD_NODE_BUDGET task-sized nodes, kept between 0.3 and 0.9.
 */
export function overviewBelowZoom(screen: { width: number; height: number }, leaf: { width: number; height: number }): number {
  const area = (leaf.width + SPACING.gap) * (leaf.height + SPACING.gap);
  return Math.min(0.9, Math.max(0.3, Math.sqrt((screen.width * screen.height) / (LOD_NODE_BUDGET * area))));
}

function itemOf(node: GraphNode, box: Box, ox: number, oy: number): SketchItem | undefined {
  const base = { id: node.id, kind: node.kind, x: box.x - ox, y: box.y - oy, w: box.width, h: box.height };
  switch (node.kind) {
    case 'task':
    case 'pod':
      return { ...base, label: node.label, color: node.color, health: node.health, ...(node.ownerId ? { ownerId: node.ownerId } : {}) };
    case 'taskGroup':
    case 'podGroup':
      return {
        ...base,
        label: node.label,
        color: node.color,
        counts: node.counts,
        count: memberIds(node).length,
        ...(node.ownerId ? { ownerId: node.ownerId } : {}),
      };
    case 'instance':
      return { ...base, label: `${node.label} ${node.instanceType}`, color: -1 };
    case 'node':
      return { ...base, label: `EKS ${node.nodeGroup} ${node.label}`, color: -1 };
    case 'namespace':
      return { ...base, label: `namespace ${node.label}`, color: -1 };
    case 'service':
    case 'workload':
      return { ...base, label: node.label, color: node.color, ownerId: node.id, ...(node.unhealthy ? { health: 'unhealthy' as const } : {}) };
    case 'targetGroup':
      return { ...base, label: node.label, color: -1, counts: node.counts };
    case 'loadBalancer':
      return { ...base, label: node.label, color: -1 };
    default:
      return undefined;
  }
}

/** A subnet's VPC, AZ, and name with CIDR (the AZ kept longest: it tells the columns apart), or a cluster's name and detail. */
function titleOf(host: GraphNode | undefined, byId: ReadonlyMap<string, GraphNode>): TitlePart[] {
  switch (host?.kind) {
    case 'subnet': {
      const az = host.parent ? byId.get(host.parent) : undefined;
      const vpc = az?.parent ? byId.get(az.parent) : undefined;
      return [...(vpc?.kind === 'vpc' ? [{ text: vpc.label, rank: 2 }] : []), { text: host.az, rank: 0 }, { text: `${host.label} ${host.cidr}`, rank: 1 }];
    }
    case 'cluster':
      return [
        { text: host.label, rank: 0 },
        { text: host.detail, rank: 1 },
      ];
    default:
      return [];
  }
}

export interface Overview {
  /** Graph nodes still drawn as React Flow nodes (the boxes the sketches sit in) */
  keep: Set<string>;
  sketches: SketchFlowNode[];
}

/**
 * Pure: which nodes the overview keeps and the sketches that replace the rest. Every graph node is either kept or
 * drawn in exactly one sketch. The selection is not an input: each sketch reads it when it paints.
 */
export function overview(graph: Graph, layout: Layout): Overview {
  const abs = absoluteBoxes(layout);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // The sketch a node is drawn in: the nearest ancestor that is a subnet (network) or cluster (service), or the band.
  const hostKind = graph.view === 'network' ? 'subnet' : 'cluster';
  const hostOf = new Map<string, string>();
  const keep = new Set<string>();
  for (const n of graph.nodes) {
    if (!n.parent) {
      if (inBand(n)) hostOf.set(n.id, 'band');
      else keep.add(n.id);
      continue;
    }
    const parent = byId.get(n.parent);
    const inherited = hostOf.get(n.parent);
    if (inherited) hostOf.set(n.id, inherited);
    else if (parent?.kind === hostKind) hostOf.set(n.id, parent.id);
    else keep.add(n.id);
  }
  const members = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const host = hostOf.get(n.id);
    if (!host) continue;
    const list = members.get(host);
    if (list) list.push(n);
    else members.set(host, [n]);
  }
  const sketches: SketchFlowNode[] = [];
  for (const [host, nodes] of members) {
    const boxes = nodes.map((n) => abs.get(n.id)).filter((b): b is Box => b !== undefined);
    if (!boxes.length) continue;
    // A host box's sketch sits below its title; the band's covers the band's extent.
    const hostBox = host === 'band' ? undefined : abs.get(host);
    const header = hostKind === 'subnet' ? SPACING.header.subnet : SPACING.header.cluster;
    const frame = hostBox
      ? { x: hostBox.x, y: hostBox.y + header, width: hostBox.width, height: Math.max(1, hostBox.height - header) }
      : (() => {
          const x = Math.min(...boxes.map((b) => b.x));
          const y = Math.min(...boxes.map((b) => b.y));
          return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
        })();
    const items = nodes.flatMap((n) => {
      const b = abs.get(n.id);
      const item = b ? itemOf(n, b, frame.x, frame.y) : undefined;
      return item ? [item] : [];
    });
    const lines: SketchLine[] = [];
    if (host === 'band') {
      for (const e of graph.edges) {
        const s = abs.get(e.source);
        const t = abs.get(e.target);
        if (!s || !t || hostOf.get(e.source) !== 'band' || hostOf.get(e.target) !== 'band') continue;
        const shift = (b: Box): Box => ({ ...b, x: b.x - frame.x, y: b.y - frame.y });
        lines.push({
          ...edgeEnds(shift(s), shift(t)),
          source: e.source,
          target: e.target,
          unhealthy: e.unhealthy,
        });
      }
    }
    const id = `sketch:${host}`;
    const position = hostBox ? { x: 0, y: header } : { x: frame.x, y: frame.y };
    sketches.push({
      id,
      type: 'sketch',
      position,
      ...(hostBox ? { parentId: host } : {}),
      width: frame.width,
      height: frame.height,
      measured: { width: frame.width, height: frame.height },
      handles: [],
      draggable: false,
      connectable: false,
      selectable: false,
      zIndex: 1,
      data: {
        width: frame.width,
        height: frame.height,
        items,
        lines,
        bars: host === 'band' ? bandBars(nodes, graph.edges, byId) : serviceBars(items),
        title: titleOf(byId.get(host), byId),
      },
    });
  }
  return { keep, sketches };
}

/** The item under a point of a sketch (sketch coordinates); the smallest one wins when boxes nest. */
export function itemAt(items: readonly SketchItem[], x: number, y: number): SketchItem | undefined {
  let best: SketchItem | undefined;
  for (const it of items) {
    if (x < it.x || y < it.y || x > it.x + it.w || y > it.y + it.h) continue;
    if (!best || it.w * it.h < best.w * best.h) best = it;
  }
  return best;
}
