import { XMLParser } from 'fast-xml-parser';
import { textWidth } from '../topology/present/measure';

/** An element of a parsed SVG: its tag, attributes, children and the text directly inside it. */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  kids: El[];
  text: string;
}

type Raw = Record<string, unknown>;

/** The SVG as a tree, in document order (what is drawn later comes later). */
export function parseSvg(svg: string): El {
  const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, htmlEntities: true }).parse(svg) as Raw[];
  const el = (x: Raw): El | undefined => {
    const tag = Object.keys(x).find((k) => k !== ':@');
    if (!tag || tag === '#text') return undefined;
    const kids = (x[tag] as Raw[] | undefined) ?? [];
    return {
      tag,
      attrs: (x[':@'] as Record<string, string> | undefined) ?? {},
      kids: kids.map(el).filter((k): k is El => k !== undefined),
      text: kids.map((k) => (k['#text'] === undefined ? '' : String(k['#text']))).join(''),
    };
  };
  const root = raw.map(el).find((e) => e?.tag === 'svg');
  if (!root) throw new Error('no <svg>');
  return root;
}

export const allOf = (e: El): El[] => [e, ...e.kids.flatMap(allOf)];
export const findAll = (root: El, test: (e: El) => boolean) => allOf(root).filter(test);

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a <text> is drawn: its measured width from its anchor, from the ascent above the baseline to the descent below. */
export function textRect(t: El): Rect {
  const size = Number(t.attrs['font-size'] ?? 12);
  const bold = Number(t.attrs['font-weight'] ?? 400) >= 600;
  const w = textWidth(t.text, size, bold);
  const x = Number(t.attrs['x']);
  const y = Number(t.attrs['y']);
  const left = t.attrs['text-anchor'] === 'end' ? x - w : t.attrs['text-anchor'] === 'middle' ? x - w / 2 : x;
  return { left, right: left + w, top: y - 0.76 * size, bottom: y + 0.24 * size };
}

export const overlaps = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
