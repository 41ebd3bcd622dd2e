import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  type NodeMouseHandler,
  type Viewport,
} from '@xyflow/react';
import { selectExpanded, selectHiddenNamespaces, selectFocus, selectSelected, selectView, useStore } from '../app/store';
import { absoluteBoxes } from '../topology/layout/absolute';
import { buildGraph } from '../topology/graph/buildGraph';
import { isGroup, memberIds } from '../topology/graph/kinds';
import type { Graph } from '../topology/graph/types';
import { leafSize } from '../topology/layout/sizes';
import type { Layout } from '../topology/layout/types';
import type { Topology } from '../topology/model';
import { nodeTypes } from './nodes/nodeTypes';
import { sketchItemAt } from './nodes/SketchNode';
import { needsOverview, overview, overviewBelowZoom } from './sketch';
import { focusIndex } from './focus';
import { highlightEdges, toFlowEdges, toFlowNodes, type MapNode } from './toFlow';
import { FocusIndexContext } from './useNodeFocus';
import { useLayout } from './useLayout';
import { MINIMAP_COLORS } from '../topology/present/theme';

const minimapColor = (type: string | undefined): string =>
  type !== undefined && type in MINIMAP_COLORS ? MINIMAP_COLORS[type as keyof typeof MINIMAP_COLORS] : MINIMAP_COLORS.other;

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;
const FIT_PADDING = 0.04;
const LEAF = leafSize('task');

/** The viewport that fits the whole layout in the screen, computed before React Flow mounts. */
function fitViewport(layout: Layout, screen: { width: number; height: number }): Viewport {
  const w = layout.width * (1 + 2 * FIT_PADDING);
  const h = layout.height * (1 + 2 * FIT_PADDING);
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(screen.width / Math.max(1, w), screen.height / Math.max(1, h))));
  return { x: (screen.width - layout.width * zoom) / 2, y: (screen.height - layout.height * zoom) / 2, zoom };
}

/** What the map offers to controls drawn on it (the export menu): the graph and layout on screen. */
export interface MapContents {
  topology: Topology;
  graph: Graph;
  layout: Layout;
}

/** `toolbar` draws controls in the map's top-right corner from what is on screen; the canvas knows nothing of them. */
export function Canvas({ topology, toolbar }: { topology: Topology; toolbar?: (map: MapContents) => ReactNode }) {
  const view = useStore(selectView);
  const expanded = useStore(selectExpanded);
  const hiddenNamespaces = useStore(selectHiddenNamespaces);
  const graph = useMemo(() => buildGraph(topology, { view, expanded, hiddenNamespaces }), [topology, view, expanded, hiddenNamespaces]);
  const layout = useLayout(graph);
  const container = useRef<HTMLDivElement>(null);
  const [screen, setScreen] = useState<{ width: number; height: number } | undefined>(undefined);
  const [painted, setPainted] = useState<Layout | undefined>(undefined);
  useLayoutEffect(() => {
    const el = container.current;
    if (el) setScreen({ width: el.clientWidth, height: el.clientHeight });
  }, []);

  if (layout.kind === 'error') return <div className="canvas-message error">Layout failed: {layout.message}</div>;
  return (
    <div className="canvas" ref={container} data-layout={layout.kind} data-rendered={layout.kind === 'ready' && painted === layout.layout}>
      {layout.kind === 'pending' ? <div className="canvas-message">Laying out…</div> : null}
      {layout.kind === 'ready' && screen ? (
        <ReactFlowProvider key={view}>
          <MapFlow topology={topology} graph={layout.graph} layout={layout.layout} screen={screen} onPainted={setPainted} toolbar={toolbar} />
        </ReactFlowProvider>
      ) : null}
    </div>
  );
}

/**
 * The map for one laid-out graph. Two levels of detail: past LOD_NODE_BUDGET nodes and below a zoom where a screen
 * would hold more than that many tasks, the contents of subnets (or clusters) and the band are drawn as sketches;
 * zooming in swaps in the real nodes, which React Flow then culls to the visible ones.
 */
