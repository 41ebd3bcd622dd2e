import { Position, type Edge, type Node } from '@xyflow/react';
import type { Graph, GraphNode } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import type { SketchFlowNode } from './sketch';

export type FlowData = { node: GraphNode; dim: boolean; container: boolean; selected: boolean };
export type FlowNode = Node<FlowData, GraphNode['kind']>;
/** What the canvas draws: graph nodes, and at overview zoom the sketches standing for many of them */
export type MapNode = FlowNode | SketchFlowNode;

const BAND = new Set(['loadBalancer', 'targetGroup', 'service']);

/** Handles are declared up front with the size, so React Flow never mounts a node just to measure it. */
function handlesFor(kind: GraphNode['kind'], width: number, height: number, container: boolean): NonNullable<Node['handles']> {
  if (!BAND.has(kind) || (kind === 'service' && container))
    return kind === 'service' ? [{ type: 'target', position: Position.Top, x: width / 2 - 4, y: -4, width: 8, height: 8 }] : [];
  return [
    { type: 'target', position: Position.Top, x: width / 2 - 4, y: -4, width: 8, height: 8 },
    { type: 'source', position: Position.Bottom, x: width / 2 - 4, y: height - 4, width: 8, height: 8 },
  ];
}

/** Which service the selection stands for, so its tasks light up across every AZ and the rest dims. */
export function focusService(graph: Graph, selected: string | undefined): string | undefined {
  if (!selected) return undefined;
  const node = graph.nodes.find((n) => n.id === selected);
  if (!node) return undefined;
  if (node.kind === 'service') return node.id;
  if (node.kind === 'task' || node.kind === 'taskGroup') return node.serviceId;
  return undefined;
}

export function toFlowNodes(graph: Graph, layout: Layout, selected: string | undefined): FlowNode[] {
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  const focus = focusService(graph, selected);
  const out: FlowNode[] = [];
  for (const node of graph.nodes) {
    const box = boxes.get(node.id);
    if (!box) continue;
    const container = parents.has(node.id);
    const dim =
      focus !== undefined &&
      (node.kind === 'task' || node.kind === 'taskGroup' || (node.kind === 'service' && !container)) &&
      (node.kind === 'service' ? node.id !== focus : node.serviceId !== focus);
    out.push({
      id: node.id,
      type: node.kind,
      position: { x: box.x, y: box.y },
      ...(node.parent ? { parentId: node.parent } : {}),
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: handlesFor(node.kind, box.width, box.height, container),
      draggable: false,
      connectable: false,
      selectable: true,
      zIndex: container ? 0 : 1,
      data: { node, dim, container, selected: node.id === selected },
    });
  }
  return out;
}

/** Below every box, or above them all: React Flow adds the z of a child node's parents to its edges' zIndex. */
const EDGE_BEHIND = -100;
const EDGE_IN_FRONT = 100;

export function toFlowEdges(graph: Graph, selected: string | undefined): Edge[] {
  return graph.edges.map((e) => {
    const active = selected !== undefined && (e.source === selected || e.target === selected);
    // In the service view services sit inside cluster boxes: their edges pass behind the boxes unless selected.
    const toBox = graph.view === 'service' && e.kind === 'serves';
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'smoothstep',
      ...(e.label ? { label: e.label } : {}),
      className: `edge-${e.kind}${e.unhealthy ? ' edge-unhealthy' : ''}${active ? ' edge-active' : ''}`,
      focusable: false,
      selectable: false,
      ...(toBox ? { zIndex: active ? EDGE_IN_FRONT : EDGE_BEHIND } : {}),
    };
  });
}
