import type { SubnetExposure } from '../graph/subnets';
import type { GraphNodeKind, HealthCounts, TaskHealth } from '../graph/types';
import { DARK_THEME } from './themeDark';

/**
 * Every colour Fleetmap draws, once, named for what it colours. The page reads them as CSS custom properties
 * (`cssVariables`, set on the document at boot, so the stylesheets hold no literal colour); the overview sketches and
 * every exporter read the same values from here.
 */

/**
 * One colour per service or workload (assignColors hands out the slots). Each draws at 3:1 or more against white,
 * as borders and swatches beside names must, and sits at least 15 ΔE (CIE76) from every other and from the neutral
 * colour. Sixteen, as the demo's fifteen services and application workloads all share a private subnet.
 */
export const SERVICE_PALETTE = [
  '#3b73d9',
  '#8e44ad',
  '#d35400',
  '#16a085',
  '#c0398b',
  '#2c3e90',
  '#7f8c1d',
  '#a0522d',
  '#0e8aa8',
  '#6d5bd0',
  '#b8860b',
  '#4a7c59',
  '#5a4800',
  '#872436',
  '#cf757e',
  '#e148fc',
] as const;

/** Tasks and pods that belong to no service or workload. */
export const NO_SERVICE_COLOR = '#8895a7';

export const HEALTH_COLORS: Record<TaskHealth, string> = {
  healthy: '#2e9e5b',
  unhealthy: '#d93025',
  pending: '#e8a317',
  stopped: '#7b8594',
  unknown: '#a9b4c2',
};

/** A task's box behind its text, by health; healthy and unknown ones are plain. */
export const TASK_FILL: Record<TaskHealth, string> = {
  healthy: '#ffffff',
  unhealthy: '#fdecea',
  pending: '#fff8e6',
  stopped: '#eceff3',
  unknown: '#ffffff',
};

export interface BoxColors {
  fill: string;
  stroke: string;
}

/** Fill and border of each box the map draws. */
export const BOX_STYLE = {
  vpc: { fill: '#f4f7fb', stroke: '#6f8fb8' },
  az: { fill: '#eaf0f8', stroke: '#8aa4c8' },
  subnetPublic: { fill: '#eef8ef', stroke: '#7cb88a' },
  subnetPrivate: { fill: '#f9fbfe', stroke: '#9fb3cc' },
  subnetUnknown: { fill: '#f7f7f8', stroke: '#a9b4c2' },
  instance: { fill: '#fff7ec', stroke: '#d9a65b' },
  cluster: { fill: '#f4f7fb', stroke: '#6f8fb8' },
  node: { fill: '#eef7f1', stroke: '#2e7d4f' },
  namespace: { fill: '#f9fbfa', stroke: '#8fb9a0' },
  /** A service in the band */
  service: { fill: '#ffffff', stroke: '#8a9bb3' },
  /** A service drawn as the box holding its tasks (service view) */
  serviceBox: { fill: '#fbfcfe', stroke: '#8a9bb3' },
  task: { fill: '#ffffff', stroke: '#b9c6d6' },
  loadBalancer: { fill: '#f3ecfc', stroke: '#8c4fd1' },
  targetGroup: { fill: '#ffffff', stroke: '#8a9bb3' },
} as const satisfies Record<string, BoxColors>;

/** A subnet's box by what its route tables say; one whose routes were not read is drawn neutral. */
export const SUBNET_STYLE: Record<SubnetExposure, BoxColors> = {
  public: BOX_STYLE.subnetPublic,
  private: BOX_STYLE.subnetPrivate,
  unknown: BOX_STYLE.subnetUnknown,
};

/** The lettered tile of each resource kind, dark enough for white letters at 4.5:1. */
export const GLYPH_COLORS = {
  vpc: '#6f4bb8',
  az: '#3c6eb4',
  ec2: '#b35c00',
  ecs: '#b35c00',
  lb: '#8c4fd1',
  tg: '#5e6ad2',
  eks: '#2e7d4f',
} as const;
export type GlyphTone = keyof typeof GLYPH_COLORS;

/** Small word pills beside a title: a subnet's exposure, a deployment in progress, an alert; each text at 4.5:1 on its fill. */
export const BADGE_COLORS = {
  public: { fill: '#23804a', text: '#ffffff' },
  private: { fill: '#5b6f8a', text: '#ffffff' },
  pending: { fill: HEALTH_COLORS.pending, text: '#3b2600' },
  alert: { fill: HEALTH_COLORS.unhealthy, text: '#ffffff' },
} as const satisfies Record<string, { fill: string; text: string }>;
export type BadgeTone = keyof typeof BADGE_COLORS;

/** Text on the map and the page. */
export const INK = {
  text: '#1d2733',
  muted: '#5b6676',
  soft: '#334',
  message: '#445',
  revision: '#556',
  stopped: '#667',
  onColor: '#ffffff',
  error: '#a11',
  warn: '#b3261e',
  redacted: '#8a4b00',
  hint: '#1f5d2e',
  link: '#1a5fb4',
  route: '#4b3f8f',
} as const;

export const EDGE_COLORS = { line: '#6a7d96', unhealthy: HEALTH_COLORS.unhealthy, active: '#1a73e8' } as const;

