import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  type NodeMouseHandler,
} from '@xyflow/react';
import { selectExpanded, selectFresh, selectHiddenNamespaces, selectOpened, selectSelected, selectView, useStore } from '../app/store';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph } from '../topology/graph/types';
import { leafSize } from '../topology/layout/sizes';
import type { Layout } from '../topology/layout/types';
import type { Topology } from '../topology/model';
import { nodeTypes } from './nodes/nodeTypes';
import { sketchItemAt } from './nodes/SketchNode';
import { needsOverview, overview, overviewBelowZoom } from './sketch';
import { focusIndex } from './focus';
import { highlightEdges, routeFocus, toFlowEdges, toFlowNodes, type MapNode } from './toFlow';
import { edgeTypes, type RoutedFlowEdge } from './edges/RoutedEdge';
import { FocusIndexContext } from './useNodeFocus';
import { useLayout } from './useLayout';
import { useCamera } from './useCamera';
import { useMapKeys } from './useMapKeys';
import { FIT_PADDING, MAX_ZOOM, MIN_ZOOM, type Screen } from './viewport';
import { cullIndex, held, picker, stillHolds, viewCell, type Cell } from './visible';
import { tabStopOf, withTabStop } from './tabStop';
import { mapProblems, ProblemsContext } from './nodes/ProblemsContext';
import { minimapColorVar } from '../topology/present/theme';
import { ghostIds, withLiveMarks, type Fresh } from './liveMarks';
import { repackNote } from './stableMap';
import { GhostsContext } from './nodes/GhostsContext';
import { useLingering } from './useLingering';

const LEAF = leafSize('task');

/** What the map offers to controls drawn on it (the export menu): the graph and layout on screen. */
export interface MapContents {
  topology: Topology;
  graph: Graph;
  layout: Layout;
}

/** Below this pane width the minimap would take a third of the map: it is not offered. */
const MINIMAP_MIN_WIDTH = 700;
/** How long the note that boxes were repacked stays: long enough to read, gone before it is stale. */
const NOTE_MS = 20_000;

/**
 * `toolbar` draws controls at the right of the map's toolbar from what is on screen; the canvas knows nothing of
 * them. The toolbar is a row above the map, not over it, and comes before it in the Tab order: no control covers a
 * box, and a keyboard reaches Export without crossing the map.
 */
/**
 * `topology`: what the map draws (the estate with its recent ghosts); `estate`: the estate as it is, whose problems
 * the boxes badge, as the problems button counts them (default `topology`).
 */
