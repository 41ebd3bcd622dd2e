import type { Node } from '@xyflow/react';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Layout } from '../topology/layout/types';
import type { Camera, Screen } from './viewport';

/**
 * The map is one Tab stop (the WAI-ARIA roving tabindex): every box is focusable, from a click, the arrow keys or a
 * script, but only one is in the Tab order, so Tab crosses the map in one press instead of visiting every task and
 * pod. React Flow sets a focusable node's wrapper to tabIndex 0 and spreads `domAttributes` after it, so the
 * attribute there decides.
 */
export function withTabStop<N extends Node>(nodes: readonly N[], stop: string | undefined): N[] {
  return nodes.map((n) => (n.focusable === false ? n : { ...n, domAttributes: { ...n.domAttributes, tabIndex: n.id === stop ? 0 : -1 } }));
}

/**
 * Where Tab enters the map: the box a person last focused while it is still drawn, else the top-most, then
 * left-most, focusable box on screen under `camera` (the band's first load balancer on a first look).
 */
export function tabStopOf(nodes: readonly Node[], layout: Layout, camera: Camera, screen: Screen, last: string | undefined): string | undefined {
  const focusable = nodes.filter((n) => n.focusable !== false);
  if (last !== undefined && focusable.some((n) => n.id === last)) return last;
  const absolute = absoluteBoxes(layout);
  const view = { x: -camera.x / camera.zoom, y: -camera.y / camera.zoom, width: screen.width / camera.zoom, height: screen.height / camera.zoom };
  let best: { id: string; y: number; x: number } | undefined;
  for (const n of focusable) {
    const b = absolute.get(n.id);
    if (!b || b.x + b.width <= view.x || b.x >= view.x + view.width || b.y + b.height <= view.y || b.y >= view.y + view.height) continue;
    if (!best || b.y < best.y || (b.y === best.y && b.x < best.x)) best = { id: n.id, y: b.y, x: b.x };
  }
  return best?.id ?? focusable[0]?.id;
}
