import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { toFlowNodes } from './toFlow';
import { tabStopOf, withTabStop } from './tabStop';
import { firstViewport } from './viewport';

const screen = { width: 1600, height: 896 };

function demo() {
  const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
  const layout = layoutGraph(graph);
  return { graph, layout, nodes: toFlowNodes(graph, layout) };
}

describe('the map as one Tab stop', () => {
  it('leaves exactly one box in the Tab order and every other focusable box reachable by script and arrows only', () => {
    const { nodes } = demo();
    const stop = nodes.find((n) => n.type === 'task')?.id;
    const tabbed = withTabStop(nodes, stop);
    const order = tabbed.filter((n) => n.domAttributes?.tabIndex === 0).map((n) => n.id);
    expect(order).toEqual([stop]);
    const focusable = nodes.filter((n) => n.focusable !== false).length;
    expect(focusable).toBeGreaterThan(50);
    expect(tabbed.filter((n) => n.domAttributes?.tabIndex === -1)).toHaveLength(focusable - 1);
    // A box that takes no focus (an AZ column) is not made focusable.
    for (const n of tabbed.filter((x) => x.focusable === false)) expect(n.domAttributes).toBeUndefined();
  });

  it('enters the map on the top-left box on screen, then where the person left off', () => {
    const { graph, layout, nodes } = demo();
    const camera = firstViewport(layout, graph, screen);
    const first = tabStopOf(nodes, layout, camera, screen, undefined);
    expect(graph.nodes.find((n) => n.id === first)?.kind).toBe('loadBalancer');
    const task = nodes.find((n) => n.type === 'task')?.id;
    expect(tabStopOf(nodes, layout, camera, screen, task)).toBe(task);
    // A box no longer drawn (a folded group opened, another view) gives way to the first on screen.
    expect(tabStopOf(nodes, layout, camera, screen, 'gone')).toBe(first);
  });
});
