import { replaceResources, type Resource, type Topology } from '../model';
import { changesAmong } from './changes';
import { sameContent } from './equal';
import type { TopologyPatch } from './patch';

/**
 * The patch from one read to the next: resources added, removed and changed by id (compared by content, since every
 * read builds new objects), the read's own fields whole, and the changes in words. Undefined when the estate is as
 * it was and only the read time and call counts moved: an unchanged estate makes no new version.
 */
export function diffTopology(prev: Topology, next: Topology, from: number): TopologyPatch | undefined {
  const added: Resource[] = [];
  const changed: Resource[] = [];
  const removed: string[] = [];
  for (const id in next.resources) {
    const now = next.resources[id];
    if (!now) continue;
    const was = prev.resources[id];
    if (!was) added.push(now);
    else if (!sameContent(was, now)) changed.push(now);
  }
  for (const id in prev.resources) if (!Object.hasOwn(next.resources, id)) removed.push(id);

  const sameRead = sameContent({ ...prev.source, fetchedAt: 0 }, { ...next.source, fetchedAt: 0 }) && sameContent(prev.errors, next.errors);
  if (!added.length && !changed.length && !removed.length && sameRead) return undefined;

  return {
    from,
    to: from + 1,
    added: added.sort(byId),
    removed: removed.sort(),
    changed: changed.sort(byId),
    source: next.source,
    errors: next.errors,
    stats: next.stats,
    changes: changesAmong(prev, next, [...added, ...changed].map((r) => r.id).concat(removed), next.source.fetchedAt),
  };
}

/**
 * The topology a patch makes: a new object with a new resources record (resourcesOf caches per resources object, and
 * topologies are never mutated), unchanged resources kept as the same objects. Whether the patch follows the
 * topology's version is the caller's check: a topology does not carry its version.
 */
export function applyPatch(topology: Topology, patch: TopologyPatch): Topology {
  const resources = replaceResources(topology.resources, [...patch.added, ...patch.changed], patch.removed);
  return { ...topology, source: patch.source, resources, errors: patch.errors, stats: patch.stats };
}

const byId = (a: Resource, b: Resource) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
