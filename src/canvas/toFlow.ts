import { Position, type Node } from '@xyflow/react';
import { ROLE, type OwnerNode } from '../topology/graph/kinds';
import type { Graph, GraphNode, GraphNodeKind } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import { routeThrough } from '../topology/graph/edges';
import { routeLabels } from '../topology/present/edges';
import type { Problem } from '../topology/graph/problems';
import { nodeAriaLabel } from './nodes/ariaLabel';
import type { RoutedFlowEdge } from './edges/RoutedEdge';
import type { SketchFlowNode } from './sketch';

type Of<K extends GraphNodeKind> = Extract<GraphNode, { kind: K }>;

/**
 * What each kind's component receives: its graph node, and for a service or workload whether it is the box holding
 * its tasks or pods (the service view). Nothing here follows the selection, so node objects stay the same while it changes; each node
 * reads its own selected or dimmed state (useNodeFocus).
 */
type DataByKind = { [K in GraphNodeKind]: K extends OwnerNode['kind'] ? { node: Of<K>; container: boolean } : { node: Of<K> } };

export type BoxKind = 'vpc' | 'az' | 'subnet' | 'instance' | 'cluster' | 'namespace';
export type TaskData = DataByKind['task'];
export type PodData = DataByKind['pod'];
export type TaskGroupData = DataByKind['taskGroup'];
export type PodGroupData = DataByKind['podGroup'];
export type EksNodeData = DataByKind['node'];
export type LoadBalancerData = DataByKind['loadBalancer'];
export type TargetGroupData = DataByKind['targetGroup'];
export type ServiceData = DataByKind['service'];
export type WorkloadData = DataByKind['workload'];

/** One React Flow node per graph node kind, discriminated on `type`. */
type FlowNodeOf<K extends GraphNodeKind> = Node<DataByKind[K], K>;
export type TaskFlowNode = FlowNodeOf<'task'>;
export type PodFlowNode = FlowNodeOf<'pod'>;
export type TaskGroupFlowNode = FlowNodeOf<'taskGroup'>;
export type PodGroupFlowNode = FlowNodeOf<'podGroup'>;
export type EksNodeFlowNode = FlowNodeOf<'node'>;
export type LoadBalancerFlowNode = FlowNodeOf<'loadBalancer'>;
export type TargetGroupFlowNode = FlowNodeOf<'targetGroup'>;
export type ServiceFlowNode = FlowNodeOf<'service'>;
export type WorkloadFlowNode = FlowNodeOf<'workload'>;
export type BoxFlowNode = { [K in BoxKind]: FlowNodeOf<K> }[BoxKind];
export type GraphFlowNode = { [K in GraphNodeKind]: FlowNodeOf<K> }[GraphNodeKind];
/** What the canvas draws: graph nodes, and at overview zoom the sketches standing for many of them */
export type MapNode = GraphFlowNode | SketchFlowNode;

/**
 * Handles are declared up front with the size, so React Flow never mounts a node just to measure it. Band nodes
 * take edges at the top and give them at the bottom; a service's or workload's box (service view) only takes them.
 */
function handlesFor(kind: GraphNodeKind, width: number, height: number, container: boolean): NonNullable<Node['handles']> {
  const role = ROLE[kind];
  if (role === 'owner' && container) return [{ type: 'target', position: Position.Top, x: width / 2 - 4, y: -4, width: 8, height: 8 }];
  if (role !== 'band' && role !== 'owner') return [];
  return [
    { type: 'target', position: Position.Top, x: width / 2 - 4, y: -4, width: 8, height: 8 },
    { type: 'source', position: Position.Bottom, x: width / 2 - 4, y: height - 4, width: 8, height: 8 },
  ];
}

type Typed = { [K in GraphNodeKind]: { type: K; data: DataByKind[K] } }[GraphNodeKind];

/** Each graph node under its own kind's node type, with exactly that kind's data. */
function typed(node: GraphNode, container: boolean): Typed {
  switch (node.kind) {
    case 'vpc':
      return { type: 'vpc', data: { node } };
    case 'az':
      return { type: 'az', data: { node } };
    case 'subnet':
      return { type: 'subnet', data: { node } };
    case 'instance':
      return { type: 'instance', data: { node } };
    case 'cluster':
      return { type: 'cluster', data: { node } };
    case 'namespace':
      return { type: 'namespace', data: { node } };
    case 'task':
      return { type: 'task', data: { node } };
    case 'pod':
      return { type: 'pod', data: { node } };
    case 'node':
      return { type: 'node', data: { node } };
    case 'taskGroup':
      return { type: 'taskGroup', data: { node } };
    case 'podGroup':
      return { type: 'podGroup', data: { node } };
    case 'loadBalancer':
      return { type: 'loadBalancer', data: { node } };
    case 'targetGroup':
      return { type: 'targetGroup', data: { node } };
    case 'service':
      return { type: 'service', data: { node, container } };
    case 'workload':
      return { type: 'workload', data: { node, container } };
  }
}

