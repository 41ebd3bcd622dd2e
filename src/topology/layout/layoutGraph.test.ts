import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWorld } from '../../../server/fake-aws/demo';
import { generateWorld } from '../../../server/fake-aws/generate';
import { readThroughFake } from '../../../server/fake-aws/readWorld';
import { buildGraph } from '../graph/buildGraph';
import type { Graph } from '../graph/types';
import { resourcesOf, type Topology } from '../model';
import { bandRows, layoutGraph } from './layoutGraph';
import { BAND_MIN_WIDTH } from './sizes';
import type { Box, Layout } from './types';

const elk = new ELK();
let demo: Topology;
let large: Topology;
let huge: Topology;

beforeAll(async () => {
  demo = (await readThroughFake({ world: demoWorld() })).topology;
  large = (await readThroughFake({ world: generateWorld({ clusters: 4, services: 40, tasks: 600, loadBalancers: 3, azs: 3, seed: 9 }) })).topology;
  huge = (await readThroughFake({ world: generateWorld({ clusters: 8, services: 240, tasks: 2400, loadBalancers: 12, azs: 3, seed: 4 }) })).topology;
});

const inside = (child: Box, parent: Box) =>
  child.x >= 0 && child.y >= 0 && child.x + child.width <= parent.width + 0.5 && child.y + child.height <= parent.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function checkInvariants(graph: Graph, layout: Layout) {
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  expect(layout.boxes).toHaveLength(graph.nodes.length);
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    // Parents come before children, as React Flow requires.
    if (node.parent) expect(seen.has(node.parent), node.id).toBe(true);
    seen.add(node.id);
    const box = boxes.get(node.id);
    const parent = node.parent ? boxes.get(node.parent) : undefined;
    if (box && parent) expect(inside(box, parent), `${node.kind} ${node.id} inside ${node.parent}`).toBe(true);
  }
  const siblings = new Map<string, Box[]>();
  for (const node of graph.nodes) {
    const key = node.parent ?? '';
    const box = boxes.get(node.id);
    if (box) siblings.set(key, [...(siblings.get(key) ?? []), box]);
  }
  for (const list of siblings.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) expect(overlap(list[i] as Box, list[j] as Box), `${list[i]?.id} / ${list[j]?.id}`).toBe(false);
  }
}

