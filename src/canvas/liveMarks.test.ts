import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../topology/__fixtures__/estate';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { indexResources, resourcesOf } from '../topology/model';
import { ghostIds, MARK_MS, withLiveMarks, type FreshMark } from './liveMarks';
import { toFlowNodes } from './toFlow';

const topology = demoTopology();
const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
const nodes = toFlowNodes(graph, layoutGraph(graph));
const [a, b, c] = resourcesOf(topology, 'task');
if (!a || !b || !c) throw new Error('the demo has tasks');
const T = 1_800_000_000_000;
const fresh = new Map<string, FreshMark>([
  [a.id, { kind: 'added', at: T - 10_000 }],
  [b.id, { kind: 'changed', at: T - 500 }],
]);
const delays = () => new Map<string, { delay: number; until: number }>();

describe('withLiveMarks: what changed, drawn on the map', () => {
  it('rings an added node and flashes a changed one, each animation delayed by how long ago it happened', () => {
    const out = withLiveMarks(nodes, fresh, new Set(), T, delays());
    const byId = new Map(out.map((n) => [n.id, n]));
    expect(byId.get(a.id)?.className).toBe('live-added');
    expect(byId.get(a.id)?.style?.animationDelay).toBe('-10000ms');
    expect(byId.get(b.id)?.className).toBe('live-changed');
    expect(byId.get(b.id)?.style?.animationDelay).toBe('-500ms');
  });

  it('leaves every other node the very same object, so React Flow draws only the marked ones again', () => {
    const out = withLiveMarks(nodes, fresh, new Set(), T, delays());
    const same = out.filter((n, i) => n === nodes[i]).length;
    expect(same).toBe(nodes.length - 2);
  });

  it('keeps a mark’s delay from its first drawing, so a later render neither restarts nor skips its fade', () => {
    const kept = delays();
    withLiveMarks(nodes, fresh, new Set(), T, kept);
    const later = withLiveMarks(nodes, fresh, new Set(), T + 5_000, kept);
    expect(later.find((n) => n.id === a.id)?.style?.animationDelay).toBe('-10000ms');
  });

  it('draws a mark no longer once its animation is over, and forgets its delay', () => {
    const kept = delays();
    withLiveMarks(nodes, fresh, new Set(), T, kept);
    const out = withLiveMarks(nodes, fresh, new Set(), T - 10_000 + MARK_MS.added, kept);
    expect(out.find((n) => n.id === a.id)?.className).toBeUndefined();
    expect(out.find((n) => n.id === b.id)?.className).toBeUndefined();
    expect(kept.size).toBe(0);
  });

  it('draws a ghost faded, without a highlight even when it just changed', () => {
    const out = withLiveMarks(nodes, fresh, new Set([b.id]), T, delays());
    expect(out.find((n) => n.id === b.id)?.className).toBe('live-ghost');
  });

  it('marks a folded group when one of its members changed', () => {
    const estate = syntheticEstate({ clusters: 2, services: 4, tasks: 400, loadBalancers: 1, azs: 2, seed: 1 });
    const folded = buildGraph(estate, { view: 'network', expanded: new Set() });
    const group = folded.nodes.find((n) => n.kind === 'taskGroup');
    if (!group || group.kind !== 'taskGroup') return expect.unreachable('a busy subnet folds its runs of tasks');
    const member = group.taskIds[0]!;
    const flow = toFlowNodes(folded, layoutGraph(folded));
    const out = withLiveMarks(flow, new Map([[member, { kind: 'added', at: T }]]), new Set(), T, delays());
    expect(out.find((n) => n.id === group.id)?.className).toBe('live-changed');
  });
});

describe('ghostIds', () => {
  it('lists the resources the store keeps as ghosts', () => {
    const ghost = { ...c, lastStatus: 'STOPPED', ghost: true as const };
    const t = { ...topology, resources: indexResources([...Object.values(topology.resources).filter((r) => r.id !== c.id), ghost]) };
    expect([...ghostIds(t)]).toEqual([c.id]);
    expect(ghostIds(topology).size).toBe(0);
  });
});
