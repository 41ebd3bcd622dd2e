import type { Graph } from '../topology/graph/types';
import type { SourceInfo } from '../topology/model';
import { xmlText as esc } from '../topology/present/escape';
import type { TimeFormat } from '../topology/present/format';
import { legendOf, titleBlock, type LegendEntry } from '../topology/present/legend';
import { BOX_STYLE, HEALTH_COLORS, INK, serviceColor, SURFACE } from '../topology/present/theme';

/**
 * The head of an exported picture: the title block (what, which account and region, read when) and the legend of
 * what the picture draws, laid out in rows that wrap at the map's width.
 */
export interface SvgHead {
  /** Drawn at the origin; the caller places it */
  svg: string;
  width: number;
  height: number;
}

/** Pattern ids: the hatching of older revisions on the map, and a darker one for the legend's small swatch. */
export const OLD_REVISION_FILL = 'url(#fm-old-revision)';
const OLD_REVISION_KEY_FILL = 'url(#fm-old-revision-key)';

/**
 * The hatching as the canvas draws it (a stripe every 8 px at 135°), once for boxes and once, darker, for the legend
 * swatch, where the canvas's own legend uses a darker stripe as well: at 14 px a faint stripe is not seen.
 */
export function svgDefs(): string {
  const pattern = (id: string, stripe: string) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(135)"><rect x="5" width="3" height="8" fill="${stripe}"/></pattern>`;
  return `<defs>${pattern('fm-old-revision', SURFACE.oldRevisionStripe)}${pattern('fm-old-revision-key', SURFACE.legendStripe)}</defs>`;
}

const TITLE_SIZE = 16;
const FACT_SIZE = 12;
const KEY_SIZE = 11;
const ROW = 20;
const SWATCH = 14;
const GAP = 18;
/** Before the colours: they name a service or a workload, never a state. */
const OWNERS_LABEL = 'Colour = service or workload:';

/**
 * A width no drawn line of text exceeds: the viewer's font is unknown, so this allows for DejaVu Sans (what resvg and
 * many Linux browsers fall back to), about 0.59 em a character at weight 600 and 0.55 em at 400.
 */
export function textSpan(text: string, fontSize: number, bold: boolean): number {
  return text.length * fontSize * (bold ? 0.64 : 0.6);
}

/** A legend entry's swatch, 14 × 12 at (x, y): drawn as the map draws the thing it explains. */
function swatch(e: LegendEntry, x: number, y: number): string {
  const box = (fill: string, stroke: string, extra = '') =>
    `<rect x="${x + 0.5}" y="${y + 0.5}" width="${SWATCH - 1}" height="11" rx="2" fill="${fill}" stroke="${stroke}"${extra}/>`;
  switch (e.kind) {
    case 'health':
      return `<circle cx="${x + SWATCH / 2}" cy="${y + 6}" r="5" fill="${HEALTH_COLORS[e.health]}"/>`;
    case 'oldRevision':
      return box(OLD_REVISION_KEY_FILL, BOX_STYLE.task.stroke);
    case 'spot':
      return box(BOX_STYLE.node.fill, BOX_STYLE.node.stroke, ' stroke-width="2" stroke-dasharray="3 2"');
    case 'folded':
      return `${box(SURFACE.page, BOX_STYLE.task.stroke)}<rect x="${x + 3}" y="${y + 7}" width="${SWATCH - 6}" height="2" fill="${HEALTH_COLORS.healthy}"/>`;
    case 'owner':
      return `<rect x="${x + 4}" y="${y}" width="6" height="12" fill="${serviceColor(e.color)}"/>`;
  }
}

interface Item {
  entry?: LegendEntry;
  text: string;
  width: number;
}

/** Items into rows no wider than `max` (an item wider than that keeps a row of its own); the colours start a row. */
function rows(items: Item[], max: number): Item[][] {
  const out: Item[][] = [];
  let width = 0;
  for (const item of items) {
    const row = out[out.length - 1];
    const newRow = !row || width + item.width > max || (item.entry === undefined && row.length > 0);
    if (newRow) {
      out.push([item]);
      width = item.width + GAP;
    } else {
      row.push(item);
      width += item.width + GAP;
    }
  }
  return out;
}

/** Pure: the title block and legend of one drawn graph, wrapped at `wrapAt` pixels. */
export function svgHead(graph: Pick<Graph, 'nodes' | 'view'>, source: SourceInfo, wrapAt: number, time?: TimeFormat): SvgHead {
  const block = titleBlock(source, graph.view, time);
  const facts = block.facts.join('   ·   ');
  const entries = legendOf(graph);
  const item = (entry: LegendEntry): Item => ({ entry, text: entry.text, width: SWATCH + 5 + textSpan(entry.text, KEY_SIZE, false) });
  const marks = entries.filter((e) => e.kind !== 'owner').map(item);
  const owners = entries.filter((e) => e.kind === 'owner').map(item);
  const label: Item = { text: OWNERS_LABEL, width: textSpan(OWNERS_LABEL, KEY_SIZE, true) };
  const laid = rows([...marks, ...(owners.length ? [label, ...owners] : [])], wrapAt);

  const head = [
    `<text x="0" y="${TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="700" fill="${INK.text}">${esc(block.title)}</text>`,
    `<text x="0" y="${TITLE_SIZE + 20}" font-size="${FACT_SIZE}" fill="${INK.soft}">${esc(facts)}</text>`,
  ];
  const out: string[] = [];
  const top = TITLE_SIZE + 34;
  laid.forEach((row, i) => {
    const y = top + i * ROW;
    let x = 0;
    for (const it of row) {
      if (it.entry) {
        out.push(
          `<g data-legend="${it.entry.kind}">${swatch(it.entry, x, y)}<text x="${x + SWATCH + 5}" y="${y + 10}" font-size="${KEY_SIZE}" fill="${INK.text}">${esc(it.text)}</text></g>`,
        );
      } else out.push(`<text x="${x}" y="${y + 10}" font-size="${KEY_SIZE}" font-weight="600" fill="${INK.text}">${esc(it.text)}</text>`);
      x += it.width + GAP;
    }
  });
  const width = Math.max(
    textSpan(block.title, TITLE_SIZE, true),
    textSpan(facts, FACT_SIZE, false),
    ...laid.map((row) => row.reduce((w, it) => w + it.width + GAP, -GAP)),
  );
  const height = top + laid.length * ROW + (laid.length ? 6 : -10);
  return { svg: `<g data-part="title">${head.join('')}</g><g data-part="legend">${out.join('')}</g>`, width, height };
}
