import { emptyEstate } from '../topology/graph/emptyEstate';
import { isGroup, isOwner, isUnit } from '../topology/graph/kinds';
import type { GraphNode, HealthCounts } from '../topology/graph/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box } from '../topology/layout/types';
import { edgeEnds, edgeLabelAt, edgePath, pathOf, routeLabelAt } from '../topology/present/edges';
import { xmlAttr as attr, xmlText as esc } from '../topology/present/escape';
import type { TimeFormat } from '../topology/present/format';
import { caption, NO_RUNNING_TASKS, nodeText, type Badge, type NodeText } from '../topology/present/labels';
import {
  BADGE_COLORS,
  BOX_STYLE,
  EDGE_COLORS,
  GLYPH_COLORS,
  HEALTH_COLORS,
  healthSegments,
  INK,
  serviceColor,
  SUBNET_STYLE,
  SURFACE,
  TASK_FILL,
  type BoxColors,
} from '../topology/present/theme';
import type { ExportInput } from './prepare';
import { OLD_REVISION_FILL, svgDefs, svgHead, textSpan } from './svgHead';

/**
 * A self-contained SVG of the map as laid out on screen: boxes, tasks, the band and its edges, text as text and the
 * glyphs drawn inline, with no external reference, so it opens in browsers and vector editors alike.
 */
export function toSvg(input: ExportInput, options: { crop?: Crop; time?: TimeFormat } = {}): string {
  const { graph, layout, topology } = input;
  const abs = absoluteBoxes(layout);
  const margin = SVG_MARGIN;
  // A region with no containers says so in the picture, as the page does, rather than drawing an empty frame.
  const empty = graph.nodes.length ? undefined : emptyEstate(topology);
  const notice = empty
    ? [
        { text: empty.title, size: 16, bold: true },
        ...[empty.detail, empty.next].flatMap((t) => wrap(t, NOTICE_CHARS)).map((text) => ({ text, size: 12, bold: false })),
      ]
    : [];
  const noticeHeight = notice.reduce((h, l) => h + l.size + 8, 0);
  // Never narrower than the title block or the notice: a cut title loses what was read, where and when.
  const noticeWidth = Math.max(0, ...notice.map((l) => textSpan(l.text, l.size, l.bold)));
  const head = svgHead(graph, topology.source, Math.max(layout.width, noticeWidth, LEGEND_MIN_WIDTH), options.time);
  const top = margin + head.height + HEAD_GAP;
  const width = Math.ceil(Math.max(layout.width, head.width, noticeWidth) + 2 * margin);
  const height = Math.ceil(top + noticeHeight + layout.height + margin);
  // A crop is in layout coordinates (the visible part of the screen); the drawing is offset by the margin and head.
  const c = options.crop;
  const view = c ? `${r1(c.x + margin)} ${r1(c.y + top)} ${r1(c.width)} ${r1(c.height)}` : `0 0 ${width} ${height}`;
  const size = c ? `width="${Math.ceil(c.width)}" height="${Math.ceil(c.height)}"` : `width="${width}" height="${height}"`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="${view}" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<title>${esc(caption(topology.source, graph.view))}</title>`);
  out.push(svgDefs());
  out.push(`<rect width="${width}" height="${height}" fill="${SURFACE.page}"/>`);
  out.push(`<g transform="translate(${margin} ${margin})">${head.svg}</g>`);
  let y = top;
  for (const l of notice) {
    y += l.size + 8;
    out.push(
      `<text x="${margin}" y="${y}" font-size="${l.size}"${l.bold ? ' font-weight="600"' : ''} fill="${l.bold ? INK.text : INK.soft}" data-kind="empty-estate">${esc(l.text)}</text>`,
    );
  }
  out.push(`<g data-part="map" transform="translate(${margin} ${top})">`);
  // Containers first, then edges, then leaves: edges run over boxes but under the things they connect.
  const containers = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  for (const n of graph.nodes) {
    const b = abs.get(n.id);
    if (b && containers.has(n.id)) out.push(container(n, b));
  }
  for (const e of graph.edges) {
    const s = abs.get(e.source);
    const t = abs.get(e.target);
    if (!s || !t) continue;
    // The router's polyline when the layout has one (it keeps clear of unrelated boxes), else the plain geometry.
    const route = layout.routes?.[e.id];
    const ends = edgeEnds(s, t);
    const d = route ? pathOf(route) : edgePath(ends);
    const at = route ? routeLabelAt(route) : edgeLabelAt(ends);
    const color = e.unhealthy ? EDGE_COLORS.unhealthy : EDGE_COLORS.line;
    out.push(`<path data-edge="${attr(e.id)}" d="${d}" fill="none" stroke="${color}" stroke-width="${e.unhealthy ? 2 : 1.5}"/>`);
    if (e.label) {
      out.push(
        `<text x="${r1(at.x)}" y="${r1(at.y - 3)}" font-size="10" text-anchor="middle" fill="${INK.soft}" stroke="${SURFACE.page}" stroke-width="3" paint-order="stroke">${esc(e.label)}</text>`,
      );
    }
  }
  for (const n of graph.nodes) {
    const b = abs.get(n.id);
    if (b && !containers.has(n.id)) out.push(leaf(n, b));
  }
  out.push('</g></svg>');
  return out.join('\n');
}

function boxColors(n: GraphNode, container: boolean): BoxColors {
  switch (n.kind) {
    case 'subnet':
      return SUBNET_STYLE[n.exposure];
    case 'service':
    case 'workload':
      return container ? BOX_STYLE.serviceBox : BOX_STYLE.service;
    case 'task':
    case 'pod':
    case 'taskGroup':
    case 'podGroup':
      return BOX_STYLE.task;
    default:
      return BOX_STYLE[n.kind];
  }
}

/** Whether a node is drawn with the alert colour round it, as on the canvas. */
function alerted(n: GraphNode): boolean {
  switch (n.kind) {
    case 'task':
    case 'pod':
      return n.health === 'unhealthy';
    case 'taskGroup':
    case 'podGroup':
    case 'targetGroup':
      return n.counts.unhealthy > 0;
    case 'service':
    case 'workload':
      return n.unhealthy > 0;
    case 'node':
      return n.ready === false;
    default:
      return false;
  }
}

/** The service's or workload's colour a node carries as a bar on its left edge, if any. */
function serviceBar(n: GraphNode): string | undefined {
  return isUnit(n) || isGroup(n) || isOwner(n) ? serviceColor(n.color) : undefined;
}

/** A node's group, named by kind (what the tests and a reader's tools select on) and by id. */
const open = (n: GraphNode) => `<g data-kind="${n.kind}" data-id="${attr(n.id)}">`;

/** Dashed borders, as on the canvas: a subnet whose routes were not read, a spot node, a Kubernetes namespace. */
function dashOf(n: GraphNode): string {
  switch (n.kind) {
    case 'subnet':
      return n.exposure === 'unknown' ? ' stroke-dasharray="4 3"' : '';
    case 'node':
      return n.spot ? ' stroke-dasharray="7 4"' : '';
    case 'namespace':
      return ' stroke-dasharray="4 3"';
    default:
      return '';
  }
}

function container(n: GraphNode, b: Box): string {
  const style = boxColors(n, true);
  const t = nodeText(n);
  const bar = serviceBar(n);
  const thick = n.kind === 'cluster' || n.kind === 'vpc' || n.kind === 'node';
  return [
    open(n),
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${style.fill}" stroke="${alerted(n) ? HEALTH_COLORS.unhealthy : style.stroke}" stroke-width="${thick ? 2 : 1}"${dashOf(n)}/>`,
    bar ? `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${bar}"/>` : '',
    titleLine(b, t),
    isOwner(n) ? chipsLine(b, t) : '',
    '</g>',
  ].join('');
}

