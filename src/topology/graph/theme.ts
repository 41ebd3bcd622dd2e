import type { SubnetExposure } from './subnets';
import type { TaskHealth } from './types';

/**
 * The map's colours, in one table: the canvas sets them as CSS custom properties, the sketches and every exporter
 * read them from here.
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
] as const;

export const NO_SERVICE_COLOR = '#8895a7';

export const HEALTH_COLORS: Record<TaskHealth, string> = {
  healthy: '#2e9e5b',
  unhealthy: '#d93025',
  pending: '#e8a317',
  stopped: '#7b8594',
  unknown: '#a9b4c2',
};

export function serviceColor(index: number): string {
  return SERVICE_PALETTE[index] ?? NO_SERVICE_COLOR;
}

/** Fill and stroke of each box kind, and the lettered glyph of each resource kind. */
export const BOX_STYLE = {
  vpc: { fill: '#f7f9fc', stroke: '#6f4bb8' },
  az: { fill: '#eef3fa', stroke: '#3c6eb4' },
  subnetPublic: { fill: '#eef8f0', stroke: '#57a66b' },
  subnetPrivate: { fill: '#f6f9fd', stroke: '#7d97bd' },
  subnetUnknown: { fill: '#f7f7f8', stroke: '#a9b4c2' },
  instance: { fill: '#fff7ec', stroke: '#d9a65b' },
  cluster: { fill: '#f4f7fb', stroke: '#6f8fb8' },
  node: { fill: '#eef7f1', stroke: '#2e7d4f' },
  namespace: { fill: '#f9fbfa', stroke: '#8fb9a0' },
  service: { fill: '#ffffff', stroke: '#9aa9bd' },
  task: { fill: '#ffffff', stroke: '#b9c6d6' },
  loadBalancer: { fill: '#f4eefc', stroke: '#8c4fd1' },
  targetGroup: { fill: '#ffffff', stroke: '#5e6ad2' },
} as const;

/** A subnet's box by what its route tables say; one whose routes were not read is drawn neutral, with no badge. */
export const SUBNET_STYLE: Record<SubnetExposure, { fill: string; stroke: string }> = {
  public: BOX_STYLE.subnetPublic,
  private: BOX_STYLE.subnetPrivate,
  unknown: BOX_STYLE.subnetUnknown,
};

export const GLYPH_COLORS = { vpc: '#6f4bb8', az: '#3c6eb4', ec2: '#d9822b', cluster: '#d9822b', lb: '#8c4fd1', tg: '#5e6ad2', eks: '#2e7d4f' } as const;