/** Pure: the React Flow nodes for a laid-out graph, parents before children. The selection is not an input. */
export function toFlowNodes(graph: Graph, layout: Layout, problemsOf: ReadonlyMap<string, readonly Problem[]> = new Map()): GraphFlowNode[] {
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  const out: GraphFlowNode[] = [];
  for (const node of graph.nodes) {
    const box = boxes.get(node.id);
    if (!box) continue;
    const container = parents.has(node.id);
    out.push({
      id: node.id,
      position: { x: box.x, y: box.y },
      ...(node.parent ? { parentId: node.parent } : {}),
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: handlesFor(node.kind, box.width, box.height, container),
      draggable: false,
      connectable: false,
      selectable: true,
      // An AZ column does nothing when clicked: no tab stop for it.
      focusable: node.kind !== 'az',
      ariaLabel: nodeAriaLabel(node, problemsOf.get(node.id)),
      zIndex: container ? 0 : 1,
      ...typed(node, container),
    });
  }
  return out;
}

/**
 * Above every box: React Flow adds the z of an end that has a parent to this. A route crosses no box but its ends and
 * their ancestors, so in front it hides nothing, while behind the cluster boxes it would stop at their borders.
 */
const EDGE_IN_FRONT = 100;
/** A lit route draws over the faded edges it runs beside. */
const LIT_ABOVE = 1;

/**
 * Pure: the React Flow edges of a graph, drawn along the layout's routes, none highlighted. The selection is not an
 * input, so the list stays the same while it changes.
 */
type LabelPlaces = ReturnType<typeof routeLabels>;
const placedLabels = new WeakMap<object, { key: string; labels: LabelPlaces }>();

/**
 * Where the labels sit, placed once per set of routes: a live update whose layout kept every route (the same routes
 * object) and every label reuses the placements, which weigh each label against every other route.
 */
function labelsFor(edges: Graph['edges'], routes: NonNullable<Layout['routes']>): LabelPlaces {
  const key = edges.map((e) => (e.label ? `${e.id}\t${e.label}` : '')).join('\n');
  const known = placedLabels.get(routes);
  if (known?.key === key) return known.labels;
  const labels = routeLabels(edges, routes);
  placedLabels.set(routes, { key, labels });
  return labels;
}

export function toFlowEdges(graph: Graph, layout: Pick<Layout, 'routes'>): RoutedFlowEdge[] {
  const routes = layout.routes ?? {};
  const labels = labelsFor(graph.edges, routes);
  return graph.edges.map((e) => {
    const points = routes[e.id];
    const labelAt = labels.get(e.id);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'routed',
      data: points ? { points, ...(labelAt ? { labelAt } : {}) } : {},
      ...(e.label ? { label: e.label } : {}),
      className: `edge-${e.kind}${e.unhealthy ? ' edge-unhealthy' : ''}`,
      focusable: false,
      selectable: false,
      zIndex: EDGE_IN_FRONT,
    };
  });
}

/**
 * Pure: the edges with the whole route through the focused node (selected or hovered: its load balancers, target
 * groups and services) highlighted. Only those few are new objects; every other edge is the very object of `edges`
 * (and with nothing to highlight, the list itself), so React Flow re-renders only the edges whose look changed; the
 * map dims the rest with one class on its root (`routeFocus`). The highlight lives on the edge object because React
 * Flow puts the class and the z-order on the edge's wrapper, which an edge component cannot reach.
 */
export function highlightEdges(edges: RoutedFlowEdge[], focused: string | undefined): RoutedFlowEdge[] {
  if (focused === undefined) return edges;
  const route = routeThrough(edges, focused);
  if (!route.size) return edges;
  return edges.map((e) => (route.has(e.id) ? { ...e, className: `${e.className ?? ''} edge-active`, zIndex: (e.zIndex ?? 0) + LIT_ABOVE } : e));
}

/** Whether the focused node has a route to highlight (the map then dims every edge off it). */
export function routeFocus(edges: readonly RoutedFlowEdge[], focused: string | undefined): boolean {
  return focused !== undefined && edges.some((e) => e.source === focused || e.target === focused);
}
