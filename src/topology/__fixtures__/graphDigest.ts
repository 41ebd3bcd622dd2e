import { buildGraph, type GraphOptions } from '../graph/buildGraph';
import { isGroup } from '../graph/kinds';
import type { Graph } from '../graph/types';
import type { Topology } from '../model';
import { syntheticEstate } from './estate';
import { demoTopology } from './fixtures';

/** FNV-1a over the text, twice with different offsets: 64 bits, enough to tell two graphs apart. */
function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * What a graph is, in a form small enough to commit: every field of every node and edge goes into the hash, and
 * for a small graph the outline (kind, id, parent, label per node; endpoints per edge) shows what moved.
 */
export interface GraphDigest {
  nodes: number;
  edges: number;
  azs: string[];
  hash: string;
  outline?: { nodes: string[]; edges: string[] };
}

export function digestOf(graph: Graph, withOutline: boolean): GraphDigest {
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    azs: graph.azs,
    hash: hashOf(JSON.stringify(graph)),
    ...(withOutline
      ? {
          outline: {
            nodes: graph.nodes.map((n) => `${n.kind} ${n.id} < ${n.parent ?? '-'} : ${n.label}`),
            edges: graph.edges.map((e) => `${e.kind} ${e.source} -> ${e.target}${e.label ? ` : ${e.label}` : ''}`),
          },
        }
      : {}),
  };
}

/** Every folded group opened: the graph as it reads once the user has expanded each one. */
export function allExpanded(topology: Topology, options: Omit<GraphOptions, 'expanded'>): Graph {
  const folded = buildGraph(topology, { ...options, expanded: new Set() });
  return buildGraph(topology, { ...options, expanded: new Set(folded.nodes.flatMap((n) => (isGroup(n) ? [n.id] : []))) });
}

/** The estates the characterisation covers: the demo read, and a synthetic estate with hosts and busy subnets. */
export const characterised = {
  demo: { topology: demoTopology, outline: true },
  estate: { topology: () => syntheticEstate({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 }), outline: false },
} as const;

/** The digests of every case: each estate in both views, folded and expanded, and the demo with namespaces hidden. */
export function digestCases(): Record<string, GraphDigest> {
  const out: Record<string, GraphDigest> = {};
  for (const [name, { topology, outline }] of Object.entries(characterised)) {
    const t = topology();
    for (const view of ['network', 'service'] as const) {
      out[`${name} ${view} folded`] = digestOf(buildGraph(t, { view, expanded: new Set() }), outline);
      out[`${name} ${view} expanded`] = digestOf(allExpanded(t, { view }), outline);
      if (name === 'demo') {
        for (const hidden of ['kube-system', 'orders'])
          out[`${name} ${view} without ${hidden}`] = digestOf(buildGraph(t, { view, expanded: new Set(), hiddenNamespaces: new Set([hidden]) }), false);
      }
    }
  }
  return out;
}