describe('buildGraph + layoutGraph', () => {
  it('puts every task inside its subnet, every subnet inside its AZ column, and no siblings overlap (network view)', async () => {
    for (const topology of [demo, large]) {
      const graph = buildGraph(topology, { view: 'network', expanded: new Set() });
      const layout = await layoutGraph(graph, elk);
      checkInvariants(graph, layout);
      const byId = new Map(graph.nodes.map((n) => [n.id, n]));
      for (const task of resourcesOf(topology, 'task')) {
        const node = byId.get(task.id);
        if (!node) continue; // folded into a group
        let p = node.parent ? byId.get(node.parent) : undefined;
        while (p && p.kind !== 'subnet') p = p.parent ? byId.get(p.parent) : undefined;
        expect(p?.id).toBe(task.subnetId);
        expect(p?.kind === 'subnet' && p.az).toBe(task.az);
      }
    }
  });

  it('keeps every task on the map: placed, or counted in a folded group', () => {
    const graph = buildGraph(large, { view: 'network', expanded: new Set() });
    const placed = graph.nodes.reduce((n, x) => n + (x.kind === 'task' ? 1 : x.kind === 'taskGroup' ? x.taskIds.length : 0), 0);
    expect(placed).toBe(resourcesOf(large, 'task').length);
    expect(graph.nodes.some((n) => n.kind === 'taskGroup')).toBe(true);
  });

  it('unfolds a group the user opened', () => {
    const folded = buildGraph(large, { view: 'network', expanded: new Set() });
    const group = folded.nodes.find((n) => n.kind === 'taskGroup');
    if (group?.kind !== 'taskGroup') throw new Error('expected a folded group');
    const open = buildGraph(large, { view: 'network', expanded: new Set([group.id]) });
    for (const id of group.taskIds) expect(open.nodes.find((n) => n.id === id)?.parent).toBe(group.parent);
  });

  it('lays out the service view without overlaps', async () => {
    const graph = buildGraph(demo, { view: 'service', expanded: new Set() });
    checkInvariants(graph, await layoutGraph(graph, elk));
    expect(graph.nodes.filter((n) => n.kind === 'cluster' && n.engine === 'ecs')).toHaveLength(3);
    expect(graph.nodes.filter((n) => n.kind === 'cluster' && n.engine === 'eks')).toHaveLength(1);
  });

  it('is deterministic: the same topology gives the same layout', async () => {
    const graph = buildGraph(demo, { view: 'network', expanded: new Set() });
    expect(await layoutGraph(graph, elk)).toEqual(await layoutGraph(buildGraph(demo, { view: 'network', expanded: new Set() }), elk));
  });

  it('marks the unhealthy target, the deployment and the AZ spread of the demo', () => {
    const graph = buildGraph(demo, { view: 'network', expanded: new Set() });
    const unhealthy = graph.nodes.filter((n) => n.kind === 'task' && !n.pod && n.health === 'unhealthy');
    expect(unhealthy).toHaveLength(1);
    expect(unhealthy[0]?.kind === 'task' && unhealthy[0].reason).toBe('Target.ResponseCodeMismatch');
    const crashing = graph.nodes.filter((n) => n.kind === 'task' && n.pod && n.health === 'unhealthy');
    expect(crashing.map((n) => n.kind === 'task' && n.reason)).toEqual(['CrashLoopBackOff']);
    const api = graph.nodes.find((n) => n.kind === 'service' && n.label === 'api');
    expect(api?.kind === 'service' && api.deploying).toBe(true);
    const cart = graph.nodes.find((n) => n.kind === 'service' && n.label === 'cart');
    expect(cart?.kind === 'service' && Object.keys(cart.azCounts)).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.kind === 'task' && !n.pod && n.oldRevision)).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.kind === 'task' && n.pod && n.oldRevision)).toHaveLength(2);
  });

  it('wraps a large band into rows no wider than the map, each target group above the services it serves', async () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(huge, { view, expanded: new Set() });
      const layout = await layoutGraph(graph, elk);
      checkInvariants(graph, layout);
      const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
      const band = graph.nodes.filter((n) => !n.parent && (n.kind === 'targetGroup' || n.kind === 'service' || n.kind === 'loadBalancer'));
      const right = Math.max(...band.map((n) => (boxes.get(n.id)?.x ?? 0) + (boxes.get(n.id)?.width ?? 0)));
      expect(right).toBeLessThanOrEqual(Math.max(layout.width, BAND_MIN_WIDTH) + 0.5);
      // Far from one row: the band is several rows tall and the map is not a ribbon.
      expect(new Set(band.map((n) => boxes.get(n.id)?.y)).size).toBeGreaterThan(2);
      expect(layout.width / layout.height).toBeLessThan(4);
      for (const e of graph.edges.filter((x) => x.kind === 'serves')) {
        const tg = boxes.get(e.source);
        const svc = boxes.get(e.target);
        if (view === 'network' && tg && svc) expect(tg.y + tg.height, `${e.id}`).toBeLessThanOrEqual(svc.y);
      }
    }
  });

  it('groups never straddle two band rows', () => {
    const graph = buildGraph(huge, { view: 'network', expanded: new Set() });
    const bandNodes = graph.nodes.filter((n) => !n.parent && (n.kind === 'targetGroup' || n.kind === 'service'));
    const rows = bandRows(bandNodes, graph, (n) => (n.kind === 'targetGroup' ? 0 : 1), 3000);
    expect(rows.length).toBeGreaterThan(1);
    const rowOf = new Map(rows.flatMap((r, i) => r.nodes.map((n) => [n.id, i] as const)));
    expect(rowOf.size).toBe(bandNodes.length);
    for (const e of graph.edges) if (rowOf.has(e.source) && rowOf.has(e.target)) expect(rowOf.get(e.source)).toBe(rowOf.get(e.target));
  });
});
