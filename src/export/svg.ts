import { emptyEstate } from '../topology/graph/emptyEstate';
import { problems } from '../topology/graph/problems';
import { problemsByNode } from '../topology/graph/problemsByNode';
import { isGroup, isOwner, isUnit } from '../topology/graph/kinds';
import type { GraphNode, HealthCounts } from '../topology/graph/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box } from '../topology/layout/types';
import { edgeEnds, edgeLabelAt, edgePath, pathOf, routeLabelAt } from '../topology/present/edges';
import { xmlAttr as attr, xmlText as esc } from '../topology/present/escape';
import type { TimeFormat } from '../topology/present/format';
import { caption, NO_RUNNING_TASKS, nodeText, type NodeText } from '../topology/present/labels';
import { fitText, textWidth } from '../topology/present/measure';
import {
  BOX_STYLE,
  EDGE_COLORS,
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
import { alerted } from './alerted';
import { problemBadges } from './svgProblems';
import { alertLines, cardWords, containerHead, headWords, smallLine } from './svgWords';

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
  // A container's words stay in the band above its first child.
  const headerBottom = new Map<string, number>();
  for (const n of graph.nodes) {
    const b = n.parent ? abs.get(n.id) : undefined;
    if (n.parent && b) headerBottom.set(n.parent, Math.min(headerBottom.get(n.parent) ?? Infinity, b.y));
  }
  for (const n of graph.nodes) {
    const b = abs.get(n.id);
    if (b && containers.has(n.id)) out.push(container(n, b, headerBottom.get(n.id) ?? b.y + b.height));
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
  out.push(
    problemBadges(
      problemsByNode(topology, problems(topology)),
      graph.nodes.map((n) => n.id),
      abs,
    ),
  );
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

function container(n: GraphNode, b: Box, headerBottom: number): string {
  const style = boxColors(n, true);
  const t = nodeText(n);
  const bar = serviceBar(n);
  const thick = n.kind === 'cluster' || n.kind === 'vpc' || n.kind === 'node';
  return [
    open(n),
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${style.fill}" stroke="${alerted(n) ? HEALTH_COLORS.unhealthy : style.stroke}" stroke-width="${thick ? 2 : 1}"${dashOf(n)}/>`,
    bar ? `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${bar}"/>` : '',
    // A service's or workload's box in the services view stacks its card's words in its tall header band.
    isOwner(n) ? cardWords({ ...b, x: b.x + 4, width: b.width - 4 }, t, chipsText(t)) : containerHead(b, t, headerBottom).svg,
    '</g>',
  ].join('');
}

/** A service's tasks per AZ, under its name and detail. */
const chipsText = (t: NodeText) => (t.chips?.length ? t.chips.join(' ') : NO_RUNNING_TASKS);

/** A load balancer's or target group's head: title in up to two lines with its pills; the second line below it unless a health bar stands for it. */
function headTwoLines(b: Box, t: NodeText): string {
  const head = headWords(b, t, 2);
  if (!t.sub || t.bar) return head.svg;
  return head.svg + smallLine(b.x + 10, head.baseline + 14, t.sub, b.x + b.width - 8, INK.muted);
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
      const right = b.x + b.width - 6;
      // Name and tag share the first line when both fit; else the tag moves to the free second line, or, under an
      // alert, keeps the right end of the first (up to under half of it). The name takes what is left, cut with an
      // ellipsis (the tooltip then says it all).
      const room = right - nameX;
      const nameWidth = textWidth(t.title, 11, true);
      const both = !rev || nameWidth + textWidth(rev, 10) + 5 <= room;
      const tagBelow = !both && !t.badges.length && !t.bar;
      const tag = rev ? fitText(rev, tagBelow ? room : Math.max(room - nameWidth - 5, room * 0.3), 10) : '';
      const tagWidth = tag && !tagBelow ? textWidth(tag, 10) + 5 : 0;
      const name = fitText(t.title, room - tagWidth, 11, true);
      const alertWidth = b.width - 18;
      const whole = [t.title, rev, ...t.badges.map((g) => g.text)].filter(Boolean).join(' · ');
      const cut = name !== t.title || tag !== rev || t.badges.some((g) => textWidth(g.text, 9, true) > alertWidth);
      return [
        open(n),
        frame(unit ? TASK_FILL[unit.health] : style.fill),
        // An older revision is hatched, as on the canvas, over its fill and under its words.
        unit?.oldRevision ? `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${OLD_REVISION_FILL}"/>` : '',
        left,
        dot ? `<circle cx="${b.x + 15}" cy="${b.y + 15}" r="4.5" fill="${dot}"/>` : '',
        cut ? `<title>${esc(whole)}</title>` : '',
        `<text x="${nameX}" y="${b.y + 19}" font-size="11" font-weight="600" fill="${INK.text}">${esc(name)}</text>`,
        tag
          ? tagBelow
            ? `<text x="${nameX}" y="${b.y + 35}" font-size="10" fill="${INK.revision}">${esc(tag)}</text>`
            : `<text x="${right}" y="${b.y + 19}" font-size="10" text-anchor="end" fill="${INK.revision}">${esc(tag)}</text>`
          : '',
        ...t.badges.map((g) => alertLines(b.x + 12, b.y + 19, g.text, alertWidth, HEALTH_COLORS.unhealthy)),
        t.bar ? `<g><title>${esc(t.sub ?? '')}</title>${healthBar(b.x + 12, b.y + b.height - 12, b.width - 20, t.bar)}</g>` : '',
        '</g>',
      ].join('');
    }
    case 'loadBalancer':
    case 'targetGroup':
      return [
        open(n),
        frame(style.fill),
        headTwoLines(b, t),
        t.bar ? healthBar(b.x + 10, b.y + b.height - 14, b.width - 20, t.bar) : '',
        t.bar ? smallLine(b.x + 10, b.y + b.height - 18, t.sub ?? '', b.x + b.width - 10, INK.muted, 9) : '',
        '</g>',
      ].join('');
    case 'service':
    case 'workload':
      return [open(n), frame(style.fill), left, cardWords({ ...b, x: b.x + 4, width: b.width - 4 }, t, chipsText(t)), '</g>'].join('');
    default:
      return container(n, b, b.y + b.height);
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
