import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Layout } from '../topology/layout/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import { ARROW, siblingToward } from './siblings';
import { centreOn, FIT_PADDING, onScreen } from './viewport';

const ZOOM_MS = 150;

/** Keys typed into a field are the field's: search, the namespace filter. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The map's node a focused element belongs to (React Flow draws each node in a wrapper carrying its id). */
function focusedNode(): string | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement ? (active.closest<HTMLElement>('.react-flow__node')?.dataset['id'] ?? undefined) : undefined;
}

/** Focuses a node's box: the named element inside it when it has one, else React Flow's wrapper. */
function focusNode(id: string): boolean {
  const wrapper = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (!wrapper) return false;
  (wrapper.querySelector<HTMLElement>('[tabindex="0"]') ?? wrapper).focus();
  return true;
}

/**
 * The map's keys: `+` and `-` zoom, `0` fits the whole map, the arrow keys move focus from a box to the nearest
 * sibling that way (brought into view first when it is off screen, where React Flow does not draw it); a box focused
 * off screen is brought into view.
 */
export function useMapKeys(layout: Layout): void {
  const { zoomIn, zoomOut, fitView, setCenter, getZoom, getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    const absolute = absoluteBoxes(layout);
    // A box reached from the keyboard while off screen is brought into view by where it is drawn. (React Flow's own
    // auto-pan is off: it centres a nested box on its position within its parent, sending the view elsewhere.)
    const onFocus = (e: FocusEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : undefined;
      const wrapper = target?.closest<HTMLElement>('.react-flow__node');
      const pane = wrapper?.closest<HTMLElement>('.react-flow')?.getBoundingClientRect();
      const box = wrapper?.dataset['id'] === undefined ? undefined : absolute.get(wrapper.dataset['id']);
      if (!target?.matches(':focus-visible') || !box || !pane) return;
      const camera = getViewport();
      const screen = { width: pane.width, height: pane.height };
      if (!onScreen(box, camera, screen)) void setViewport(centreOn(box, camera.zoom, screen));
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const zoom: Record<string, () => void> = {
        '+': () => void zoomIn({ duration: ZOOM_MS }),
        '=': () => void zoomIn({ duration: ZOOM_MS }),
        '-': () => void zoomOut({ duration: ZOOM_MS }),
        '0': () => void fitView({ padding: FIT_PADDING, duration: ZOOM_MS }),
      };
      const act = zoom[e.key];
      if (act) {
        e.preventDefault();
        act();
        return;
      }
      const direction = ARROW[e.key];
      const from = direction ? focusedNode() : undefined;
      if (!direction || from === undefined) return;
      e.preventDefault();
      const to = siblingToward(layout, from, direction);
      if (to === undefined || focusNode(to)) return;
      const box = absolute.get(to);
      if (!box) return;
      void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: getZoom() }).then(() => requestAnimationFrame(() => focusNode(to)));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focusin', onFocus);
    };
  }, [layout, zoomIn, zoomOut, fitView, setCenter, getZoom, getViewport, setViewport]);
}
