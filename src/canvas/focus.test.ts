import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Graph, GraphNode } from '../topology/graph/types';
import { focusIndex, focusService, nodeFocus } from './focus';

const demo = demoTopology();
const network = buildGraph(demo, { view: 'network', expanded: new Set() });
const serviceView = buildGraph(demo, { view: 'service', expanded: new Set() });

/** How each task, folded group and band service draws under a selection, as the node components ask for it. */
function states(graph: Graph, selected: string | undefined): Map<string, string> {
  const index = focusIndex(graph);
  const containers = new Set(graph.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    const litBy =
      n.kind === 'task' || n.kind === 'taskGroup'
        ? { serviceId: n.serviceId }
        : n.kind === 'service' && !containers.has(n.id)
          ? { serviceId: n.id }
          : undefined;
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
    const tasks = network.nodes.filter((n) => n.kind === 'task' && !n.pod);
    const own = tasks.filter((n) => n.kind === 'task' && n.serviceId === web.id);
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
    const task = network.nodes.find((n) => n.kind === 'task' && n.serviceId === web.id);
    if (!task) throw new Error('no web task');
    expect(focusService(focusIndex(network), task.id)).toBe(web.id);
    const byTask = states(network, task.id);
    expect(byTask.get(task.id)).toBe('selected');
    expect(byTask.get(web.id)).toBe('plain');
    expect(byTask.get(serviceNamed(network, 'api').id)).toBe('dimmed');
    const lb = network.nodes.find((n) => n.kind === 'loadBalancer');
    for (const selected of [lb?.id, undefined]) expect([...states(network, selected).values()]).not.toContain('dimmed');
  });

  it('never dims the service boxes of the service view, which hold the tasks', () => {
    const web = serviceNamed(serviceView, 'web');
    const shown = states(serviceView, serviceNamed(serviceView, 'api').id);
    expect(shown.get(web.id)).toBe('plain');
  });
});
