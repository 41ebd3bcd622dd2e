import { resourcesOf, type Topology, type Workload } from '../model';
import type { View } from './types';
import { ecsUnits, podUnits, type PodUnit, type TaskUnit } from './units';
import { assignColors, colorSlot } from '../present/colors';
import { SERVICE_PALETTE } from '../present/theme';

export const PALETTE_SIZE = SERVICE_PALETTE.length;

export interface GraphOptions {
  view: View;
  /** Folded groups the user opened (taskGroup and podGroup ids) */
  expanded: ReadonlySet<string>;
  /** Kubernetes namespaces left out of the map (the namespace filter) */
  hiddenNamespaces?: ReadonlySet<string>;
}

/** What the graph draws from, once the namespace filter has run: the units, the workloads kept, and who has which colour. */
export interface Selection {
  topology: Topology;
  view: View;
  expanded: ReadonlySet<string>;
  ecs: TaskUnit[];
  pods: PodUnit[];
  workloads: Workload[];
  /** Palette slot of an ECS service or application workload; -1 (neutral) for anything else */
  colorOf: (id: string | undefined) => number;
}

/** Pure: leaves out the hidden namespaces' workloads and pods, and hands out the palette. */
export function filterTopology(topology: Topology, options: GraphOptions): Selection {
  const hidden = options.hiddenNamespaces ?? new Set<string>();
  const workloads = resourcesOf(topology, 'workload').filter((w) => !hidden.has(w.namespace));
  // From the whole topology, never the filtered one, so hiding a namespace recolours nothing else.
  const colors = assignColors(topology);
  return {
    topology,
    view: options.view,
    expanded: options.expanded,
    ecs: ecsUnits(topology),
    pods: podUnits(topology, hidden),
    workloads,
    colorOf: (id) => colorSlot(colors, id),
  };
}
