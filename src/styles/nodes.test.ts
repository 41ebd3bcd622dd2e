import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cssVariables, THEMES } from '../topology/present/theme';

const SHEET = 'src/styles/nodes.css';
const LITERAL = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|:\s*(white|black|red|green|blue|gray|grey|orange|purple)\b/gi;
const tokens = new Map(cssVariables());

/** WCAG 2 contrast of two hex colours. */
function contrast(a: string, b: string): number {
  const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);
  const lum = (hex: string) =>
    [1, 3, 5]
      .map((i) => parseInt(full(hex).slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The value a rule gives a property, with theme variables resolved. */
function declared(css: string, selector: string, property: string, theme: ReadonlyMap<string, string> = tokens): string {
  const body = new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2] ?? '';
  const value = new RegExp(`(^|[;\\s])${property}:\\s*([^;]+);`).exec(body)?.[2]?.trim() ?? '';
  const name = /^var\((--fm-[a-z0-9-]+)\)$/.exec(value)?.[1];
  return name ? (theme.get(name) ?? '') : value;
}

describe('the node stylesheet', () => {
  it('holds no literal colour and reads only theme variables', async () => {
    const css = (await readFile(SHEET, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css.match(LITERAL)).toBeNull();
    for (const [, name] of css.matchAll(/var\((--[a-z0-9-]+)\)/g)) expect(name === '--svc' || tokens.has(name ?? ''), name).toBe(true);
  });

  it('dims without fading text: no opacity, and the text of a dimmed box keeps 4.5:1 on its dimmed fill', async () => {
    const css = await readFile(SHEET, 'utf8');
    expect(declared(css, '.dim', 'opacity')).toBe('');
    expect(declared(css, '.dim', 'filter')).toBe('');
    const fill = declared(css, '.dim', 'background');
    expect(fill).toMatch(/^#/);
    expect(contrast(declared(css, '.dim', 'color'), fill)).toBeGreaterThanOrEqual(4.5);
    for (const ink of ['--fm-ink-text', '--fm-ink-muted', '--fm-ink-stopped', '--fm-ink-revision', '--fm-health-unhealthy'])
      expect(contrast(tokens.get(ink) ?? '', fill), ink).toBeGreaterThanOrEqual(4.5);
  });

  it('sets the words on the boxes at 4.5:1 or more on every box fill', async () => {
    const css = await readFile(SHEET, 'utf8');
    const fills = [...tokens].filter(([name]) => /^--fm-(box-.*-fill|task-fill-.*)$/.test(name)).map(([, v]) => v);
    for (const fill of fills) expect(contrast(declared(css, '.task-alert', 'color'), fill), `.task-alert on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['light', 'dark'] as const)('paints every glyph and badge at 4.5:1 or more in the %s theme, as this sheet leaves them', async (scheme) => {
    const css = await readFile(SHEET, 'utf8');
    const theme = new Map(cssVariables(THEMES[scheme]));
    // What the page paints: this sheet's rule when it has one (it loads last), else the base rule's token.
    const painted = (selector: string, property: string, token: string) => declared(css, selector, property, theme) || (theme.get(token) ?? '');
    const pairs = [
      ...Object.keys(THEMES[scheme].glyph).map((g) => ({
        what: `glyph ${g}`,
        ink: painted(`.glyph[data-glyph='${g}']`, 'color', '--fm-ink-on-color'),
        fill: painted(`.glyph[data-glyph='${g}']`, 'background', `--fm-glyph-${g}`),
      })),
      ...Object.keys(THEMES[scheme].badge).map((b) => ({
        what: `badge ${b}`,
        ink: painted(`.badge-${b}`, 'color', `--fm-badge-${b}-text`),
        fill: painted(`.badge-${b}`, 'background', `--fm-badge-${b}-fill`),
      })),
    ];
    for (const { what, ink, fill } of pairs) expect(contrast(ink, fill), `${scheme} ${what}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring of at least 3:1 against every box fill, apart from the selection outline', async () => {
    const css = await readFile(SHEET, 'utf8');
    const ring = /\.react-flow__node:focus-visible \{[^}]*outline: (\d+)px solid var\((--fm-[a-z0-9-]+)\)/.exec(css);
    expect(Number(ring?.[1])).toBeGreaterThanOrEqual(2);
    const colour = tokens.get(ring?.[2] ?? '') ?? '';
    expect(ring?.[2]).not.toBe('--fm-surface-selection');
    const fills = [...tokens].filter(([name]) => /^--fm-box-.*-fill$/.test(name)).map(([, v]) => v);
    expect(fills.length).toBeGreaterThan(5);
    for (const fill of fills) expect(contrast(colour, fill), fill).toBeGreaterThanOrEqual(3);
  });
});
