import { resourcesOf, type Topology, type Workload } from '../model';
import type { View } from './types';
import { ecsUnits, podUnits, SYSTEM_NAMESPACES, type Unit } from './units';
import { SERVICE_PALETTE } from '../present/theme';

export const PALETTE_SIZE = SERVICE_PALETTE.length;

export interface GraphOptions {
  view: View;
  /** Folded groups the user opened (taskGroup ids) */
  expanded: ReadonlySet<string>;
  /** Kubernetes namespaces left out of the map (the namespace filter) */
  hiddenNamespaces?: ReadonlySet<string>;
}

/** What the graph draws from, once the namespace filter has run: the units, the workloads kept, and who has which colour. */
export interface Selection {
  topology: Topology;
  view: View;
  expanded: ReadonlySet<string>;
  ecs: Unit[];
  pods: Unit[];
  workloads: Workload[];
  /** Palette slot of an ECS service or application workload; -1 (neutral) for anything else */
  colorOf: (id: string | undefined) => number;
}

/** Pure: leaves out the hidden namespaces' workloads and pods, and hands out the palette. */
export function filterTopology(topology: Topology, options: GraphOptions): Selection {
  const hidden = options.hiddenNamespaces ?? new Set<string>();
  const services = resourcesOf(topology, 'service');
  const workloads = resourcesOf(topology, 'workload').filter((w) => !hidden.has(w.namespace));
  // ECS services, then workloads, take the palette in turn; system workloads stay neutral.
  const coloured = [...services.map((s) => s.id), ...workloads.filter((w) => !SYSTEM_NAMESPACES.has(w.namespace)).map((w) => w.id)];
  const colors = new Map(coloured.map((id, i) => [id, i % PALETTE_SIZE]));
  return {
    topology,
    view: options.view,
    expanded: options.expanded,
    ecs: ecsUnits(topology),
    pods: podUnits(topology, hidden),
    workloads,
    colorOf: (id) => (id === undefined ? -1 : (colors.get(id) ?? -1)),
  };
}
