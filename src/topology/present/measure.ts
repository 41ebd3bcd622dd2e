/**
 * Text widths without a DOM, for pictures drawn away from the screen (SVG, PNG): the exporters place titles, pills
 * and counts by these numbers, so no two of them overlap whatever font the viewer has. The advances are DejaVu
 * Sans's, the widest of the fonts the picture's font stack falls back to (resvg's and most Linux browsers' default
 * sans): a line that fits in DejaVu Sans fits in Segoe UI, Roboto, Helvetica and Arial too.
 */

/** Advance widths in hundredths of an em, regular weight, for ' ' (U+0020) to '~' (U+007E). */
const REGULAR = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58,
  77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97,
  63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];

/** The same at weight 600 and 700 (DejaVu Sans has one bold, which both weights draw). */
const BOLD = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68,
  82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104,
  71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];

/** The marks the map's words use beyond ASCII: [regular, bold]. */
const MARKS: Record<string, readonly [number, number]> = {
  '·': [32, 38],
  '…': [100, 100],
  '↻': [84, 84],
  '×': [84, 84],
  '→': [84, 84],
  '⇠': [84, 84],
  '⚠': [90, 90],
  '✖': [84, 84],
};

/** Any other character (accented Latin, CJK in a tag value) counts as a full em: too wide is safe, too narrow overlaps. */
const UNKNOWN = 100;

function advance(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  const table = bold ? BOLD : REGULAR;
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20] ?? UNKNOWN;
  const mark = MARKS[ch];
  return mark ? mark[bold ? 1 : 0] : UNKNOWN;
}

/** Pure: the width in px of `text` set at `size` px, regular or bold. */
export function textWidth(text: string, size: number, bold = false): number {
  let hundredths = 0;
  for (const ch of text) hundredths += advance(ch, bold);
  return (hundredths * size) / 100;
}

/** Pure: `text` as it is, or cut with an ellipsis to fit in `width` px (at least the ellipsis). */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const room = width - textWidth('…', size, bold);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = textWidth(ch, size, bold);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/** After these a line may break: a space, and the separators of generated names ("k8s-orders-payments-1287ba7755"). */
const BREAK_AFTER = new Set([' ', '-', '.', '/', '_', ':']);

/** The longest start of `text` that fits in `width`, ending after a break character where one is in reach. */
function firstLine(text: string, width: number, size: number, bold: boolean): string {
  let used = 0;
  let end = 0;
  let lastBreak = 0;
  for (const ch of text) {
    const w = textWidth(ch, size, bold);
    if (used + w > width) break;
    used += w;
    end += ch.length;
    if (BREAK_AFTER.has(ch)) lastBreak = end;
  }
  if (end >= text.length) return text;
  // No break in reach (one long word) or none yet at all: break inside the word, as `overflow-wrap: anywhere` does.
  return text.slice(0, lastBreak > 0 ? lastBreak : Math.max(1, end));
}

/**
 * Pure: `text` in lines of at most `width` px, broken after spaces and name separators (inside a word when it has
 * none), at most `maxLines` of them, the last cut with an ellipsis when the text goes on.
 */
export function wrapText(text: string, width: number, size: number, bold = false, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines - 1) {
    const line = firstLine(rest, width, size, bold);
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest) lines.push(fitText(rest, width, size, bold));
  return lines;
}
