import { useEffect, useRef, useState } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useStore } from '../app/store';
import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import type { Topology } from '../topology/model';
import type { ExportFormat } from './exportActions';

const ITEMS: { format: ExportFormat; label: string }[] = [
  { format: 'png', label: 'PNG, whole map' },
  { format: 'png2x', label: 'PNG, whole map at 2×' },
  { format: 'png-visible', label: 'PNG, visible part' },
  { format: 'svg', label: 'SVG' },
  { format: 'drawio', label: 'draw.io' },
  { format: 'mermaid', label: 'Mermaid' },
  { format: 'json', label: 'JSON snapshot' },
  { format: 'html', label: 'Single-file HTML (offline)' },
];

const menuItems = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

/**
 * The menu's keys (the WAI-ARIA menu button pattern): arrows move and wrap, Home and End jump, Esc closes and gives
 * focus back to the button, Tab closes and moves on.
 */
const MENU_KEYS: Record<string, ((at: number, n: number) => number) | 'close' | 'leave'> = {
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
  Escape: 'close',
  Tab: 'leave',
};

/** Export what the screen shows, in every format; reachable from the keyboard (Tab, Enter, arrows, Esc). */
export function ExportMenu({ topology, graph, layout }: { topology: Topology; graph: Graph; layout: Layout }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined);
  const setNotice = useStore((s) => s.setNotice);
  const { getViewport } = useReactFlow();
  const flow = useStoreApi();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Which item takes focus when the menu opens: the first, or the last when opened with the up arrow. */
  const [start, setStart] = useState<'first' | 'last'>('first');

  useEffect(() => {
    if (!open) return;
    const items = menuItems(menu.current);
    (start === 'last' ? items.at(-1) : items[0])?.focus();
    // A click anywhere else closes the menu, as a menu does.
    const onPointer = (e: PointerEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      if (target && (menu.current?.contains(target) || button.current?.contains(target))) return;
      setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [open, start]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setOpen(false);
    try {
      // The pane's size now (a details panel may have narrowed it since the map opened).
      const vp = getViewport();
      const { width, height } = flow.getState();
      const visible = { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, width: width / vp.zoom, height: height / vp.zoom };
      // The exporters load on the first export: most visits never export, and the map should not wait for them.
      const { exportMap } = await import('./exportActions');
      await exportMap(format, topology, graph, layout, visible);
    } catch (e) {
      setNotice(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="export">
      <button
        ref={button}
        type="button"
        id="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu' : undefined}
        onClick={() => {
          setStart('first');
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          setStart(e.key === 'ArrowUp' ? 'last' : 'first');
          setOpen(true);
        }}
        disabled={busy !== undefined}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open ? (
        <div
          className="export-menu"
          id="export-menu"
          role="menu"
          aria-labelledby="export-button"
          ref={menu}
          onKeyDown={(e) => {
            const move = MENU_KEYS[e.key];
            if (!move) return;
            // Tab closes the menu and lets focus move on as it would.
            if (move === 'leave') return setOpen(false);
            e.preventDefault();
            e.stopPropagation();
            if (move === 'close') return close();
            const items = menuItems(menu.current);
            const at = items.indexOf(document.activeElement as HTMLButtonElement);
            items[move(at, items.length)]?.focus();
          }}
        >
          {ITEMS.map((item) => (
            <button key={item.format} type="button" role="menuitem" tabIndex={-1} data-format={item.format} onClick={() => void run(item.format)}>
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
