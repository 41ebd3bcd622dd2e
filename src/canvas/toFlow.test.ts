import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import { layoutGraph } from '../topology/layout/layoutGraph';
import { toFlowNodes } from './toFlow';

const demo = demoTopology();
const network = buildGraph(demo, { view: 'network', expanded: new Set() });
const serviceView = buildGraph(demo, { view: 'service', expanded: new Set() });

describe('the node list', () => {
  it('is built from the graph and layout alone: no field of it follows the selection', () => {
    for (const graph of [network, serviceView]) {
      const nodes = toFlowNodes(graph, layoutGraph(graph));
      expect(nodes.length).toBe(graph.nodes.length);
      for (const n of nodes) {
        // Each React Flow node is typed by its graph node's kind and carries that node, and for a service whether
        // it is the box holding its tasks; dimming and selection are read inside the node.
        expect(n.type).toBe(n.data.node.kind);
        expect(Object.keys(n.data).sort()).toEqual(n.type === 'service' ? ['container', 'node'] : ['node']);
      }
    }
  });

  it('is the same for the same graph and layout', () => {
    const layout = layoutGraph(network);
    expect(toFlowNodes(network, layout)).toEqual(toFlowNodes(network, layout));
  });
});
