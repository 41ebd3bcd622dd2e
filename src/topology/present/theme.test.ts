import { describe, expect, it } from 'vitest';
import {
  BOX_STYLE,
  cssVariables,
  HEALTH_COLORS,
  healthSegments,
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