/** A service's tasks per AZ, under its name and detail. */
function chipsLine(b: Box, t: NodeText): string {
  const text = t.chips?.length ? t.chips.join(' ') : NO_RUNNING_TASKS;
  return `<text x="${b.x + 14}" y="${b.y + 50}" font-size="10" fill="${INK.soft}">${esc(clip(text, b.width - 20, 5.6))}</text>`;
}

/** Glyph, title and badges on the first line; the second line below. */
function titleLine(b: Box, t: NodeText, sub = true): string {
  let x = b.x + 10;
  const y = b.y + 18;
  const parts: string[] = [];
  if (t.glyph) {
    const w = 8 + t.glyph.text.length * 7;
    parts.push(tile(x, y - 12, t.glyph.text, GLYPH_COLORS[t.glyph.tone], INK.onColor, 16));
    x += w + 6;
  }
  for (const badge of t.badges.filter((g) => g.tone === 'public' || g.tone === 'private')) x = pill(parts, x, y, badge);
  const title = clip(t.title, b.width - (x - b.x) - 8, 7);
  parts.push(`<text x="${x}" y="${y}" font-weight="600" fill="${INK.text}">${esc(title)}</text>`);
  x += title.length * 7 + 6;
  for (const badge of t.badges.filter((g) => g.tone !== 'public' && g.tone !== 'private')) x = pill(parts, x, y, badge);
  if (sub && t.sub) parts.push(`<text x="${b.x + 10}" y="${y + 16}" font-size="10" fill="${INK.muted}">${esc(clip(t.sub, b.width - 20, 5.6))}</text>`);
  return parts.join('');
}

/** A badge as on the canvas: a word on a coloured pill; returns where the next thing on the line starts. */
function pill(parts: string[], x: number, y: number, badge: Badge): number {
  const w = 8 + badge.text.length * 5.6;
  const c = BADGE_COLORS[badge.tone];
  parts.push(tile(x, y - 11, badge.text, c.fill, c.text, 14));
  return x + w + 4;
}

