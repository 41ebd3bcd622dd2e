import { describe, expect, it } from 'vitest';
import golden from './buildGraph.golden.json';
import { demoTopology } from './fixtures';
import { allExpanded, digestCases, digestOf } from './graphDigest';
import { buildGraph } from '../graph/buildGraph';
import { isGroup } from '../graph/kinds';

describe('buildGraph characterised', () => {
  it('gives the graph recorded for the demo and a synthetic estate: both views, folded, expanded and filtered', () => {
    const now = digestCases();
    expect(Object.keys(now)).toEqual(Object.keys(golden));
    // One case at a time, so a failure names the case and, for the demo, shows the outline that moved.
    for (const [name, digest] of Object.entries(now)) expect(digest, name).toEqual(golden[name as keyof typeof golden]);
  });

  it('tells apart graphs that differ in one field only', () => {
    const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
    const renamed = { ...graph, nodes: graph.nodes.map((n, i) => (i === graph.nodes.length - 1 ? { ...n, label: `${n.label}!` } : n)) };
    const recoloured = { ...graph, nodes: graph.nodes.map((n) => (n.kind === 'service' ? { ...n, color: n.color + 1 } : n)) };
    expect(digestOf(renamed, false).hash).not.toBe(digestOf(graph, false).hash);
    expect(digestOf(recoloured, false).hash).not.toBe(digestOf(graph, false).hash);
  });

  it('expands every folded group', () => {
    const expanded = allExpanded(demoTopology(), { view: 'service' });
    expect(expanded.nodes.filter(isGroup)).toEqual([]);
  });
});
