import type { Graph, GraphNodeKind } from '../topology/graph/types';
import { BAND, type Previous } from '../topology/layout/stableLayout';
import type { Layout } from '../topology/layout/types';

/** The map last drawn, and how it was being looked at (`key`: the view, the opened topology, the Tidy count). */
export interface Drawn {
  graph: Graph;
  layout: Layout;
  key: string;
}

/**
 * Pure: what the next layout keeps of the map drawn last. While the map is looked at the same way, all of it: a live
 * update never moves what did not change. A view switch, another topology opened or "Tidy layout" (a new `key`)
 * asks for a fresh layout.
 */
export function keepFrom(drawn: Drawn | undefined, key: string): Previous | undefined {
  return drawn && drawn.key === key ? { graph: drawn.graph, layout: drawn.layout } : undefined;
}

/** How a repacked box is named to a person. */
const BOX_WORD: Partial<Record<GraphNodeKind, string>> = {
  vpc: 'VPC',
  az: 'zone',
  subnet: 'subnet',
  instance: 'host',
  node: 'node',
  cluster: 'cluster',
  namespace: 'namespace',
  service: 'service',
  workload: 'workload',
};

/** Names past this many are counted, not listed: the note is one quiet line. */
const LISTED = 3;

/**
 * Pure: the quiet line the map shows when a live update had to repack boxes (new tasks did not fit their free slots),
 * so a person who sees tasks shift knows why; undefined when nothing was repacked.
 */
export function repackNote(graph: Graph, repacked: readonly string[]): string | undefined {
  if (!repacked.length) return undefined;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const names = repacked.map((id) => {
    if (id === BAND) return 'the load balancer and service band';
    const n = byId.get(id);
    if (!n) return id;
    const word = BOX_WORD[n.kind];
    return word ? `${word} ${n.label}` : n.label;
  });
  const listed = names.slice(0, LISTED).join(', ');
  const more = names.length > LISTED ? ` and ${names.length - LISTED} more` : '';
  return `Repacked to make room: ${listed}${more}`;
}
