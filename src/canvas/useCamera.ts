import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore, type Viewport } from '@xyflow/react';
import { selectExpanded, selectFocus, selectSelected, useStore } from '../app/store';
import { isGroup, isUnit, memberIds } from '../topology/graph/kinds';
import type { Graph } from '../topology/graph/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box, Layout } from '../topology/layout/types';
import { centreOn, firstViewport, MAX_ZOOM, onScreen, revealBox, type Screen } from './viewport';

/** The box that shows a node: its own, or its folded group's when the node is folded away (`folded`: that group). */
export function hostBox(graph: Graph, absolute: ReadonlyMap<string, Box>, id: string): { box: Box; unit: boolean; folded?: string } | undefined {
  const own = graph.nodes.find((n) => n.id === id);
  const host = own ?? graph.nodes.find((n) => isGroup(n) && memberIds(n).includes(id));
  const box = host ? absolute.get(host.id) : undefined;
  if (!host || !box) return undefined;
  return { box, unit: isUnit(host) || isGroup(host), ...(own ? {} : { folded: host.id }) };
}

const PAN_MS = 300;
const FOCUS_MS = 400;

/**
 * Where the map looks, on purpose: afresh when the view changes or another topology is opened (`fitKey`); on a
 * node when search, a link or the problems button asks for it; and back on the selection when the pane shrinks (a
 * details panel opening) and would leave it off screen. A refresh of the same map keeps the view the person chose.
 *
 * `current`: the layout drawn is the one for the graph now wanted (while a new one is laid out the old one stays).
 * `unitZoom`: the zoom at which a task or pod is drawn as itself, where a request for one lands.
 */
export function useCamera({
  graph,
  layout,
  current,
  fitKey,
  screen,
  unitZoom,
}: {
  graph: Graph;
  layout: Layout;
  current: boolean;
  fitKey: string;
  screen: Screen;
  unitZoom: number;
}): Viewport {
  const { setViewport, getViewport } = useReactFlow();
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const pane = useMemo<Screen>(() => (paneWidth && paneHeight ? { width: paneWidth, height: paneHeight } : screen), [paneWidth, paneHeight, screen]);
  const absolute = useMemo(() => absoluteBoxes(layout), [layout]);
  const focus = useStore(selectFocus);
  const selected = useStore(selectSelected);
  const expanded = useStore(selectExpanded);
  const toggleExpanded = useStore((s) => s.toggleExpanded);

  const initial = useMemo(() => firstViewport(layout, graph, screen), [layout, graph, screen]);
  const fitted = useRef(current ? fitKey : undefined);
  const focused = useRef<number | undefined>(undefined);
  const kept = useRef<{ selected: string | undefined; pane: Screen } | undefined>(undefined);
  /** Where a move under way is headed, so a check made while it animates judges where it ends, not the frame. */
  const aim = useRef<{ camera: Viewport; until: number } | undefined>(undefined);
  const go = useCallback(
    (camera: Viewport, duration: number) => {
      aim.current = { camera, until: performance.now() + duration + 50 };
      void setViewport(camera, duration ? { duration } : undefined);
    },
    [setViewport],
  );
  const heading = useCallback(() => {
    const a = aim.current;
    return a && performance.now() < a.until ? a.camera : getViewport();
  }, [getViewport]);

  useEffect(() => {
    if (!current || fitted.current === fitKey) return;
    fitted.current = fitKey;
    go(firstViewport(layout, graph, pane), 0);
  }, [current, fitKey, layout, graph, pane, go]);

  useEffect(() => {
    if (!focus || !current || focused.current === focus.n) return;
    const host = hostBox(graph, absolute, focus.id);
    if (!host) return;
    // A task or pod asked for by name is shown as itself: its folded group opens, and the next layout answers.
    if (host.folded !== undefined && !expanded.has(host.folded)) return toggleExpanded(host.folded);
    focused.current = focus.n;
    const now = heading();
    // A task or pod is brought close enough to be drawn as itself; a box or a service card needs only to be seen
    // (on an overview a selected service lights its tasks everywhere, which zooming in would hide).
    if (host.unit) go(centreOn(host.box, Math.min(MAX_ZOOM, Math.max(now.zoom, unitZoom)), pane), FOCUS_MS);
    else if (!onScreen(host.box, now, pane)) go(revealBox(host.box, now.zoom, pane), FOCUS_MS);
  }, [focus, current, graph, absolute, pane, unitZoom, go, heading, expanded, toggleExpanded]);

  useEffect(() => {
    // Only a new selection or a new pane size is a reason to move: a refresh must not pull the view back.
    const last = kept.current;
    if (last && last.selected === selected && last.pane === pane) return;
    kept.current = { selected, pane };
    if (!selected || !current) return;
    const host = hostBox(graph, absolute, selected);
    const camera = heading();
    if (!host || onScreen(host.box, camera, pane)) return;
    go(host.unit ? centreOn(host.box, camera.zoom, pane) : revealBox(host.box, camera.zoom, pane), PAN_MS);
  }, [pane, selected, current, graph, absolute, go, heading]);

  return initial;
}
