/**
 * The overview sketches' text, measured and wrapped without a DOM, so a sketch's layout stays pure: headings fitted
 * and wrapped, names wrapped. SketchNode paints the lines it is given.
 */

/**
 * Generous widths of the bars' bold text per kind of character, in ems (DejaVu Sans Bold, the widest common
 * fallback: digits 0.70, most lowercase 0.53 to 0.71, m 1.04): the pure layout's guess at what fits; the painter measures, and
 * cuts a name only if the guess was short.
 */
const CHAR_EM: readonly [RegExp, number][] = [
  [/[mwMW]/, 1.05],
  [/[\s.,:;'|!il-]/, 0.42],
  [/[0-9]/, 0.7],
  [/[a-z]/, 0.64],
  [/[A-Z]/, 0.78],
];
const WIDE_EM = 0.9;

/** The width `text` is laid out for at `font` map units. */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text) em += CHAR_EM.find(([re]) => re.test(ch))?.[1] ?? WIDE_EM;
  return em * font;
}

/** One part of a sketch's heading; the lowest ranks are kept longest when the width is short. */
export interface TitlePart {
  text: string;
  rank: number;
}

const SEP = ' · ';

/** Pure: the heading that fits `width` at `font`, dropping the highest ranks first; the rank-0 parts always stay. */
export function fitTitle(parts: readonly TitlePart[], width: number, font: number): string {
  const ranks = [...new Set(parts.map((p) => p.rank))].sort((a, b) => b - a);
  const upTo = (r: number) =>
    parts
      .filter((p) => p.rank <= r)
      .map((p) => p.text)
      .join(SEP);
  for (const r of ranks) if (textWidth(upTo(r), font) <= width) return upTo(r);
  return upTo(ranks.at(-1) ?? 0);
}

/** Pure: `text` in at most `max` lines of `width`, broken after hyphens, underscores, slashes and spaces. */
export function wrapTitle(text: string, width: number, font: number, max = 2): string[] {
  const pieces = text.match(/[^-_/ ]+[-_/ ]*/g) ?? [text];
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    if (last !== undefined && (textWidth((last + piece).trimEnd(), font) <= width || lines.length === max)) lines[lines.length - 1] = last + piece;
    else lines.push(piece);
  }
  return lines.map((l) => l.trimEnd());
}

/** A name's parts, each ending after its hyphens, dots or underscores: where a name breaks best. */
const NAME_PIECES = /[^-._]+[-._]*|[-._]+/g;

/** How many of `chars` start a line of `width` (one character at least, so wrapping always moves on) that fits `width`. */
function fitCount(chars: readonly string[], width: number, font: number): number {
  let n = chars.length;
  while (n > 1 && textWidth(chars.slice(0, n).join(''), font) > width) n--;
  return n;
}

/** `pieces` filled into lines of `width`, a piece too long for a line of its own broken where the line ends. */
function fillLines(pieces: readonly string[], width: number, font: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (textWidth(line + piece, font) <= width) {
      line += piece;
      continue;
    }
    if (line) lines.push(line);
    let chars = [...piece];
    while (chars.length > 1 && textWidth(chars.join(''), font) > width) {
      const n = fitCount(chars, width, font);
      lines.push(chars.slice(0, n).join(''));
      chars = chars.slice(n);
    }
    line = chars.join('');
  }
  return line ? [...lines, line] : lines;
}

/**
 * Pure: a service's or workload's name in at most `max` lines of `width`: broken after a hyphen, dot or underscore
 * when that costs no line over breaking anywhere (names like "k8s-orders-payments" read by their parts), else
 * anywhere; cut with "…" only when even that needs more than `max` lines (the hover has the whole name).
 */
export function wrapName(text: string, width: number, font: number, max = 3): string[] {
  const anywhere = fillLines([...text], width, font);
  const atParts = fillLines(text.match(NAME_PIECES) ?? [text], width, font);
  if (atParts.length <= Math.min(max, anywhere.length)) return atParts;
  if (anywhere.length <= max) return anywhere;
  const last = [...anywhere.slice(max - 1).join('')];
  let n = last.length;
  while (n > 0 && textWidth(`${last.slice(0, n).join('')}…`, font) > width) n--;
  return [...anywhere.slice(0, max - 1), `${last.slice(0, n).join('')}…`];
}
