import { memo, useContext, useEffect, useMemo, useRef } from 'react';
import { useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { ROLE } from '../../topology/graph/kinds';
import type { HealthCounts, TaskHealth } from '../../topology/graph/types';
import { edgePoints } from '../../topology/present/edges';
import { healthWords } from '../../topology/present/labels';
import { serviceColorIn, type BoxColors, type ThemeTokens } from '../../topology/present/theme';
import { useStore } from '../../app/store';
import { useThemeTokens } from '../../app/colorScheme';
import { focusOwner } from '../focus';
import { itemAt, type SketchData, type SketchFlowNode, type SketchItem } from '../sketch';
import { rowAt, sketchPlan, TEXT_STEPS, zoomStep, type BarLayout, type BarRow, type SketchPlan } from '../sketchBars';
import { FocusIndexContext } from '../useNodeFocus';

/** What a sketch paints under besides its data: the selected node, and the service or workload whose units stay lit while the rest dims. */
interface Selection {
  selected: string | undefined;
  focus: string | undefined;
}

/** Boxes that hold tasks or pods, with the border widths a sketch's scale needs; their colours come from the theme's boxes. */
const HOST_BORDER: Partial<Record<SketchItem['kind'], { box: 'node' | 'namespace' | 'instance'; width: number }>> = {
  node: { box: 'node', width: 4 },
  namespace: { box: 'namespace', width: 2 },
  instance: { box: 'instance', width: 2 },
};

/** Canvas pixels per map unit are capped here, so a sketch costs at most this many pixels of memory. */
const MAX_PIXELS = 8_000_000;

function worstHealth(item: SketchItem): TaskHealth {
  if (item.health) return item.health;
  const c = item.counts;
  if (!c) return 'unknown';
  if (c.unhealthy) return 'unhealthy';
  if (c.pending) return 'pending';
  if (c.healthy) return 'healthy';
  return c.stopped ? 'stopped' : 'unknown';
}

function drawTiles(ctx: CanvasRenderingContext2D, data: SketchData, t: ThemeTokens, { selected, focus }: Selection, scale: number): void {
  const lit = (it: { ownerId?: string }) => focus === undefined || it.ownerId === focus;
  for (const l of data.lines) {
    ctx.globalAlpha = focus === undefined || l.target === focus ? 0.7 : 0.15;
    ctx.strokeStyle = l.unhealthy ? t.edge.unhealthy : t.edge.line;
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
    const host = HOST_BORDER[it.kind];
    if (host) {
      // Boxes that hold tasks or pods: EKS nodes, namespaces, container instances.
      const box: BoxColors = t.box[host.box];
      ctx.fillStyle = box.fill;
      ctx.strokeStyle = box.stroke;
      ctx.lineWidth = host.width;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeRect(it.x, it.y, it.w, it.h);
    } else if (it.kind === 'loadBalancer' || it.kind === 'targetGroup') {
      const box = t.box[it.kind];
      ctx.fillStyle = box.fill;
      ctx.strokeStyle = box.stroke;
      ctx.lineWidth = 2;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeRect(it.x, it.y, it.w, it.h);
      ctx.fillStyle = t.health[health];
      if (it.kind === 'targetGroup') ctx.fillRect(it.x, it.y + it.h - 10, it.w, 10);
      if (health === 'unhealthy') {
        ctx.strokeStyle = t.health.unhealthy;
        ctx.lineWidth = 6;
        ctx.strokeRect(it.x, it.y, it.w, it.h);
      }
    } else {
      // Tasks, pods, folded groups, services and workloads: the owner's colour, a unit's health in the right-hand third.
      ctx.fillStyle = serviceColorIn(t, it.color);
      ctx.fillRect(it.x, it.y, it.w, it.h);
      if (role !== 'owner') {
        ctx.fillStyle = t.health[health];
        ctx.fillRect(it.x + (it.w * 2) / 3, it.y, it.w / 3, it.h);
      }
      if (health === 'unhealthy') {
        ctx.strokeStyle = t.health.unhealthy;
        ctx.lineWidth = 8;
        ctx.strokeRect(it.x, it.y, it.w, it.h);
      }
    }
    if (it.id === selected) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = t.surface.selection;
      ctx.lineWidth = 10;
      ctx.strokeRect(it.x - 4, it.y - 4, it.w + 8, it.h + 8);
    }
    if (legible && role !== 'unit') {
      // Names on a service's colour are white; on the boxes, the map's text colour.
      ctx.fillStyle = role === 'group' || role === 'owner' ? t.ink.onColor : t.ink.text;
      const text = it.count ? `${it.label} ×${it.count}` : it.label;
      ctx.fillText(text, it.x + 6, it.y + Math.min(it.h / 2, 16), Math.max(10, it.w - 12));
    }
  }
}

