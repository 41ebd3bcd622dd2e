import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import type { GraphNode, HealthCounts, TaskHealth } from '../graph/types';
import { legendOf, titleBlock, type LegendEntry } from './legend';

const counts = (c: Partial<HealthCounts>): HealthCounts => ({ healthy: 0, unhealthy: 0, pending: 0, stopped: 0, unknown: 0, ...c });

const task = (id: string, health: TaskHealth, extra: { oldRevision?: boolean; color?: number; ownerId?: string; label?: string } = {}): GraphNode => ({
  kind: 'task',
  id,
  label: extra.label ?? 'web',
  ...(extra.ownerId ? { ownerId: extra.ownerId } : {}),
  color: extra.color ?? 0,
  health,
  revision: 'web:3',
  oldRevision: extra.oldRevision ?? false,
});

const node = (spot: boolean, ready?: boolean): GraphNode => ({
  kind: 'node',
  id: `node-${String(spot)}`,
  label: 'ip-10-0-1-5',
  cluster: 'shop',
  nodeGroup: 'general',
  instanceType: 'm6i.large',
  spot,
  state: 'running',
  ...(ready === undefined ? {} : { ready }),
});

const service = (id: string, label: string, color: number): GraphNode => ({
  kind: 'service',
  id,
  label,
  color,
  detail: '',
  azCounts: {},
  deploying: false,
  unhealthy: 0,
  routes: [],
});

const kinds = (entries: LegendEntry[]) => entries.map((e) => e.kind);

describe('the legend of an export lists what the picture draws, and nothing else', () => {
  it('lists only the health states drawn, from units, folded groups and target groups alike', () => {
    const tg: GraphNode = { kind: 'targetGroup', id: 'tg', label: 'web-tg', detail: '', counts: counts({ pending: 1 }), unreadable: false };
    const group: GraphNode = { kind: 'taskGroup', id: 'g', label: 'api', color: 1, counts: counts({ stopped: 2 }), taskIds: ['a', 'b'] };
    const entries = legendOf({ nodes: [task('t1', 'healthy'), task('t2', 'unhealthy'), tg, group] });
    expect(entries.filter((e) => e.kind === 'health').map((e) => e.kind === 'health' && e.health)).toEqual(['healthy', 'unhealthy', 'pending', 'stopped']);
    expect(legendOf({ nodes: [task('t1', 'healthy')] }).filter((e) => e.kind === 'health')).toHaveLength(1);
  });

  it('shows the hatching only when an older revision is drawn, the dashed border only when a spot node is', () => {
    expect(kinds(legendOf({ nodes: [task('t', 'healthy'), node(false)] }))).not.toEqual(expect.arrayContaining(['oldRevision']));
    expect(kinds(legendOf({ nodes: [task('t', 'healthy'), node(false)] }))).not.toContain('spot');
    const marked = legendOf({ nodes: [task('t', 'healthy', { oldRevision: true }), node(true)] });
    expect(kinds(marked)).toEqual(expect.arrayContaining(['oldRevision', 'spot']));
  });

  it('counts a NotReady node as drawn in the alert colour', () => {
    expect(legendOf({ nodes: [node(false, false)] }).find((e) => e.kind === 'health')).toMatchObject({ health: 'unhealthy' });
  });

  it('explains folded groups only when one is drawn', () => {
    const group: GraphNode = { kind: 'podGroup', id: 'g', label: 'kube-system', color: -1, counts: counts({ healthy: 3 }), podIds: ['a', 'b', 'c'] };
    expect(kinds(legendOf({ nodes: [group] }))).toContain('folded');
    expect(kinds(legendOf({ nodes: [task('t', 'healthy')] }))).not.toContain('folded');
  });

  it('names each service colour once, by name, from services and from tasks whose service is not drawn', () => {
    const nodes = [
      service('arn:svc/web', 'web', 3),
      task('t1', 'healthy', { ownerId: 'arn:svc/web', color: 3, label: 'web' }),
      task('t2', 'healthy', { ownerId: 'arn:svc/cart', color: 5, label: 'cart' }),
      task('t3', 'healthy', { color: -1, label: 'family:nightly' }),
    ];
    const owners = legendOf({ nodes }).filter((e) => e.kind === 'owner');
    expect(owners).toEqual([
      { kind: 'owner', color: 5, text: 'cart' },
      { kind: 'owner', color: 3, text: 'web' },
    ]);
  });

  it('on the demo, network view: every state, both marks, the folded system pods and every service by its colour', () => {
    const graph = buildGraph(demoTopology(), { view: 'network', expanded: new Set() });
    const entries = legendOf(graph);
    expect(kinds(entries)).toEqual(expect.arrayContaining(['health', 'oldRevision', 'spot', 'folded', 'owner']));
    const owners = graph.nodes.filter((n) => n.kind === 'service' || n.kind === 'workload');
    for (const o of owners) if (o.color >= 0) expect(entries, o.label).toContainEqual({ kind: 'owner', color: o.color, text: o.label });
    // Marks first, then the colours; the colours in name order, so two reads of one estate give one legend.
    const firstOwner = kinds(entries).indexOf('owner');
    expect(
      kinds(entries)
        .slice(firstOwner)
        .every((k) => k === 'owner'),
    ).toBe(true);
    const names = entries.flatMap((e) => (e.kind === 'owner' ? [e.text] : []));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('the title block of an export', () => {
  it('says the account, the region and the read time, in UTC unless a zone is given', () => {
    const block = titleBlock({ label: 'prod', region: 'eu-west-1', accountId: '123456789012', fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 5) }, 'network');
    expect(block.title).toBe('Fleetmap · network view · prod');
    expect(block.facts).toEqual(['Account 123456789012', 'Region eu-west-1', 'Read 2 Jan 2026, 03:04:05 UTC']);
    const local = titleBlock({ label: 'prod', region: 'eu-west-1', fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 5) }, 'service', {
      locale: 'en-GB',
      timeZone: 'Asia/Tokyo',
    });
    expect(local.facts).toEqual(['Account not known', 'Region eu-west-1', 'Read 2 Jan 2026, 12:04:05 (Asia/Tokyo)']);
  });
});
