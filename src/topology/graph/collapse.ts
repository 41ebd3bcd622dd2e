import type { GraphNode } from './types';
import { placeUnits, type Unit } from './units';

/** Past this many tasks in one subnet (network view) or one service (service view), tasks fold per service. */
export const FOLD_SUBNET_AT = 24;
export const FOLD_SERVICE_AT = 16;

/** The box a run of tasks or pods sits in, which decides when they fold. */
export type Box =
  /** A subnet, or a host in it: `subnetTotal` counts every unit of the subnet, in all its boxes */
  | { kind: 'subnet'; subnetTotal: number }
  /** A service, workload, cluster or namespace in the service view */
  | { kind: 'service' }
  /** A workload of a system namespace: its pods stay folded until opened */
  | { kind: 'system' };

/** Tasks or pods to draw inside `parent`, one by one or folded. */
export interface Placement {
  kind: 'units';
  parent: string;
  units: readonly Unit[];
  box: Box;
}

/** What grouping hands on: container nodes and, in drawing order, the runs of units they hold. */
export type Layer = { kind: 'node'; node: GraphNode } | Placement;

/** Pure: whether a run of units folds per service (a group the user opened stays open in placeUnits). */
export function folds(p: Pick<Placement, 'units' | 'box'>): boolean {
  switch (p.box.kind) {
    // A very busy subnet folds in every box it holds, so a host with a few tasks does not stand out from the fold.
    case 'subnet':
      return p.box.subnetTotal > 4 * FOLD_SUBNET_AT || p.units.length > FOLD_SUBNET_AT;
    case 'service':
      return p.units.length > FOLD_SERVICE_AT;
    case 'system':
      return true;
  }
}

/** Pure: layers to nodes, parents first, each run of units drawn or folded. */
export function collapse(layers: readonly Layer[], expanded: ReadonlySet<string>, colorOf: (id: string | undefined) => number): GraphNode[] {
  const out: GraphNode[] = [];
  for (const layer of layers) {
    if (layer.kind === 'node') out.push(layer.node);
    else if (layer.units.length) placeUnits(out, layer.parent, layer.units, folds(layer), expanded, colorOf);
  }
  return out;
}
