import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import type { GraphNode } from '../topology/graph/types';
import { mermaidText } from '../topology/present/escape';
import { nodeText, textLines } from '../topology/present/labels';
import { toMermaid } from './mermaid';
import { layOutForExport } from './prepare';

/** A Mermaid flowchart's subgraphs as a tree: id, the direction set inside it, the ids declared directly in it. */
interface Block {
  id: string;
  direction?: string;
  children: string[];
  blocks: Block[];
}

function outline(text: string): Block {
  const root: Block = { id: '', children: [], blocks: [] };
  const stack = [root];
  for (const line of text.split('\n').map((l) => l.trim())) {
    const top = stack[stack.length - 1] ?? root;
    const open = /^subgraph (\w+)\[/.exec(line);
    const node = /^(n\d+)\["/.exec(line);
    const dir = /^direction (TB|LR)$/.exec(line);
    if (open?.[1]) {
      const b: Block = { id: open[1], children: [], blocks: [] };
      top.blocks.push(b);
      top.children.push(b.id);
      stack.push(b);
    } else if (line === 'end') stack.pop();
    else if (dir?.[1]) top.direction = dir[1];
    else if (node?.[1]) top.children.push(node[1]);
  }
  return root;
}

const walk = (b: Block): Block[] => [b, ...b.blocks.flatMap(walk)];

describe('the Mermaid export of the demo estate reads left to right', () => {
  const input = layOutForExport(demoTopology(), { view: 'network' });
  const text = toMermaid(input);
  const ids = new Map(input.graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const idOf = (n: GraphNode) => ids.get(n.id) ?? '';
  const tree = outline(text);
  const blocks = walk(tree);
  const block = (n: GraphNode) => blocks.find((b) => b.id === idOf(n));

  it('is a left-to-right flowchart with the whole region in one subgraph named by region and account', () => {
    expect(text.split('\n')[1]).toBe('flowchart LR');
    expect(tree.blocks).toHaveLength(1);
    const region = text.split('\n').find((l) => l.trim().startsWith('subgraph region['));
    expect(region).toContain('us-east-1');
    expect(region).toContain('123456789012');
  });

  it('puts the AZs side by side inside the VPC, each AZ’s subnets one above the other', () => {
    const vpc = input.graph.nodes.find((n) => n.kind === 'vpc');
    if (!vpc) throw new Error('no VPC');
    const azs = input.graph.nodes.filter((n) => n.kind === 'az');
    expect(azs.length).toBe(3);
    // In a top-to-bottom subgraph, subgraphs with no link between them sit on one row.
    expect(block(vpc)?.direction).toBe('TB');
    expect(block(vpc)?.children).toEqual(azs.map(idOf));
    for (const az of azs) expect(block(az)?.direction, az.id).toBe('LR');
  });

  it('draws the load balancer → target group → service chain in its own subgraph beside the VPC', () => {
    const region = tree.blocks[0];
    const band = region?.blocks.find((b) => b.id === 'band');
    const vpc = input.graph.nodes.find((n) => n.kind === 'vpc');
    expect(region?.direction).toBe('TB');
    expect(region?.children).toEqual(['band', vpc ? idOf(vpc) : '']);
    expect(band?.direction).toBe('LR');
    const chain = input.graph.nodes.filter(
      (n) => !n.parent && (n.kind === 'loadBalancer' || n.kind === 'targetGroup' || n.kind === 'service' || n.kind === 'workload'),
    );
    expect(band?.children.sort()).toEqual(chain.map(idOf).sort());
    // Subgraph directions hold only where no link leaves the subgraph: every edge stays inside the chain.
    const inBand = new Set(band?.children);
    for (const e of input.graph.edges) {
      expect(inBand.has(ids.get(e.source) ?? '')).toBe(true);
      expect(inBand.has(ids.get(e.target) ?? '')).toBe(true);
    }
  });

  it('labels every node with its escaped words and marks spot nodes dashed', () => {
    for (const n of input.graph.nodes) expect(text).toContain(`${idOf(n)}["${textLines(nodeText(n)).map(mermaidText).join('<br/>')}"]`);
    const spot = input.graph.nodes.filter((n) => n.kind === 'node' && n.spot).map(idOf);
    expect(spot.length).toBeGreaterThan(0);
    expect(text).toContain(`class ${spot.join(',')} spot`);
    expect(text).toMatch(/classDef spot [^\n]*stroke-dasharray/);
  });
});

describe('the Mermaid export of the service view', () => {
  it('runs left to right from the load balancers to the clusters that hold the services', () => {
    const input = layOutForExport(demoTopology(), { view: 'service' });
    const tree = outline(toMermaid(input));
    expect(tree.blocks[0]?.id).toBe('region');
    expect(tree.blocks[0]?.direction).toBe('LR');
  });
});