/** Surfaces and lines of the page around the map. */
export const SURFACE = {
  page: '#ffffff',
  border: '#c9d3df',
  rule: '#e1e7ef',
  control: '#9ab',
  input: '#7d97bd',
  hover: '#eef3fa',
  statusBar: '#eef2f7',
  chip: '#e4ebf5',
  healthBarEmpty: '#e3e8ee',
  groupShadow: '#c9d3df',
  /** The minimap's veil over what lies outside the screen */
  minimapMask: 'rgba(240, 243, 248, 0.6)',
  oldRevisionStripe: 'rgba(0, 0, 0, 0.06)',
  legendStripe: '#888',
  selection: '#1a73e8',
  dropFill: 'rgba(26, 115, 232, 0.12)',
  overlay: 'rgba(255, 255, 255, 0.92)',
  shadow: 'rgba(20, 30, 50, 0.15)',
  emptyFill: '#f6f8fb',
  emptyBorder: '#cfdced',
  fallbackFill: '#fff4e5',
  fallbackBorder: '#e8a33d',
  fallbackText: '#6b4400',
} as const;

/** The top bar. */
export const CHROME = {
  bar: '#1f3a5f',
  button: '#2d5185',
  buttonBorder: '#4a6fa5',
  muted: '#c9d6e8',
  incomplete: '#ffd27f',
  demo: '#ffb74d',
  demoText: '#3b2600',
} as const;

/**
 * The minimap's shapes, by React Flow node type (a graph node kind, or an overview sketch); any other kind (tasks,
 * pods, their groups, services, workloads, the band) takes `other`.
 */
export const MINIMAP_COLORS = {
  vpc: '#e8eef7',
  az: '#dde6f2',
  subnet: '#cfdced',
  instance: '#c2d0e4',
  cluster: '#e8eef7',
  sketch: '#b4c3d8',
  other: '#8aa4c8',
} as const satisfies Partial<Record<GraphNodeKind | 'sketch', string>> & { other: string };

export function serviceColor(index: number): string {
  return SERVICE_PALETTE[index] ?? NO_SERVICE_COLOR;
}

/** The CSS value of a service's colour, read from the variable `cssVariables` sets. */
export function serviceColorVar(index: number): string {
  return index >= 0 && index < SERVICE_PALETTE.length ? `var(--fm-service-${index})` : 'var(--fm-service-none)';
}

/** The minimap's fill for a React Flow node type, as the variable `cssVariables` sets, so it follows the active theme. */
export function minimapColorVar(type: string | undefined): string {
  const key = type !== undefined && type in MINIMAP_COLORS ? type : 'other';
  return `var(--fm-minimap-${key})`;
}

/** The proportions a health bar draws, in its fixed order, empty parts left out. */
export const HEALTH_ORDER: readonly (keyof HealthCounts)[] = ['healthy', 'unknown', 'pending', 'unhealthy', 'stopped'];

export function healthSegments(c: HealthCounts): { health: keyof HealthCounts; count: number }[] {
  return HEALTH_ORDER.filter((k) => c[k] > 0).map((health) => ({ health, count: c[health] }));
}

/** The palette by slot ("0", "1", …) and the neutral colour. */
const SERVICE_TOKENS: Readonly<Record<string, string>> & { readonly none: string } = {
  ...Object.fromEntries(SERVICE_PALETTE.map((c, i) => [String(i), c])),
  none: NO_SERVICE_COLOR,
};

/** Every token, grouped as the variables are named: `--fm-<group>-<name>`. */
export const THEME = {
  service: SERVICE_TOKENS,
  health: HEALTH_COLORS,
  taskFill: TASK_FILL,
  box: BOX_STYLE,
  glyph: GLYPH_COLORS,
  badge: BADGE_COLORS,
  ink: INK,
  edge: EDGE_COLORS,
  surface: SURFACE,
  chrome: CHROME,
  minimap: MINIMAP_COLORS,
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** A full set of tokens: the light one or the dark one, the same names in both. */
export type ThemeTokens = Widen<typeof THEME>;

export type ColorScheme = 'light' | 'dark';

export const THEMES: Record<ColorScheme, ThemeTokens> = { light: THEME, dark: DARK_THEME };

/** A service's colour in a token set; the neutral colour outside the palette. */
export function serviceColorIn(tokens: ThemeTokens, index: number): string {
  return (index >= 0 && index < SERVICE_PALETTE.length ? tokens.service[String(index)] : undefined) ?? tokens.service.none;
}

/** `?theme=dark` or `?theme=light` in a page's query: a scheme chosen over the system's; anything else, none. */
export function schemeOverride(search: string): ColorScheme | undefined {
  // The core knows no DOM (no URLSearchParams): one exact parameter is matched by hand.
  const asked = /(?:^\?|&)theme=(dark|light)(?:&|$)/.exec(search)?.[1];
  return asked === 'dark' || asked === 'light' ? asked : undefined;
}

type Tokens = { readonly [key: string]: string | Tokens };

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A token set as CSS custom properties: ["--fm-box-vpc-fill", "#f4f7fb"], … in a stable order, the same names for either set. */
export function cssVariables(tokens: Tokens = THEME, prefix = '--fm'): [string, string][] {
  return Object.entries(tokens).flatMap(([key, value]): [string, string][] => {
    const name = `${prefix}-${kebab(key)}`;
    return typeof value === 'string' ? [[name, value]] : cssVariables(value, name);
  });
}