function MapFlow({
  topology,
  graph,
  layout,
  screen,
  onPainted,
  toolbar,
}: MapContents & {
  screen: { width: number; height: number };
  onPainted: (layout: Layout) => void;
  toolbar: ((map: MapContents) => ReactNode) | undefined;
}) {
  const selected = useStore(selectSelected);
  const select = useStore((s) => s.select);
  const toggleExpanded = useStore((s) => s.toggleExpanded);
  const { screenToFlowPosition, setCenter } = useReactFlow();
  const initial = useMemo(() => fitViewport(layout, screen), [layout, screen]);
  const lod = useMemo(() => needsOverview(graph), [graph]);
  // The pane's size as React Flow measures it (it changes when a panel opens), else the size at mount.
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const threshold = overviewBelowZoom({ width: paneWidth || screen.width, height: paneHeight || screen.height }, LEAF);
  // Until React Flow has applied the initial viewport its store says zoom 1; the detailed level must not flash in.
  const zoomedOut = useFlowStore((s) => (s.panZoom ? s.transform[2] : initial.zoom) < threshold);
  const showOverview = lod && zoomedOut;

  // Nodes, edges and sketches follow the graph and layout only; each node and sketch reads its own selected or
  // dimmed state, and a selection replaces just the few edges it highlights.
  const index = useMemo(() => focusIndex(graph), [graph]);
  const detailNodes = useMemo(() => toFlowNodes(graph, layout), [graph, layout]);
  const baseEdges = useMemo(() => toFlowEdges(graph), [graph]);
  const detailEdges = useMemo(() => highlightEdges(baseEdges, selected), [baseEdges, selected]);
  const sketch = useMemo(() => (lod ? overview(graph, layout) : undefined), [lod, graph, layout]);
  const nodes = useMemo<MapNode[]>(
    () => (showOverview && sketch ? [...detailNodes.filter((n) => sketch.keep.has(n.id)), ...sketch.sketches] : detailNodes),
    [showOverview, sketch, detailNodes],
  );
  const edges = showOverview ? NO_EDGES : detailEdges;

  useEffect(() => {
    // Two frames after the first commit the nodes are painted: the end of "data to first complete render".
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        performance.mark('fleetmap:rendered');
        onPainted(layout);
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [layout, onPainted]);

  // Search and links ask for a node: centre it at a zoom where it is drawn as itself (or its folded group).
  const focusRequest = useStore(selectFocus);
  const absolute = useMemo(() => absoluteBoxes(layout), [layout]);
  useEffect(() => {
    if (!focusRequest) return;
    const host = graph.nodes.find((n) => n.id === focusRequest.id) ?? graph.nodes.find((n) => isGroup(n) && memberIds(n).includes(focusRequest.id));
    const box = host ? absolute.get(host.id) : undefined;
    if (box) void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.min(MAX_ZOOM, Math.max(1, threshold * 1.2)), duration: 400 });
  }, [focusRequest, graph, absolute, setCenter, threshold]);

  const onNodeClick: NodeMouseHandler<MapNode> = useCallback(
    (event, node) => {
      if (node.type === 'sketch') {
        const item = sketchItemAt(event, node.data);
        if (!item) return;
        // A folded group or an outlined task: zoom in on it; the real nodes take over there.
        if (item.kind === 'taskGroup' || item.kind === 'podGroup' || item.kind === 'task' || item.kind === 'pod' || item.kind === 'instance') {
          const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
          void setCenter(p.x, p.y, { zoom: Math.min(MAX_ZOOM, threshold * 1.4), duration: 400 });
        }
        select(item.id);
        return;
      }
      if (node.type === 'taskGroup' || node.type === 'podGroup') toggleExpanded(node.id);
      if (node.type === 'az') return;
      select(node.id);
    },
    [select, toggleExpanded, screenToFlowPosition, setCenter, threshold],
  );

  return (
    <FocusIndexContext value={index}>
      <ReactFlow<MapNode>
        data-lod={showOverview ? 'overview' : 'detail'}
        data-overview-below={lod ? threshold.toFixed(3) : undefined}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => select(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements
        defaultViewport={initial}
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => minimapColor(n.type)} />
        {toolbar ? <Panel position="top-right">{toolbar({ topology, graph, layout })}</Panel> : null}
        {showOverview ? (
          <Panel position="top-left" className="lod-hint" data-testid="overview-hint">
            Overview: every task is drawn in its service&apos;s colour with its health. Zoom in, or click a task or group, to see it in detail.
          </Panel>
        ) : null}
      </ReactFlow>
    </FocusIndexContext>
  );
}

const NO_EDGES: ReturnType<typeof toFlowEdges> = [];
