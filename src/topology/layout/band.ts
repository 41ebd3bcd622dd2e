import type { GraphEdge, GraphNode } from '../graph/types';
import { leafSize, SPACING } from './sizes';
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

/** Order for ELK's model-order strategy: target groups under their load balancers, services under their groups. */
export function bandOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[], lbX: Map<string, number>): GraphNode[] {
  const tgX = new Map<string, number>();
  for (const e of edges) if (e.kind === 'route' && lbX.has(e.source)) tgX.set(e.target, Math.min(tgX.get(e.target) ?? Infinity, lbX.get(e.source) ?? 0));
  const tgs = nodes
    .filter((n) => n.kind === 'targetGroup')
    .sort((a, b) => (tgX.get(a.id) ?? Infinity) - (tgX.get(b.id) ?? Infinity) || a.label.localeCompare(b.label));
  const tgRank = new Map(tgs.map((t, i) => [t.id, i]));
  const svcRank = new Map<string, number>();
  for (const e of edges) if (e.kind === 'serves') svcRank.set(e.target, Math.min(svcRank.get(e.target) ?? Infinity, tgRank.get(e.source) ?? Infinity));
  const services = nodes
    .filter((n) => n.kind === 'service')
    .sort((a, b) => (svcRank.get(a.id) ?? Infinity) - (svcRank.get(b.id) ?? Infinity) || a.label.localeCompare(b.label));
  return [...tgs, ...services];
}
