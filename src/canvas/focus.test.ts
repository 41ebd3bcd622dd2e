import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph, GraphNode } from '../topology/graph/types';
import { isGroup, isOwner, isUnit } from '../topology/graph/kinds';
import { focusIndex, focusOwner, nodeFocus } from './focus';

const demo = demoTopology();
const network = buildGraph(demo, { view: 'network', expanded: new Set() });
const serviceView = buildGraph(demo, { view: 'service', expanded: new Set() });

/** How each task, pod, folded group and band service or workload draws under a selection, as the node components ask for it. */
function states(graph: Graph, selected: string | undefined): Map<string, string> {
  const index = focusIndex(graph);
  const containers = new Set(graph.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    const litBy = isUnit(n) || isGroup(n) ? { ownerId: n.ownerId } : isOwner(n) && !containers.has(n.id) ? { ownerId: n.id } : undefined;
    out.set(n.id, nodeFocus(index, selected, n.id, litBy));
  }
  return out;
}

const serviceNamed = (graph: Graph, label: string): GraphNode => {
  const found = graph.nodes.find((n) => n.kind === 'service' && n.label === label);
  if (!found) throw new Error(`no service ${label} in the demo`);
  return found;
};

describe('focus under a selection', () => {
  it('selecting a service lights its tasks in every AZ and dims every other service and task', () => {
    const web = serviceNamed(network, 'web');
    const shown = states(network, web.id);
    expect(shown.get(web.id)).toBe('selected');
    const tasks = network.nodes.filter((n) => n.kind === 'task');
    const own = tasks.filter((n) => n.kind === 'task' && n.ownerId === web.id);
    const azs = new Set(own.map((t) => network.nodes.find((s) => s.id === t.parent && s.kind === 'subnet')?.parent ?? t.parent));
    expect(azs.size).toBeGreaterThan(1);
    for (const t of own) expect(shown.get(t.id), t.id).toBe('plain');
    const others = tasks.filter((n) => !own.includes(n));
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(shown.get(t.id), t.id).toBe('dimmed');
    expect(shown.get(serviceNamed(network, 'api').id)).toBe('dimmed');
  });

  it('selecting a task stands for its service; a load balancer or nothing dims nothing', () => {
    const web = serviceNamed(network, 'web');
    const task = network.nodes.find((n) => n.kind === 'task' && n.ownerId === web.id);
    if (!task) throw new Error('no web task');
    expect(focusOwner(focusIndex(network), task.id)).toBe(web.id);
    const byTask = states(network, task.id);
    expect(byTask.get(task.id)).toBe('selected');
    expect(byTask.get(web.id)).toBe('plain');
    expect(byTask.get(serviceNamed(network, 'api').id)).toBe('dimmed');
    const lb = network.nodes.find((n) => n.kind === 'loadBalancer');
    for (const selected of [lb?.id, undefined]) expect([...states(network, selected).values()]).not.toContain('dimmed');
  });

  it('selecting a pod stands for its workload: the workload’s card and pods stay lit, ECS tasks dim', () => {
    const pod = network.nodes.find((n) => n.kind === 'pod' && n.ownerId !== undefined && n.color >= 0);
    if (pod?.kind !== 'pod' || !pod.ownerId) throw new Error('no pod of an application workload in the demo');
    expect(focusOwner(focusIndex(network), pod.id)).toBe(pod.ownerId);
    const shown = states(network, pod.id);
    expect(network.nodes.find((n) => n.id === pod.ownerId)?.kind).toBe('workload');
    expect(shown.get(pod.ownerId)).toBe('plain');
    for (const n of network.nodes.filter((x) => x.kind === 'pod' && x.ownerId === pod.ownerId)) expect(shown.get(n.id)).not.toBe('dimmed');
    expect(shown.get(serviceNamed(network, 'web').id)).toBe('dimmed');
  });

  it('never dims the service boxes of the service view, which hold the tasks', () => {
    const web = serviceNamed(serviceView, 'web');
    const shown = states(serviceView, serviceNamed(serviceView, 'api').id);
    expect(shown.get(web.id)).toBe('plain');
  });
});