function tile(x: number, y: number, text: string, fill: string, ink: string, height: number): string {
  const w = 8 + text.length * (height === 16 ? 7 : 5.6);
  return `<rect x="${x}" y="${y}" width="${r1(w)}" height="${height}" rx="3" fill="${fill}"/><text x="${r1(x + w / 2)}" y="${y + height - 4}" font-size="${height === 16 ? 10 : 9}" font-weight="700" text-anchor="middle" fill="${ink}">${esc(text)}</text>`;
}

function healthBar(x: number, y: number, width: number, c: HealthCounts): string {
  const total = healthSegments(c).reduce((a, p) => a + p.count, 0);
  if (!total) return `<rect x="${x}" y="${y}" width="${width}" height="5" fill="${SURFACE.healthBarEmpty}"/>`;
  let at = x;
  return healthSegments(c)
    .map(({ health, count }) => {
      const w = (width * count) / total;
      const r = `<rect x="${r1(at)}" y="${y}" width="${r1(w)}" height="5" fill="${HEALTH_COLORS[health]}"/>`;
      at += w;
      return r;
    })
    .join('');
}

function leaf(n: GraphNode, b: Box): string {
  const t = nodeText(n);
  const style = boxColors(n, false);
  const bad = alerted(n);
  const frame = (fill: string) =>
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${fill}" stroke="${bad ? HEALTH_COLORS.unhealthy : style.stroke}" stroke-width="${bad ? 2 : 1}"/>`;
  const bar = serviceBar(n);
  const left = bar ? `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${bar}"/>` : '';
  switch (n.kind) {
    case 'task':
    case 'pod':
    case 'taskGroup':
    case 'podGroup': {
      // As on the canvas: name and revision on the first line, the alert (or the folded group's health bar) below.
      const unit = isUnit(n) ? n : undefined;
      const dot = unit ? HEALTH_COLORS[unit.health] : undefined;
      const rev = unit ? (t.sub ?? '') : '';
      const nameX = b.x + (dot ? 24 : 12);
      return [
        open(n),
        frame(unit ? TASK_FILL[unit.health] : style.fill),
        // An older revision is hatched, as on the canvas, over its fill and under its words.
        unit?.oldRevision ? `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${OLD_REVISION_FILL}"/>` : '',
        left,
        dot ? `<circle cx="${b.x + 15}" cy="${b.y + 15}" r="4.5" fill="${dot}"/>` : '',
        `<text x="${nameX}" y="${b.y + 19}" font-size="11" font-weight="600" fill="${INK.text}">${esc(clip(t.title, b.x + b.width - nameX - rev.length * 5.5 - 10, 6.2))}</text>`,
        rev ? `<text x="${b.x + b.width - 6}" y="${b.y + 19}" font-size="10" text-anchor="end" fill="${INK.revision}">${esc(rev)}</text>` : '',
        ...t.badges.map(
          (g) =>
            `<text x="${b.x + 12}" y="${b.y + 35}" font-size="9" font-weight="700" fill="${HEALTH_COLORS.unhealthy}">${esc(clip(g.text, b.width - 18, 5))}</text>`,
        ),
        t.bar ? `<g><title>${esc(t.sub ?? '')}</title>${healthBar(b.x + 12, b.y + b.height - 12, b.width - 20, t.bar)}</g>` : '',
        '</g>',
      ].join('');
    }
    case 'loadBalancer':
    case 'targetGroup':
      return [
        open(n),
        frame(style.fill),
        titleLine(b, t, !t.bar),
        t.bar ? healthBar(b.x + 10, b.y + b.height - 14, b.width - 20, t.bar) : '',
        t.bar ? `<text x="${b.x + 10}" y="${b.y + b.height - 18}" font-size="9" fill="${INK.muted}">${esc(clip(t.sub ?? '', b.width - 20, 5))}</text>` : '',
        '</g>',
      ].join('');
    case 'service':
    case 'workload':
      return [open(n), frame(style.fill), left, titleLine({ ...b, x: b.x + 4 }, t), chipsLine(b, t), '</g>'].join('');
    default:
      return container(n, b);
  }
}

/** A rectangle of the layout to draw instead of the whole map */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SVG_MARGIN = 24;
/** Between the legend and the map */
const HEAD_GAP = 16;
/** The legend wraps at the map's width, but never narrower than this (a small map's legend would stack up) */
const LEGEND_MIN_WIDTH = 560;
/** Lines of the empty-region notice wrap at this many characters */
const NOTICE_CHARS = 96;

/** Words to lines of at most `max` characters (a longer word keeps its own line). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Cuts text to roughly what fits in `width` at `perChar` pixels per character. */
function clip(text: string, width: number, perChar: number): string {
  const max = Math.max(3, Math.floor(width / perChar));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
