import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { changed, sibling, tasksOf } from '../topology/layout/stableChurn.fixture';
import { relayout } from '../topology/layout/stableLayout';
import { layoutHandler, type LayoutReply } from './layoutWorkerCore';

const demo = demoTopology();
const graphOf = (t: typeof demo) => buildGraph(t, { view: 'network', expanded: new Set() });
const resultOf = (reply: LayoutReply) => {
  if (!('result' in reply)) throw new Error(`expected a layout, got ${JSON.stringify(reply)}`);
  return reply;
};

describe('the layout worker’s handler', () => {
  it('lays out against a previous map named by its request, exactly as against the map sent whole', () => {
    const handle = layoutHandler();
    const g0 = graphOf(demo);
    const first = resultOf(handle({ id: 1, graph: g0 }));
    const next = graphOf(changed(demo, [sibling(tasksOf(demo)[0]!, 1)]));
    const named = resultOf(handle({ id: 2, graph: next, previousId: 1 }));
    const whole = relayout(next, { graph: g0, layout: first.result.layout });
    // The routes did not change: they are left out, and the page puts its own back.
    expect(named.routesKept).toBe(true);
    expect(named.result.layout.routes).toBeUndefined();
    expect({ ...named.result.layout, routes: first.result.layout.routes }).toEqual(whole.layout);
    expect(named.result.repacked).toEqual(whole.repacked);
  });

  it('says so when it no longer holds the layout named, keeping only its last few', () => {
    const handle = layoutHandler();
    const g = graphOf(demo);
    for (let id = 1; id <= 4; id++) resultOf(handle({ id, graph: g }));
    expect(handle({ id: 5, graph: g, previousId: 1 })).toEqual({ id: 5, stale: true });
    expect('result' in handle({ id: 6, graph: g, previousId: 4 })).toBe(true);
  });

  it('a layout that throws is an error reply for that request', () => {
    const handle = layoutHandler();
    const broken = { ...graphOf(demo), nodes: null } as unknown as ReturnType<typeof graphOf>;
    expect(handle({ id: 9, graph: broken })).toMatchObject({ id: 9, error: expect.any(String) as string });
  });
});
