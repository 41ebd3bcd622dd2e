import { resourcesOf, type Topology } from '../model';
import { bandNodes } from './band';
import { collapse } from './collapse';
import { bandEdges } from './edges';
import { filterTopology, type GraphOptions } from './filter';
import { groupNetwork, groupServices } from './group';
import type { Graph } from './types';

export { FOLD_SERVICE_AT, FOLD_SUBNET_AT } from './collapse';
export { PALETTE_SIZE, type GraphOptions } from './filter';

/** Pure: topology and view → nodes (parents first), edges and containment: filter → group → collapse → edges. */
export function buildGraph(topology: Topology, options: GraphOptions): Graph {
  const sel = filterTopology(topology, options);
  const { layers, azs } = options.view === 'network' ? groupNetwork(sel) : groupServices(sel);
  const band = bandNodes(sel);
  const nodes = [...collapse(layers, sel.expanded, sel.colorOf), ...band];
  // In the service view services and workloads are boxes outside the band; target groups still point at them.
  const outside = options.view === 'network' ? [] : [...resourcesOf(topology, 'service').map((s) => s.id), ...sel.workloads.map((w) => w.id)];
  const known = new Set([...band.map((n) => n.id), ...outside]);
  return { view: options.view, nodes, edges: bandEdges(topology, known), azs };
}
