import { describe, expect, it } from 'vitest';
import { pod, service, task, topologyOf } from '../graph/testTopology';
import { buildGraph } from '../graph/buildGraph';
import type { Resource, Topology } from '../model';
import { applyPatch, diffTopology } from './diff';
import { GHOST_MS, ghostsOf, withGhosts, type Ghost } from './ghosts';

const AT = Date.UTC(2026, 10, 20, 12);

/** The next read: the same estate with `edit` applied to its resources. */
function next(t: Topology, edit: (rs: Resource[]) => Resource[]): Topology {
  const resources = edit(Object.values(structuredClone(t).resources));
  return { ...t, source: { ...t.source, fetchedAt: t.source.fetchedAt + 30_000 }, resources: Object.fromEntries(resources.map((r) => [r.id, r])) };
}

function step(prev: Topology, edit: (rs: Resource[]) => Resource[]): { ghosts: Ghost[]; after: Topology } {
  const patch = diffTopology(prev, next(prev, edit), 1);
  if (!patch) throw new Error('no change');
  return { ghosts: ghostsOf(prev, patch, AT), after: applyPatch(prev, patch) };
}

describe('ghosts', () => {
  const cart = service('shop', 'cart');
  const running = task('shop', 'cart', { subnetId: 'subnet-a', az: 'us-east-1a' });
  const other = task('shop', 'cart', { subnetId: 'subnet-a', az: 'us-east-1a' });
  const web = pod('prod', 'shop', 'web-7c9f-abcde', { status: 'Running' });
  const before = topologyOf([cart, running, other, web]);

  it('keeps a task that went while running on the map, stopped, marked a ghost, with a reason, for five minutes', () => {
    const { ghosts, after } = step(before, (rs) => rs.filter((r) => r.id !== running.id));
    expect(ghosts).toHaveLength(1);
    const drawn = withGhosts(after, ghosts, AT + 60_000).resources[running.id];
    expect(drawn).toMatchObject({ kind: 'task', lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'No longer listed by ECS', ghost: true });
    expect(withGhosts(after, ghosts, AT + GHOST_MS - 1).resources[running.id]).toBeDefined();
    expect(withGhosts(after, ghosts, AT + GHOST_MS).resources[running.id]).toBeUndefined();
    expect(withGhosts(after, ghosts, AT + GHOST_MS)).toBe(after);
  });

  it('marks a task the read still lists, gone STOPPED, with its own stop reason, and only for five minutes', () => {
    const stop = (r: Resource): Resource =>
      r.id === running.id
        ? {
            ...running,
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stoppedReason: 'Essential container in task exited',
            stopCode: 'EssentialContainerExited',
          }
        : r;
    const { ghosts, after } = step(before, (rs) => rs.map(stop));
    expect(withGhosts(after, ghosts, AT + 1000).resources[running.id]).toMatchObject({ stoppedReason: 'Essential container in task exited', ghost: true });
    // Afterwards it is an ordinary stopped task, as ECS lists it for about an hour.
    const later = withGhosts(after, ghosts, AT + GHOST_MS).resources[running.id];
    expect(later).toMatchObject({ lastStatus: 'STOPPED' });
    expect(later && 'ghost' in later).toBe(false);
  });

  it('makes no ghost of a task that was already stopped when it is dropped from the list', () => {
    const stopped = task('shop', 'cart', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' });
    const { ghosts } = step(topologyOf([cart, stopped, running]), (rs) => rs.filter((r) => r.id !== stopped.id));
    expect(ghosts).toEqual([]);
  });

  it('keeps a deleted pod as a Failed ghost saying it was deleted, and a failed pod with its own status', () => {
    const { ghosts, after } = step(before, (rs) => rs.filter((r) => r.id !== web.id));
    expect(withGhosts(after, ghosts, AT).resources[web.id]).toMatchObject({ phase: 'Failed', status: 'Deleted', ready: false, ghost: true });
    const failed = step(before, (rs) => rs.map((r) => (r.id === web.id ? { ...web, phase: 'Failed', status: 'Error', ready: false } : r)));
    expect(withGhosts(failed.after, failed.ghosts, AT).resources[web.id]).toMatchObject({ phase: 'Failed', status: 'Error', ghost: true });
  });

  it('draws no ghost over a resource listed running again', () => {
    const { ghosts } = step(before, (rs) => rs.filter((r) => r.id !== running.id));
    expect(withGhosts(before, ghosts, AT)).toBe(before);
  });

  it('puts the ghost where the graph draws stopped tasks: in its subnet, as a task node', () => {
    const { ghosts, after } = step(before, (rs) => rs.filter((r) => r.id !== running.id));
    const ids = (t: Topology) => buildGraph(t, { view: 'network', expanded: new Set(), hiddenNamespaces: new Set() }).nodes.map((n) => n.id);
    expect(ids(after)).not.toContain(running.id);
    expect(ids(withGhosts(after, ghosts, AT))).toContain(running.id);
  });
});
