import { memo, useContext, useEffect, useRef } from 'react';
import type { NodeProps } from '@xyflow/react';
import { ROLE } from '../../topology/graph/kinds';
import type { TaskHealth } from '../../topology/graph/types';
import { edgePoints } from '../../topology/present/edges';
import { healthWords } from '../../topology/present/labels';
import { BOX_STYLE, EDGE_COLORS, HEALTH_COLORS, INK, serviceColor, SURFACE, type BoxColors } from '../../topology/present/theme';
import { useStore } from '../../app/store';
import { focusOwner } from '../focus';
import { itemAt, type SketchData, type SketchFlowNode, type SketchItem } from '../sketch';
import { FocusIndexContext } from '../useNodeFocus';

/** What a sketch paints under besides its data: the selected node, and the service or workload whose units stay lit while the rest dims. */
interface Selection {
  selected: string | undefined;
  focus: string | undefined;
}

/** Boxes that hold tasks or pods, in their map colours, with the border widths a sketch's scale needs. */
const HOST_BOXES: Partial<Record<SketchItem['kind'], BoxColors & { width: number }>> = {
  node: { ...BOX_STYLE.node, width: 4 },
  namespace: { ...BOX_STYLE.namespace, width: 2 },
  instance: { ...BOX_STYLE.instance, width: 2 },
};

/** Canvas pixels per map unit are capped here, so a sketch costs at most this many pixels of memory. */
const MAX_PIXELS = 8_000_000;

const colors = { service: serviceColor, health: (h: TaskHealth) => HEALTH_COLORS[h] };

function worstHealth(item: SketchItem): TaskHealth {
  if (item.health) return item.health;
  const c = item.counts;
  if (!c) return 'unknown';
  if (c.unhealthy) return 'unhealthy';
  if (c.pending) return 'pending';
  if (c.healthy) return 'healthy';
  return c.stopped ? 'stopped' : 'unknown';
}

function draw(canvas: HTMLCanvasElement, data: SketchData, { selected, focus }: Selection, scale: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, data.width, data.height);
  const lit = (it: { ownerId?: string }) => focus === undefined || it.ownerId === focus;

  for (const l of data.lines) {
    ctx.globalAlpha = focus === undefined || l.target === focus ? 0.7 : 0.15;
    ctx.strokeStyle = l.unhealthy ? EDGE_COLORS.unhealthy : EDGE_COLORS.line;
    ctx.lineWidth = l.unhealthy ? 3 : 1.5;
    ctx.beginPath();
    edgePoints(l).forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
  }

  const fontPx = 13;
  const legible = fontPx * scale >= 5;
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const it of data.items) {
    const health = worstHealth(it);
    const role = ROLE[it.kind];
    ctx.globalAlpha = role === 'unit' || role === 'group' || role === 'owner' ? (lit(it) ? 1 : 0.18) : 1;
    const host = HOST_BOXES[it.kind];
    if (host) {
      // Boxes that hold tasks or pods: EKS nodes, namespaces, container instances.
      ctx.fillStyle = host.fill;
      ctx.strokeStyle = host.stroke;
      ctx.lineWidth = host.width;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeRect(it.x, it.y, it.w, it.h);
    } else if (it.kind === 'loadBalancer' || it.kind === 'targetGroup') {
      const box = BOX_STYLE[it.kind];
      ctx.fillStyle = box.fill;
      ctx.strokeStyle = box.stroke;
      ctx.lineWidth = 2;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeRect(it.x, it.y, it.w, it.h);
      ctx.fillStyle = colors.health(health);
      if (it.kind === 'targetGroup') ctx.fillRect(it.x, it.y + it.h - 10, it.w, 10);
      if (health === 'unhealthy') {
        ctx.strokeStyle = colors.health('unhealthy');
        ctx.lineWidth = 6;
        ctx.strokeRect(it.x, it.y, it.w, it.h);
      }
    } else {
      // Tasks, pods, folded groups, services and workloads: the owner's colour, a unit's health in the right-hand third.
      ctx.fillStyle = colors.service(it.color);
      ctx.fillRect(it.x, it.y, it.w, it.h);
      if (role !== 'owner') {
        ctx.fillStyle = colors.health(health);
        ctx.fillRect(it.x + (it.w * 2) / 3, it.y, it.w / 3, it.h);
      }
      if (health === 'unhealthy') {
        ctx.strokeStyle = colors.health('unhealthy');
        ctx.lineWidth = 8;
        ctx.strokeRect(it.x, it.y, it.w, it.h);
      }
    }
    if (it.id === selected) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = SURFACE.selection;
      ctx.lineWidth = 10;
      ctx.strokeRect(it.x - 4, it.y - 4, it.w + 8, it.h + 8);
    }
    if (legible && role !== 'unit') {
      // Names on a service's colour are white; on the light boxes, the map's text colour.
      ctx.fillStyle = role === 'group' || role === 'owner' ? INK.onColor : INK.text;
      const text = it.count ? `${it.label} ×${it.count}` : it.label;
      ctx.fillText(text, it.x + 6, it.y + Math.min(it.h / 2, 16), Math.max(10, it.w - 12));
    }
  }
  ctx.globalAlpha = 1;
}

function describe(it: SketchItem): string {
  const what = it.kind === 'taskGroup' ? `${it.count ?? 0} tasks of ${it.label}` : it.kind === 'podGroup' ? `${it.count ?? 0} pods of ${it.label}` : it.label;
  const health = it.counts ? ` · ${healthWords(it.counts)}` : it.health ? ` · ${it.health}` : '';
  return `${what}${health} (zoom in for details)`;
}

/**
 * One canvas standing for many nodes at overview zoom. It is drawn once per change of its data or of the selection,
 * never per frame; React Flow moves and scales it with the viewport like any other node. The selection is read
 * here, not baked into the data, so the sketch node objects stay the same while it changes.
 */
export const SketchNode = memo(function SketchNode({ data }: NodeProps<SketchFlowNode>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const index = useContext(FocusIndexContext);
  const selected = useStore((s) => s.selected);
  const focus = useStore((s) => focusOwner(index, s.selected));
  const scale = Math.min(0.6 * (window.devicePixelRatio || 1), Math.sqrt(MAX_PIXELS / Math.max(1, data.width * data.height)));
  useEffect(() => {
    if (ref.current) draw(ref.current, data, { selected, focus }, scale);
  }, [data, selected, focus, scale]);
  return (
    <canvas
      ref={ref}
      className="sketch"
      data-sketch-items={data.items.length}
      width={Math.max(1, Math.round(data.width * scale))}
      height={Math.max(1, Math.round(data.height * scale))}
      style={{ width: data.width, height: data.height }}
      onMouseMove={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        const it = itemAt(data.items, ((e.clientX - r.left) * data.width) / r.width, ((e.clientY - r.top) * data.height) / r.height);
        e.currentTarget.title = it ? describe(it) : '';
      }}
    />
  );
});

/** The item of a sketch under a mouse event, for the canvas-level click handler. */
export function sketchItemAt(event: { clientX: number; clientY: number; target: EventTarget | null }, data: SketchData): SketchItem | undefined {
  const el = event.target instanceof Element ? event.target.closest('canvas.sketch') : null;
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  return itemAt(data.items, ((event.clientX - r.left) * data.width) / r.width, ((event.clientY - r.top) * data.height) / r.height);
}
