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

/** Export what the screen shows, in every format; reachable from the keyboard (Tab, Enter, arrows, Esc). */
export function ExportMenu({ topology, graph, layout }: { topology: Topology; graph: Graph; layout: Layout }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined);
  const setNotice = useStore((s) => s.setNotice);
  const { getViewport } = useReactFlow();
  const flow = useStoreApi();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

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
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} disabled={busy !== undefined}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open ? (
        <div
          className="export-menu"
          role="menu"
          ref={menu}
          onKeyDown={(e) => {
            const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
            if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
          }}
        >
          {ITEMS.map((item) => (
            <button key={item.format} type="button" role="menuitem" data-format={item.format} onClick={() => void run(item.format)}>
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
