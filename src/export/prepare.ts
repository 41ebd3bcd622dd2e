import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph, View } from '../topology/graph/types';
import { layoutGraph } from '../topology/layout/layoutGraph';
import type { Layout } from '../topology/layout/types';
import type { Topology } from '../topology/model';
import { redactTopology, scrubStrings } from '../topology/redact/redact';

/** What every exporter draws from: the redacted topology, its graph for one view, and that graph's layout. */
export interface ExportInput {
  topology: Topology;
  graph: Graph;
  layout: Layout;
}

export interface ExportView {
  view: View;
  /** Folded groups the user opened on screen, so the export matches it */
  expanded?: ReadonlySet<string>;
  /** Kubernetes namespaces left out, as on screen */
  hiddenNamespaces?: ReadonlySet<string>;
}

/**
 * For an export with no screen behind it (the CLI): redacts the topology, builds the graph for one view and lays
 * it out. Redaction runs again here, whatever the source: an export never carries more than the API would.
 */
export function layOutForExport(topology: Topology, options: ExportView): ExportInput {
  const safe = redactTopology(topology);
  const graph = buildGraph(safe, {
    view: options.view,
    expanded: options.expanded ?? new Set(),
    ...(options.hiddenNamespaces ? { hiddenNamespaces: options.hiddenNamespaces } : {}),
  });
  return { topology: safe, graph, layout: layoutGraph(graph) };
}

/**
 * For an export of what the screen shows: the screen's graph and layout, already computed (no second layout pass).
 * The screen's topology was redacted when it arrived; should one ever reach here unredacted, its graph and layout
 * were built from the raw values, so they are scrubbed as well (every string alike, so node ids and box ids still
 * match).
 */
export function screenForExport(topology: Topology, graph: Graph, layout: Layout): ExportInput {
  const safe = redactTopology(topology);
  if (safe === topology) return { topology, graph, layout };
  return { topology: safe, graph: scrubStrings(graph), layout: scrubStrings(layout) };
}