export function Canvas({ topology, estate = topology, toolbar }: { topology: Topology; estate?: Topology; toolbar?: (map: MapContents) => ReactNode }) {
  const view = useStore(selectView);
  const expanded = useStore(selectExpanded);
  const hiddenNamespaces = useStore(selectHiddenNamespaces);
  const graph = useMemo(() => buildGraph(topology, { view, expanded, hiddenNamespaces }), [topology, view, expanded, hiddenNamespaces]);
  // The map is looked at afresh in another view or on another opened topology; a refresh keeps the view.
  const opened = useStore(selectOpened);
  const fitKey = `${view}#${opened}`;
  // A live update keeps every unchanged box where it was; a view switch, another topology or Tidy layout packs afresh.
  const [tidied, setTidied] = useState(0);
  const tidy = useCallback(() => setTidied((n) => n + 1), []);
  const layout = useLayout(graph, `${fitKey}#${tidied}`);
  const note = useLingering(
    useMemo(() => (layout.kind === 'ready' ? repackNote(layout.graph, layout.repacked) : undefined), [layout]),
    NOTE_MS,
  );
  // What recent reads added or changed, drawn highlighted; the ghosts come in the topology, marked.
  const fresh: Fresh = useStore(selectFresh);
  // The topology version drawn, for anyone checking the map is current (the browser tests compare it with the server's).
  const version = useStore((s) => s.version);
  const ghosts = useMemo(() => ghostIds(topology), [topology]);
  const problems = useMemo(() => mapProblems(estate), [estate]);
  const container = useRef<HTMLDivElement>(null);
  const [tools, setTools] = useState<HTMLDivElement | null>(null);
  const [screen, setScreen] = useState<{ width: number; height: number } | undefined>(undefined);
  const [painted, setPainted] = useState<Layout | undefined>(undefined);
  useLayoutEffect(() => {
    const el = container.current;
    if (el) setScreen({ width: el.clientWidth, height: el.clientHeight });
  }, []);

  if (layout.kind === 'error') return <div className="canvas-message error">Layout failed: {layout.message}</div>;
  return (
    <div className="canvas" id="map" data-layout={layout.kind} data-rendered={layout.kind === 'ready' && painted === layout.layout} data-version={version}>
      <div className="map-tools" ref={setTools} />
      <div className="map-pane" ref={container}>
        {layout.kind === 'pending' ? <div className="canvas-message">Laying out…</div> : null}
        {layout.kind === 'ready' && screen ? (
          <ReactFlowProvider>
            <ProblemsContext value={problems}>
              <GhostsContext value={ghosts}>
                <MapFlow
                  topology={topology}
                  graph={layout.graph}
                  layout={layout.layout}
                  current={layout.graph === graph}
                  fitKey={fitKey}
                  screen={screen}
                  onPainted={setPainted}
                  toolbar={toolbar}
                  tools={tools}
                  fresh={fresh}
                  ghosts={ghosts}
                  note={note}
                  onTidy={tidy}
                />
              </GhostsContext>
            </ProblemsContext>
          </ReactFlowProvider>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The map for one laid-out graph. Two levels of detail: past LOD_NODE_BUDGET nodes and below a zoom where a screen
 * would hold more than that many tasks, the contents of subnets (or clusters) and the band are drawn as sketches;
 * zooming in swaps in the real nodes near the viewport (`visible`), which React Flow then culls to the visible ones.
 */
function MapFlow({
  topology,
  graph,
  layout,
  current,
  fitKey,
  screen,
  onPainted,
  toolbar,
  tools,
  fresh,
  ghosts,
  note,
  onTidy,
}: MapContents & {
  current: boolean;
  fitKey: string;
  screen: { width: number; height: number };
  onPainted: (layout: Layout) => void;
  toolbar: ((map: MapContents) => ReactNode) | undefined;
  /** The toolbar row above the map, where the map's controls are drawn */
  tools: HTMLElement | null;
  fresh: Fresh;
  /** Resources drawn as ghosts: gone from the estate, kept a few minutes with their stop reason */
  ghosts: ReadonlySet<string>;
  /** Why boxes moved on the last live update, while it is worth saying */
  note: string | undefined;
  onTidy: () => void;
}) {
  const selected = useStore(selectSelected);
  const select = useStore((s) => s.select);
  const toggleExpanded = useStore((s) => s.toggleExpanded);
  const { screenToFlowPosition, setCenter } = useReactFlow();
  const lod = useMemo(() => needsOverview(graph), [graph]);
  // The pane's size as React Flow measures it (it changes when a panel opens), else the size at mount.
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const pane = useMemo<Screen>(() => ({ width: paneWidth || screen.width, height: paneHeight || screen.height }), [paneWidth, paneHeight, screen]);
  const threshold = overviewBelowZoom(pane, LEAF);
  // Where a task or pod asked for lands: past the overview, at no less than its natural size.
  const unitZoom = Math.min(MAX_ZOOM, Math.max(1, threshold * 1.2));
  const initial = useCamera({ graph, layout, current, fitKey, screen, unitZoom });
  useMapKeys(layout);
  // Until React Flow has applied the initial viewport its store says zoom 1; the detailed level must not flash in.
  const zoomedOut = useFlowStore((s) => (s.panZoom ? s.transform[2] : initial.zoom) < threshold);
  const showOverview = lod && zoomedOut;

  // Nodes, edges and sketches follow the graph and layout only; each node and sketch reads its own selected or
  // dimmed state, and a selection replaces just the few edges it highlights.
  const index = useMemo(() => focusIndex(graph), [graph]);
  const { byNode } = useContext(ProblemsContext);
  const plainNodes = useMemo(() => toFlowNodes(graph, layout, byNode), [graph, layout, byNode]);
  // Each mark's animation delay, fixed when first drawn, so re-renders neither restart nor skip a fade.
  const [delays] = useState(() => new Map<string, { delay: number; until: number }>());
  const detailNodes = useMemo(() => withLiveMarks(plainNodes, fresh, ghosts, Date.now(), delays), [plainNodes, fresh, ghosts, delays]);
  const baseEdges = useMemo(() => toFlowEdges(graph, layout), [graph, layout]);
  // Hovering a box lights its route as selecting it does; the selection wins back when the pointer leaves.
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const routeOf = hovered ?? selected;
  const detailEdges = useMemo(() => highlightEdges(baseEdges, routeOf), [baseEdges, routeOf]);
  const dimEdges = routeFocus(baseEdges, routeOf);
  const sketch = useMemo(() => (lod ? overview(graph, layout) : undefined), [lod, graph, layout]);
  const drawn = useMemo<MapNode[]>(
    () => (showOverview && sketch ? [...detailNodes.filter((n) => sketch.keep.has(n.id)), ...sketch.sketches] : detailNodes),
    [showOverview, sketch, detailNodes],
  );
  // The map is one Tab stop: the box last focused, else the top-left one of the first look; arrows move inside.
  const [lastFocused, setLastFocused] = useState<string | undefined>(undefined);
  const stop = useMemo(() => tabStopOf(drawn, layout, initial, screen, lastFocused), [drawn, layout, initial, screen, lastFocused]);
  const nodes = useMemo(() => withTabStop(drawn, stop), [drawn, stop]);
  const [minimapAsked, setMinimapAsked] = useState(false);
  const minimapOffered = (paneWidth || screen.width) >= MINIMAP_MIN_WIDTH;
  const edges = showOverview ? NO_EDGES : detailEdges;

  // A large map in detail hands React Flow only the neighbourhood of the viewport, picked again when the view leaves
  // it; the selection and the Tab stop stay held wherever they are, and the boxes the minimap outlines while it is shown.
  const culling = useMemo(() => (lod ? cullIndex(layout, baseEdges) : undefined), [lod, layout, baseEdges]);
  const cell = useFlowStore(
    (s) => (culling && !showOverview ? viewCell(s.panZoom ? { x: s.transform[0], y: s.transform[1], zoom: s.transform[2] } : initial, pane) : undefined),
    sameCell,
  );
  const minimapShown = minimapAsked && minimapOffered && selected === undefined;
  const holding = useMemo(
    () => (culling && cell ? held(culling, cell.rect, [selected, stop, ...(minimapShown && sketch ? sketch.keep : [])]) : undefined),
    [culling, cell, selected, stop, minimapShown, sketch],
  );
  const [pickNodes] = useState(() => picker<MapNode>());
  const [pickEdges] = useState(() => picker<RoutedFlowEdge>());
  const heldNodes = useMemo(() => (holding ? pickNodes(nodes, holding.nodes) : nodes), [holding, nodes, pickNodes]);
  const heldEdges = useMemo(() => (holding ? pickEdges(edges, holding.edges) : edges), [holding, edges, pickEdges]);

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
        data-nodes-held={heldNodes.length}
        nodes={heldNodes}
        edges={heldEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        className={dimEdges && !showOverview ? 'route-focus' : undefined}
        onNodeMouseEnter={(_, node) => setHovered(node.id)}
        onNodeMouseLeave={() => setHovered(undefined)}
        onFocus={(e) => {
          const id = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.react-flow__node')?.dataset['id'] : undefined;
          if (id !== undefined) setLastFocused(id);
        }}
        onNodeClick={onNodeClick}
        onPaneClick={() => select(undefined)}
        nodesDraggable={false}
        autoPanOnNodeFocus={false}
        nodesConnectable={false}
        elementsSelectable
        // A small map draws every node, on screen or a pan away (the first look shows part of it); a large one culls.
        onlyRenderVisibleElements={lod}
        defaultViewport={initial}
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        {/* Only when asked for, and stepping aside while the details panel narrows the map: it never covers a box the first look shows or the selection. */}
        {minimapShown ? <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={(n) => minimapColorVar(n.type)} /> : null}
      </ReactFlow>
      {tools
        ? createPortal(
            <>
              <Controls showInteractive={false} orientation="horizontal" position="top-left" className="map-controls">
                {minimapOffered ? (
                  <ControlButton
                    className="minimap-toggle"
                    onClick={() => setMinimapAsked(!minimapAsked)}
                    aria-pressed={minimapAsked}
                    title={minimapAsked ? 'Hide the minimap' : 'Show the minimap'}
                    aria-label="Minimap"
                  >
                    <span aria-hidden="true">▣</span>
                  </ControlButton>
                ) : null}
              </Controls>
              <button
                type="button"
                className="tidy-layout"
                onClick={onTidy}
                title="Pack the map afresh: closes the gaps stopped tasks left and may move boxes (live updates never do)"
              >
                Tidy layout
              </button>
              {note ? (
                <span className="repack-note" role="status" data-testid="repack-note">
                  {note}
                </span>
              ) : null}
              {showOverview ? (
                <span className="lod-hint" data-testid="overview-hint">
                  Overview: every task is drawn in its service&apos;s colour with its health. Zoom in, or click a task or group, to see it in detail.
                </span>
              ) : null}
              {toolbar ? <span className="map-tools-end">{toolbar({ topology, graph, layout })}</span> : null}
            </>,
            tools,
          )
        : null}
    </FocusIndexContext>
  );
}

const NO_EDGES: ReturnType<typeof toFlowEdges> = [];
const sameCell = (a: Cell | undefined, b: Cell | undefined) => a === b || (a !== undefined && b !== undefined && stillHolds(a, b));
