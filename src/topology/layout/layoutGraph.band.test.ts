import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import type { Graph } from '../graph/types';
import type { Topology } from '../model';
import { layoutGraph } from './layoutGraph';
import type { Box } from './types';

/*
 * The band as layoutGraph draws it, small or large: the demo's band (21 nodes) is packed as the 5,000-task
 * estate's is, each parent over the children it alone feeds, so every edge runs straight down.
 */

const demo = demoTopology();
const large = syntheticEstate({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 });
const centre = (b: Box | undefined) => (b ? b.x + b.width / 2 : NaN);

/** Parents in the band (a target group, or a load balancer in the service view) with the children they feed. */
function families(graph: Graph, kind: 'serves' | 'route'): [string, string[]][] {
  const parentsOf = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === kind) parentsOf.set(e.target, [...(parentsOf.get(e.target) ?? []), e.source]);
  // Parents that share a child are packed as one group and centred together, not each over its own children.
  const shared = new Set([...parentsOf.values()].filter((ps) => ps.length > 1).flat());
  const out = new Map<string, string[]>();
  for (const [child, [parent]] of parentsOf) if (parent !== undefined && !shared.has(parent)) out.set(parent, [...(out.get(parent) ?? []), child]);
  return [...out];
}

/** How far each parent's centre is from the middle of the span of its children. */
function offsets(topology: Topology, view: 'network' | 'service', kind: 'serves' | 'route'): [string, number][] {
  const graph = buildGraph(topology, { view, expanded: new Set() });
  const box = new Map(layoutGraph(graph).boxes.map((b) => [b.id, b]));
  return families(graph, kind).map(([parent, children]) => {
    const xs = children.map((c) => box.get(c)).filter((b): b is Box => b !== undefined);
    const middle = (Math.min(...xs.map((b) => b.x)) + Math.max(...xs.map((b) => b.x + b.width))) / 2;
    return [parent, Math.abs(centre(box.get(parent)) - middle)];
  });
}

describe('the band between the load balancers and the boxes', () => {
  it.each([
    ['demo', demo],
    ['large', large],
  ] as const)('%s, network view: each target group is centred over the services only it serves', (_, topology) => {
    const found = offsets(topology, 'network', 'serves');
    expect(found.length).toBeGreaterThan(0);
    for (const [tg, off] of found) expect(off, tg).toBeLessThan(1);
  });

  it('demo, service view: each load balancer is centred over the target groups only it routes to', () => {
    const found = offsets(demo, 'service', 'route');
    expect(found.length).toBeGreaterThan(0);
    for (const [lb, off] of found) expect(off, lb).toBeLessThan(1);
  });
});
