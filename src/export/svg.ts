import { emptyEstate } from '../topology/graph/emptyEstate';
import { BOX_STYLE, GLYPH_COLORS, HEALTH_COLORS, serviceColor, SUBNET_STYLE } from '../topology/graph/theme';
import type { GraphNode, HealthCounts } from '../topology/graph/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box } from '../topology/layout/types';
import { xmlText as esc } from './escape';
import { caption, nodeText } from './labels';
import { edgePath, type ExportInput } from './prepare';

/**
 * A self-contained SVG of the map as laid out on screen: boxes, tasks, the band and its edges, text as text and the
 * glyphs drawn inline, with no external reference, so it opens in browsers and vector editors alike.
 */
export function toSvg(input: ExportInput, options: { crop?: Crop } = {}): string {
  const { graph, layout, topology } = input;
  const abs = absoluteBoxes(layout);
  const margin = SVG_MARGIN;
  const head = SVG_HEAD;
  const heading = caption(topology.source, graph.view);
  // A region with no containers says so in the picture, as the page does, rather than drawing an empty frame.
  const empty = graph.nodes.length ? undefined : emptyEstate(topology);
  const notice = empty
    ? [
        { text: empty.title, size: 16, bold: true },
        ...[empty.detail, empty.next].flatMap((t) => wrap(t, NOTICE_CHARS)).map((text) => ({ text, size: 12, bold: false })),
      ]
    : [];
  const noticeHeight = notice.reduce((h, l) => h + l.size + 8, 0);
  // Never narrower than the caption or the notice: a cut title loses what was read, where and when.
  const textWidth = Math.max(textSpan(heading, 14, true), ...notice.map((l) => textSpan(l.text, l.size, l.bold)));
  const width = Math.ceil(Math.max(layout.width, textWidth) + 2 * margin);
  const height = Math.ceil(layout.height + noticeHeight + 2 * margin + head);
  // A crop is in layout coordinates (the visible part of the screen); the drawing is offset by the margin and caption.
  const c = options.crop;
  const view = c ? `${r1(c.x + margin)} ${r1(c.y + margin + head)} ${r1(c.width)} ${r1(c.height)}` : `0 0 ${width} ${height}`;
  const size = c ? `width="${Math.ceil(c.width)}" height="${Math.ceil(c.height)}"` : `width="${width}" height="${height}"`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="${view}" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<title>${esc(heading)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${margin}" y="${margin + 8}" font-size="14" font-weight="600" fill="#1d2733">${esc(heading)}</text>`);
  let y = margin + head;
  for (const l of notice) {
    y += l.size + 8;
    out.push(
      `<text x="${margin}" y="${y}" font-size="${l.size}"${l.bold ? ' font-weight="600"' : ''} fill="${l.bold ? '#1d2733' : '#3d4a5c'}" data-kind="empty-estate">${esc(l.text)}</text>`,
    );
  }
  out.push(`<g transform="translate(${margin} ${margin + head})">`);
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
    const color = e.unhealthy ? HEALTH_COLORS.unhealthy : '#7d8da3';
    out.push(`<path d="${edgePath(s, t)}" fill="none" stroke="${color}" stroke-width="${e.unhealthy ? 2 : 1.5}"/>`);
    if (e.label) {
      const x = (s.x + s.width / 2 + t.x + t.width / 2) / 2;
      const y = (s.y + s.height + t.y) / 2;
      out.push(
        `<text x="${x}" y="${y - 3}" font-size="10" text-anchor="middle" fill="#334" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(e.label)}</text>`,
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

function container(n: GraphNode, b: Box): string {
  const style = n.kind === 'subnet' ? SUBNET_STYLE[n.exposure] : n.kind in BOX_STYLE ? BOX_STYLE[n.kind as keyof typeof BOX_STYLE] : BOX_STYLE.vpc;
  const t = nodeText(n);
  const bar = n.kind === 'service' ? `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${serviceColor(n.color)}"/>` : '';
  return [
    `<g data-kind="${n.kind}">`,
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${n.kind === 'cluster' ? 2 : 1}"/>`,
    bar,
    title(n, b, t.title, t.sub, t.glyph),
    '</g>',
  ].join('');
}

function title(n: GraphNode, b: Box, text: string, sub: string | undefined, glyph: string | undefined): string {
  let x = b.x + 10;
  const y = b.y + 18;
  const parts: string[] = [];
  if (glyph) {
    const w = 8 + glyph.length * 7;
    parts.push(glyphTile(x, y - 12, glyph, glyphColor(n)));
    x += w + 6;
  }
  parts.push(`<text x="${x}" y="${y}" font-weight="600" fill="#1d2733">${esc(clip(text, b.width - (x - b.x) - 8, 7))}</text>`);
  if (sub) parts.push(`<text x="${b.x + 10}" y="${y + 16}" font-size="10" fill="#5b6675">${esc(clip(sub, b.width - 20, 5.6))}</text>`);
  return parts.join('');
}

function glyphColor(n: GraphNode): string {
  switch (n.kind) {
    case 'vpc':
      return GLYPH_COLORS.vpc;
    case 'az':
      return GLYPH_COLORS.az;
    case 'instance':
      return GLYPH_COLORS.ec2;
    case 'cluster':
      return n.engine === 'eks' ? GLYPH_COLORS.eks : GLYPH_COLORS.cluster;
    case 'node':
    case 'namespace':
      return GLYPH_COLORS.eks;
    case 'loadBalancer':
      return GLYPH_COLORS.lb;
    default:
      return GLYPH_COLORS.tg;
  }
}

function glyphTile(x: number, y: number, text: string, color: string): string {
  const w = 8 + text.length * 7;
  return `<rect x="${x}" y="${y}" width="${w}" height="16" rx="3" fill="${color}"/><text x="${x + w / 2}" y="${y + 12}" font-size="10" font-weight="700" text-anchor="middle" fill="#fff">${esc(text)}</text>`;
}

function healthBar(x: number, y: number, width: number, c: HealthCounts): string {
  const order: (keyof HealthCounts)[] = ['healthy', 'unknown', 'pending', 'unhealthy', 'stopped'];
  const total = order.reduce((a, k) => a + c[k], 0);
  if (!total) return `<rect x="${x}" y="${y}" width="${width}" height="5" fill="#e3e8ef"/>`;
  let at = x;
  return order
    .filter((k) => c[k])
    .map((k) => {
      const w = (width * c[k]) / total;
      const r = `<rect x="${at}" y="${y}" width="${w}" height="5" fill="${HEALTH_COLORS[k]}"/>`;
      at += w;
      return r;
    })
    .join('');
}

function leaf(n: GraphNode, b: Box): string {
  const t = nodeText(n);
  switch (n.kind) {
    case 'task':
    case 'taskGroup': {
      const unhealthy = n.kind === 'task' ? n.health === 'unhealthy' : n.counts.unhealthy > 0;
      const dot = n.kind === 'task' ? HEALTH_COLORS[n.health] : undefined;
      const fill = n.kind === 'task' && n.health === 'unhealthy' ? '#fdecea' : n.kind === 'task' && n.health === 'stopped' ? '#eceff3' : '#ffffff';
      return [
        `<g data-kind="${n.kind}">`,
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${fill}" stroke="${unhealthy ? HEALTH_COLORS.unhealthy : BOX_STYLE.task.stroke}" stroke-width="${unhealthy ? 2 : 1}"/>`,
        `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${serviceColor(n.color)}"/>`,
        dot ? `<circle cx="${b.x + 15}" cy="${b.y + 15}" r="4.5" fill="${dot}"/>` : '',
        `<text x="${b.x + (dot ? 24 : 12)}" y="${b.y + 19}" font-size="11" font-weight="600" fill="#1d2733">${esc(clip(t.title, b.width - 30, 6.2))}</text>`,
        n.kind === 'taskGroup'
          ? healthBar(b.x + 12, b.y + b.height - 12, b.width - 20, n.counts)
          : `<text x="${b.x + 12}" y="${b.y + 35}" font-size="9" fill="${unhealthy ? HEALTH_COLORS.unhealthy : '#556'}">${esc(clip(t.sub ?? '', b.width - 18, 5))}</text>`,
        '</g>',
      ].join('');
    }
    case 'loadBalancer':
    case 'targetGroup': {
      const style = BOX_STYLE[n.kind];
      const bad = n.kind === 'targetGroup' && n.counts.unhealthy > 0;
      return [
        `<g data-kind="${n.kind}">`,
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${style.fill}" stroke="${bad ? HEALTH_COLORS.unhealthy : style.stroke}" stroke-width="${bad ? 2 : 1}"/>`,
        title(n, b, t.title, n.kind === 'loadBalancer' ? t.sub : undefined, t.glyph),
        n.kind === 'targetGroup' ? healthBar(b.x + 10, b.y + b.height - 14, b.width - 20, n.counts) : '',
        n.kind === 'targetGroup'
          ? `<text x="${b.x + 10}" y="${b.y + b.height - 18}" font-size="9" fill="#5b6675">${esc(clip(t.sub ?? '', b.width - 20, 5))}</text>`
          : '',
        '</g>',
      ].join('');
    }
    case 'service':
      return [
        `<g data-kind="service">`,
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="#fff" stroke="${n.unhealthy ? HEALTH_COLORS.unhealthy : BOX_STYLE.service.stroke}"/>`,
        `<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${serviceColor(n.color)}"/>`,
        `<text x="${b.x + 14}" y="${b.y + 18}" font-weight="600" fill="#1d2733">${esc(clip(t.title, b.width - 20, 7))}</text>`,
        `<text x="${b.x + 14}" y="${b.y + 34}" font-size="10" fill="#5b6675">${esc(clip(n.detail, b.width - 20, 5.6))}</text>`,
        `<text x="${b.x + 14}" y="${b.y + 50}" font-size="10" fill="#334">${esc(clip((t.sub ?? '').split(' · ').pop() ?? '', b.width - 20, 5.6))}</text>`,
        '</g>',
      ].join('');
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
const SVG_HEAD = 36;
/** Lines of the empty-region notice wrap at this many characters */
const NOTICE_CHARS = 96;

/**
 * A width no drawn line of text exceeds: the viewer's font is unknown, so this allows for DejaVu Sans (what resvg and
 * many Linux browsers fall back to), about 0.59 em a character at weight 600 and 0.55 em at 400.
 */
function textSpan(text: string, fontSize: number, bold: boolean): number {
  return text.length * fontSize * (bold ? 0.64 : 0.6);
}

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
