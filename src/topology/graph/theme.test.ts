import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE } from './buildGraph';
import { BOX_STYLE, GLYPH_COLORS, HEALTH_COLORS, NO_SERVICE_COLOR, SERVICE_PALETTE, serviceColor, SUBNET_STYLE } from './theme';

const HEX = /^#[0-9a-f]{6}$/;

describe('the map’s colours', () => {
  it('gives each palette index its colour, and the neutral colour to anything outside it', () => {
    SERVICE_PALETTE.forEach((c, i) => expect(serviceColor(i)).toBe(c));
    for (const i of [-1, SERVICE_PALETTE.length, 99]) expect(serviceColor(i)).toBe(NO_SERVICE_COLOR);
  });

  it('has as many palette colours as the graph hands out indexes, all different and none the neutral one', () => {
    expect(SERVICE_PALETTE).toHaveLength(PALETTE_SIZE);
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    expect(SERVICE_PALETTE).not.toContain(NO_SERVICE_COLOR);
  });

  it('tells every health state apart', () => {
    const colours = Object.values(HEALTH_COLORS);
    expect(new Set(colours).size).toBe(colours.length);
    expect(HEALTH_COLORS.healthy).not.toBe(HEALTH_COLORS.unhealthy);
  });

  it('draws a subnet by what its route tables say, with three different strokes', () => {
    expect(SUBNET_STYLE).toEqual({ public: BOX_STYLE.subnetPublic, private: BOX_STYLE.subnetPrivate, unknown: BOX_STYLE.subnetUnknown });
    expect(new Set(Object.values(SUBNET_STYLE).map((s) => s.stroke)).size).toBe(3);
  });

  it('writes every colour as a six-digit lower-case hex, as the exporters embed it', () => {
    const all = [
      ...SERVICE_PALETTE,
      NO_SERVICE_COLOR,
      ...Object.values(HEALTH_COLORS),
      ...Object.values(BOX_STYLE).flatMap((s) => [s.fill, s.stroke]),
      ...Object.values(GLYPH_COLORS),
    ];
    for (const c of all) expect(c).toMatch(HEX);
  });
});
