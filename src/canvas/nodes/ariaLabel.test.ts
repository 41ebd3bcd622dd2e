import { describe, expect, it } from 'vitest';
import { demoTopology } from '../../topology/__fixtures__/fixtures';
import { buildGraph } from '../../topology/graph/buildGraph';
import type { Problem } from '../../topology/graph/problems';
import type { GraphNode } from '../../topology/graph/types';
import { nodeAriaLabel } from './ariaLabel';

const demo = demoTopology();
const network = buildGraph(demo, { view: 'network', expanded: new Set() });

function named(kind: GraphNode['kind'], label?: string): GraphNode {
  const n = network.nodes.find((x) => x.kind === kind && (label === undefined || x.label === label));
  if (!n) throw new Error(`no ${kind} ${label ?? ''} in the demo`);
  return n;
}

describe('nodeAriaLabel', () => {
  it('names every box of the demo with words, never a placeholder', () => {
    for (const n of network.nodes) {
      const label = nodeAriaLabel(n);
      expect(label.length, n.id).toBeGreaterThan(3);
      expect(label, n.id).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('says a service’s kind, name and running counts in words, and its problems with their titles', () => {
    const cart = named('service', 'cart');
    expect(nodeAriaLabel(cart)).toMatch(/^service cart, \d+ of \d+ running/);
    const problem = (id: string, title: string, severity: Problem['severity']): Problem => ({
      id,
      kind: 'underReplicated',
      severity,
      subject: cart.id,
      name: 'cart',
      related: [],
      title,
      message: `${title}: see its events.`,
    });
    const two = [problem('a', '3/4 running', 'warning'), problem('b', 'not in us-east-1c', 'warning')];
    expect(nodeAriaLabel(cart, two)).toMatch(/, 2 problems: 3\/4 running; not in us-east-1c$/);
    expect(nodeAriaLabel(cart, [problem('c', '0/4 running', 'critical')])).toMatch(/, 1 critical problem: 0\/4 running$/);
    expect(nodeAriaLabel(cart, [])).not.toMatch(/problem/);
  });

  it('names tasks and pods by their owner and health, folded groups by their count, and says a group unfolds', () => {
    const task = named('task');
    expect(nodeAriaLabel(task)).toMatch(/^task of \S+, (healthy|unhealthy|pending|stopped|no health check)/);
    const group = network.nodes.find((n) => n.kind === 'podGroup');
    if (group?.kind !== 'podGroup') throw new Error('no folded pods in the demo');
    expect(nodeAriaLabel(group)).toMatch(new RegExp(`^${group.podIds.length} pods? of .+, folded: \\d+ healthy.*; Enter unfolds$`));
  });

  it('names the network boxes with their address range and the band with its kind', () => {
    const subnet = named('subnet', 'private-a');
    expect(nodeAriaLabel(subnet)).toMatch(/^private subnet private-a, 10\.0\.\d+\.0\/\d+, \d+ tasks?, \d+ pods?$/);
    expect(nodeAriaLabel(named('vpc'))).toMatch(/^VPC .+, 10\.0\.0\.0\/16$/);
    expect(nodeAriaLabel(named('loadBalancer'))).toMatch(/^(application|network|gateway) load balancer \S+, (internet-facing|internal)$/);
    expect(nodeAriaLabel(named('targetGroup'))).toMatch(/^target group \S+, \d+ healthy/);
    expect(nodeAriaLabel(named('node'))).toMatch(/^EKS node \S+, node group \S+/);
    const cluster = buildGraph(demo, { view: 'service', expanded: new Set() }).nodes.find((n) => n.kind === 'cluster');
    if (!cluster) throw new Error('no cluster in the service view of the demo');
    expect(nodeAriaLabel(cluster)).toMatch(/^(ECS|EKS) cluster \S+/);
  });
});