/** The words at the right of a bar's text line: its problems, then its count. */
function tally(c: HealthCounts, total: number): string {
  const problem = c.unhealthy ? `${c.unhealthy} unhealthy · ` : c.pending ? `${c.pending} pending · ` : '';
  return `${problem}${total}`;
}

/** `text` cut in the middle to `width`, measured in the context's font: names that share a prefix stay told apart by their ends. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const cut = (n: number) => `${text.slice(0, Math.ceil(n / 2))}…${text.slice(text.length - Math.floor(n / 2))}`;
  let n = text.length - 1;
  while (n > 1 && ctx.measureText(cut(n)).width > width) n--;
  return cut(n);
}

function drawRow(ctx: CanvasRenderingContext2D, row: BarRow, lineH: number, t: ThemeTokens): void {
  const { bar } = row;
  if (row.swatch) {
    // The name always beside its colour.
    ctx.fillStyle = serviceColorIn(t, bar.color);
    ctx.fillRect(row.swatchX, row.swatchY - row.swatch / 2, row.swatch, row.swatch);
  }
  // The name comes first: inline, the problems, then the count, give way when it would not fit (the tooltip has them).
  const gap = ctx.measureText(' ').width * 2;
  const nameW = ctx.measureText(bar.label).width;
  const countRoom = row.stacked ? row.countX - (row.barX + (row.segments.at(-1)?.x ?? 0) + (row.segments.at(-1)?.w ?? 0)) - gap : row.nameW - nameW - gap;
  const right = [tally(bar.counts, bar.total), String(bar.total)].find((r) => ctx.measureText(r).width <= countRoom) ?? (row.stacked ? String(bar.total) : '');
  ctx.fillStyle = bar.counts.unhealthy ? t.ink.warn : t.ink.text;
  ctx.textAlign = 'right';
  ctx.fillText(right, row.countX, row.countY);
  ctx.textAlign = 'left';
  ctx.fillStyle = t.ink.text;
  const rightW = right && !row.stacked ? ctx.measureText(right).width + gap : 0;
  // A stacked name too wide for its column comes wrapped; the count is never on its lines.
  row.nameLines.forEach((line, i) => ctx.fillText(fitText(ctx, line, row.nameW - (i ? 0 : rightW)), row.nameX, row.textY + i * lineH));
  const length = row.segments.reduce((n, seg) => Math.max(n, seg.x + seg.w), 0);
  ctx.fillStyle = t.surface.healthBarEmpty;
  ctx.fillRect(row.barX, row.barY, row.stacked ? length : row.w, row.barH);
  for (const seg of row.segments) {
    ctx.fillStyle = t.health[seg.health];
    ctx.fillRect(row.barX + seg.x, row.barY, seg.w, row.barH);
  }
}

function drawBars(ctx: CanvasRenderingContext2D, { font, lineH, rows, title }: BarLayout, t: ThemeTokens, { selected, focus }: Selection): void {
  ctx.textBaseline = 'middle';
  if (title) {
    ctx.font = `700 ${font}px system-ui, sans-serif`;
    ctx.fillStyle = t.ink.text;
    title.lines.forEach((line, i) => ctx.fillText(fitText(ctx, line, title.w), title.x, title.y + i * title.lineH));
  }
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  for (const row of rows) {
    const lit = focus === undefined || row.bar.ownerId === focus || row.bar.id === selected;
    ctx.globalAlpha = lit ? 1 : 0.3;
    drawRow(ctx, row, lineH, t);
    if (row.bar.id === selected || (focus !== undefined && row.bar.ownerId === focus)) {
      // The selection, or the service of a selected task, outlined wherever it runs.
      ctx.globalAlpha = 1;
      ctx.strokeStyle = t.surface.selection;
      ctx.lineWidth = font * 0.2;
      ctx.strokeRect(row.x - font * 0.2, row.y - font * 0.15, row.w + font * 0.4, row.h + font * 0.3);
    }
  }
}

function draw(canvas: HTMLCanvasElement, data: SketchData, plan: SketchPlan, t: ThemeTokens, selection: Selection, scale: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, data.width, data.height);
  if (plan.kind === 'bars') drawBars(ctx, plan.layout, t, selection);
  else drawTiles(ctx, data, t, selection, scale);
  ctx.globalAlpha = 1;
}

/** The plan each sketch canvas last painted, for clicks and hovers: bars stand for their owners. */
const painted = new WeakMap<Element, SketchPlan>();

