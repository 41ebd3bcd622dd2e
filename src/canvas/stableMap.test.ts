import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { BAND } from '../topology/layout/stableLayout';
import { keepFrom, repackNote } from './stableMap';

const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
const layout = layoutGraph(graph);

describe('keepFrom: what the next layout keeps of the map drawn last', () => {
  it('keeps the whole map while it is looked at the same way (a live update)', () => {
    expect(keepFrom({ graph, layout, key: 'network#0#0' }, 'network#0#0')).toEqual({ graph, layout });
  });

  it('keeps nothing after a view switch, another topology opened or Tidy layout', () => {
    const drawn = { graph, layout, key: 'network#0#0' };
    expect(keepFrom(drawn, 'service#0#0')).toBeUndefined();
    expect(keepFrom(drawn, 'network#1#0')).toBeUndefined();
    expect(keepFrom(drawn, 'network#0#1')).toBeUndefined();
    expect(keepFrom(undefined, 'network#0#0')).toBeUndefined();
  });
});

describe('repackNote', () => {
  const subnets = graph.nodes.filter((n) => n.kind === 'subnet');

  it('says nothing when nothing was repacked', () => {
    expect(repackNote(graph, [])).toBeUndefined();
  });

  it('names the repacked subnets and the band in words', () => {
    const [a] = subnets;
    if (!a) throw new Error('the demo has subnets');
    expect(repackNote(graph, [a.id, BAND])).toBe(`Repacked to make room: subnet ${a.label}, the load balancer and service band`);
  });

  it('lists three and counts the rest', () => {
    expect(subnets.length).toBeGreaterThan(4);
    const note = repackNote(
      graph,
      subnets.slice(0, 5).map((n) => n.id),
    );
    expect(note).toMatch(/^Repacked to make room: subnet [^,]+, subnet [^,]+, subnet [^,]+ and 2 more$/);
  });
});
