import { describe, expect, it } from 'vitest';
import { contrastRatio } from './colors';
import {
  BOX_STYLE,
  cssVariables,
  schemeOverride,
  serviceColorIn,
  THEME,
  THEMES,
  HEALTH_COLORS,
  healthSegments,
  minimapColorVar,
  NO_SERVICE_COLOR,
  SERVICE_PALETTE,
  serviceColor,
  serviceColorVar,
  SUBNET_STYLE,
} from './theme';

const COLOUR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgba\(\d+, \d+, \d+, 0\.\d+\))$/;

describe('the map’s colours', () => {
  it('gives each palette index its colour, and the neutral colour to anything outside it', () => {
    SERVICE_PALETTE.forEach((c, i) => expect(serviceColor(i)).toBe(c));
    for (const i of [-1, SERVICE_PALETTE.length, 99]) expect(serviceColor(i)).toBe(NO_SERVICE_COLOR);
    expect([serviceColorVar(0), serviceColorVar(-1), serviceColorVar(SERVICE_PALETTE.length)]).toEqual([
      'var(--fm-service-0)',
      'var(--fm-service-none)',
      'var(--fm-service-none)',
    ]);
  });

  it('has palette colours all different and none the neutral one', () => {
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    expect(SERVICE_PALETTE).not.toContain(NO_SERVICE_COLOR);
  });

  it('tells every health state apart', () => {
    const colours = Object.values(HEALTH_COLORS);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('draws a subnet by what its route tables say, with three different strokes', () => {
    expect(SUBNET_STYLE).toEqual({ public: BOX_STYLE.subnetPublic, private: BOX_STYLE.subnetPrivate, unknown: BOX_STYLE.subnetUnknown });
    expect(new Set(Object.values(SUBNET_STYLE).map((s) => s.stroke)).size).toBe(3);
  });

  it('emits every token once as a CSS custom property named for what it colours', () => {
    const vars = cssVariables();
    expect(new Set(vars.map(([n]) => n)).size).toBe(vars.length);
    for (const [name, value] of vars) {
      expect(name).toMatch(/^--fm-[a-z]+(-[a-z0-9]+)+$/);
      expect(value).toMatch(COLOUR);
    }
    expect(vars).toContainEqual(['--fm-box-subnet-public-fill', BOX_STYLE.subnetPublic.fill]);
    expect(vars).toContainEqual([`--fm-service-${SERVICE_PALETTE.length - 1}`, SERVICE_PALETTE[SERVICE_PALETTE.length - 1]]);
    expect(vars).toContainEqual(['--fm-health-unhealthy', HEALTH_COLORS.unhealthy]);
  });

  it('splits a health bar in its fixed order, leaving out empty parts', () => {
    expect(healthSegments({ healthy: 2, unhealthy: 1, pending: 0, stopped: 3, unknown: 1 }).map((s) => s.health)).toEqual([
      'healthy',
      'unknown',
      'unhealthy',
      'stopped',
    ]);
  });
});

/** An "rgba(r, g, b, a)" token laid over an opaque background, as the page composites it. */
function over(color: string, background: string): string {
  const m = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(color);
  if (!m) return color;
  const alpha = Number(m[4]);
  const channel = (i: number) => {
    const c = Math.round(Number(m[i]) * alpha + parseInt(background.slice(2 * i - 1, 2 * i + 1), 16) * (1 - alpha));
    return c.toString(16).padStart(2, '0');
  };
  return `#${channel(1)}${channel(2)}${channel(3)}`;
}

describe('the dark theme', () => {
  const dark = THEMES.dark;

  it('has a dark value for every token, under the same variable names', () => {
    const light = cssVariables(THEME);
    const night = cssVariables(dark);
    expect(night.map(([n]) => n)).toEqual(light.map(([n]) => n));
    for (const [, value] of night) expect(value).toMatch(COLOUR);
    expect(contrastRatio(dark.surface.page, '#000000')).toBeLessThan(2);
  });

  it('reads every text at 4.5:1 or more on every background it sits on', () => {
    const fills = [
      dark.surface.page,
      dark.surface.statusBar,
      dark.surface.chip,
      dark.surface.hover,
      dark.surface.emptyFill,
      over(dark.surface.overlay, dark.surface.page),
      ...Object.values(dark.box).map((b) => b.fill),
      ...Object.values(dark.taskFill),
    ];
    const inks = Object.entries(dark.ink).filter(([name]) => name !== 'onColor');
    const pairs: [string, string, string][] = [
      ...inks.flatMap(([name, ink]) => fills.map((fill): [string, string, string] => [`ink ${name}`, ink, fill])),
      ...[dark.chrome.bar, dark.chrome.button, dark.health.unhealthy, ...Object.values(dark.glyph)].map((fill): [string, string, string] => [
        'on colour',
        dark.ink.onColor,
        fill,
      ]),
      ...Object.entries(dark.badge).map(([name, b]): [string, string, string] => [`badge ${name}`, b.text, b.fill]),
      ...[dark.chrome.muted, dark.chrome.incomplete, dark.chrome.demo].flatMap((ink) =>
        [dark.chrome.bar, dark.chrome.button].map((fill): [string, string, string] => ['top bar', ink, fill]),
      ),
      ['demo pill', dark.chrome.demoText, dark.chrome.demo],
      ['pressed view button', dark.chrome.bar, dark.ink.onColor],
      ['fallback', dark.surface.fallbackText, dark.surface.fallbackFill],
    ];
    for (const [what, ink, fill] of pairs) expect(contrastRatio(ink, fill), `${what} ${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('draws service, health and edge colours at 3:1 or more against every dark box, as marks beside names must', () => {
    const fills = [dark.surface.page, ...Object.values(dark.box).map((b) => b.fill), ...Object.values(dark.taskFill)];
    const marks = [...SERVICE_PALETTE.map((_, i) => serviceColorIn(dark, i)), dark.health.healthy, dark.health.unhealthy, dark.health.pending, dark.edge.line];
    for (const mark of marks) for (const fill of fills) expect(contrastRatio(mark, fill), `${mark} on ${fill}`).toBeGreaterThanOrEqual(3);
    expect(new Set(SERVICE_PALETTE.map((_, i) => serviceColorIn(dark, i))).size).toBe(SERVICE_PALETTE.length);
    expect(serviceColorIn(dark, -1)).toBe(dark.service.none);
    expect(serviceColorIn(THEMES.light, 0)).toBe(SERVICE_PALETTE[0]);
  });

  it('colours the minimap through the variables, so it follows the active theme', () => {
    const names = new Set(cssVariables().map(([n]) => n));
    for (const type of ['vpc', 'subnet', 'sketch', 'task', undefined]) {
      const name = /^var\((--fm-minimap-[a-z]+)\)$/.exec(minimapColorVar(type))?.[1];
      expect(name && names.has(name), String(type)).toBe(true);
    }
    expect(minimapColorVar('task')).toBe('var(--fm-minimap-other)');
  });

  it('is chosen by ?theme=dark or ?theme=light over the system’s preference, and by nothing else', () => {
    expect(schemeOverride('?theme=dark')).toBe('dark');
    expect(schemeOverride('?select=x&theme=light')).toBe('light');
    for (const q of ['', '?theme=blue', '?theme=', '?dark']) expect(schemeOverride(q)).toBeUndefined();
  });
});

describe.each(['light', 'dark'] as const)('the %s theme’s lettered tiles and word pills', (scheme) => {
  const t = THEMES[scheme];

  it('reads every glyph and badge at 4.5:1 or more: the text each draws on its own fill', () => {
    const pairs: [string, string, string][] = [
      ...Object.entries(t.glyph).map(([name, fill]): [string, string, string] => [`glyph ${name}`, t.ink.onColor, fill]),
      ...Object.entries(t.badge).map(([name, b]): [string, string, string] => [`badge ${name}`, b.text, b.fill]),
    ];
    for (const [what, ink, fill] of pairs) expect(contrastRatio(ink, fill), `${scheme} ${what}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('reads the muted words at 4.5:1 or more on every box and task fill', () => {
    const fills = [t.surface.page, ...Object.values(t.box).map((b) => b.fill), ...Object.values(t.taskFill)];
    for (const fill of fills) expect(contrastRatio(t.ink.muted, fill), `${scheme} muted on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });
});