function describe(it: SketchItem): string {
  const what = it.kind === 'taskGroup' ? `${it.count ?? 0} tasks of ${it.label}` : it.kind === 'podGroup' ? `${it.count ?? 0} pods of ${it.label}` : it.label;
  const health = it.counts ? ` · ${healthWords(it.counts)}` : it.health ? ` · ${it.health}` : '';
  return `${what}${health} (zoom in for details)`;
}

function describeRow(row: BarRow, data: SketchData): string {
  const what = row.more ? `${row.more} more services and workloads` : row.bar.label;
  const unit =
    row.bar.kind === 'loadBalancer'
      ? 'targets'
      : data.items.some((i) => i.kind === 'pod' || i.kind === 'podGroup' || i.kind === 'workload')
        ? 'tasks and pods'
        : 'tasks';
  return `${what}: ${row.bar.total} ${unit} · ${healthWords(row.bar.counts)} (zoom in for details)`;
}

/** A sketch point in map units, from a mouse position over its canvas. */
function pointIn(el: Element, data: SketchData, e: { clientX: number; clientY: number }): [number, number] {
  const r = el.getBoundingClientRect();
  return [((e.clientX - r.left) * data.width) / r.width, ((e.clientY - r.top) * data.height) / r.height];
}

/**
 * One canvas standing for many nodes at overview zoom. It is drawn once per change of its data, of the selection,
 * of the theme, of the zoom by half an octave (its resolution) or, for bars, by an eighth (their text's size), never
 * per frame; React Flow moves and scales it with the viewport like any other node. The selection is read here, not
 * baked into the data, so the sketch node objects stay the same while it changes.
 */
export const SketchNode = memo(function SketchNode({ data }: NodeProps<SketchFlowNode>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const index = useContext(FocusIndexContext);
  const selected = useStore((s) => s.selected);
  const focus = useStore((s) => focusOwner(index, s.selected));
  const zoom = useFlowStore((s) => zoomStep(s.transform[2]));
  const textZoom = useFlowStore((s) => zoomStep(s.transform[2], TEXT_STEPS));
  const tokens = useThemeTokens();
  const plan = useMemo(() => sketchPlan(data, textZoom, focus), [data, textZoom, focus]);
  // Enough canvas pixels for the screen until the next half-octave step, within the memory cap.
  const dpr = window.devicePixelRatio || 1;
  const scale = Math.min(0.6 * dpr, zoom * Math.SQRT2 * dpr, Math.sqrt(MAX_PIXELS / Math.max(1, data.width * data.height)));
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    draw(canvas, data, plan, tokens, { selected, focus }, scale);
    painted.set(canvas, plan);
  }, [data, plan, tokens, selected, focus, scale]);
  return (
    <canvas
      ref={ref}
      className="sketch"
      data-sketch-items={data.items.length}
      data-sketch-plan={plan.kind}
      width={Math.max(1, Math.round(data.width * scale))}
      height={Math.max(1, Math.round(data.height * scale))}
      style={{ width: data.width, height: data.height }}
      onMouseMove={(e) => {
        const [x, y] = pointIn(e.currentTarget, data, e);
        const row = plan.kind === 'bars' ? rowAt(plan.layout.rows, x, y) : undefined;
        const it = plan.kind === 'tiles' ? itemAt(data.items, x, y) : undefined;
        e.currentTarget.title = row ? describeRow(row, data) : it ? describe(it) : '';
      }}
    />
  );
});

/**
 * The item of a sketch under a mouse event, for the canvas-level click handler. Over a bar it is the bar's service,
 * workload or load balancer, which a click selects (a service lit in every AZ); the rest row and unowned bars stand
 * for no one item.
 */
export function sketchItemAt(event: { clientX: number; clientY: number; target: EventTarget | null }, data: SketchData): SketchItem | undefined {
  const el = event.target instanceof Element ? event.target.closest('canvas.sketch') : null;
  if (!el) return undefined;
  const [x, y] = pointIn(el, data, event);
  const plan = painted.get(el);
  if (plan?.kind !== 'bars') return itemAt(data.items, x, y);
  const row = rowAt(plan.layout.rows, x, y);
  const kind = row?.bar.kind;
  if (!row || kind === undefined) return undefined;
  const owner = row.bar.ownerId !== undefined ? { ownerId: row.bar.ownerId } : {};
  return { id: row.bar.ownerId ?? row.bar.id, kind, x: row.x, y: row.y, w: row.w, h: row.h, label: row.bar.label, color: row.bar.color, ...owner };
}
