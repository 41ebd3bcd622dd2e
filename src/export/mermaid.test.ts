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

  it('puts the AZs side by side inside the VPC in their order, each AZ’s subnets one above the other', () => {
    const vpc = input.graph.nodes.find((n) => n.kind === 'vpc');
    if (!vpc) throw new Error('no VPC');
    const azs = input.graph.nodes.filter((n) => n.kind === 'az');
    expect(azs.map((a) => a.label)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // Unlinked subgraphs land in whatever order the layout finds (us-east-1a went below the others): an invisible
    // link from each AZ to the next, in a left-to-right VPC, sets them in one row in order.
    expect(block(vpc)?.direction).toBe('LR');
    expect(block(vpc)?.children).toEqual(azs.map(idOf));
    expect(text).toContain(`    ${azs.map(idOf).join(' ~~~ ')}\n`);
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
  const input = layOutForExport(demoTopology(), { view: 'service' });
  const text = toMermaid(input);
  const tree = outline(text);

  it('runs top to bottom: the load balancers above, the clusters side by side below them', () => {
    // Left to right, the clusters (all one step after the band) stacked in one column about 1,000 × 8,700 px.
    expect(text.split('\n')[1]).toBe('flowchart TB');
    expect(tree.blocks[0]?.id).toBe('region');
    expect(tree.blocks[0]?.direction).toBe('TB');
    const clusters = input.graph.nodes.filter((n) => n.kind === 'cluster');
    expect(clusters.length).toBeGreaterThan(2);
  });

  it('sets what a cluster, namespace or service holds in a near-square grid, each row under the one before', () => {
    const links = new Set(
      text
        .split('\n')
        .filter((l) => l.includes('~~~'))
        .map((l) => l.trim()),
    );
    const blocks = walk(tree).filter((b) => b.id !== '' && b.id !== 'region' && b.id !== 'band');
    let gridded = 0;
    for (const b of blocks) {
      const k = Math.ceil(Math.sqrt(b.children.length));
      if (b.children.length <= 2) continue;
      gridded++;
      for (let i = 0; i + k < b.children.length; i++) expect(links.has(`${b.children[i]} ~~~ ${b.children[i + k]}`), b.id).toBe(true);
    }
    expect(gridded).toBeGreaterThan(5);
  });
});
