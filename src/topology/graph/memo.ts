import type { Topology } from '../model';

/**
 * Pure: `compute` once per resources record. Topologies are never mutated and a patch makes a new resources record
 * (live/diff applyPatch), so what is derived from the resources alone holds until the next patch: opening a group or
 * switching the view rebuilds the graph from the same topology and reuses it. The result is shared by every caller;
 * none may change it.
 */
export function perResources<T>(compute: (topology: Topology) => T): (topology: Topology) => T {
  const cache = new WeakMap<Topology['resources'], { value: T }>();
  return (topology) => {
    const hit = cache.get(topology.resources);
    if (hit) return hit.value;
    const value = compute(topology);
    cache.set(topology.resources, { value });
    return value;
  };
}

/**
 * Pure: `compute` once per topology object, for what depends on more than its resources (its read errors too): the
 * map, the problems button and the wallboard's banner each ask for the problems of the topology they were given.
 */
export function perTopology<T>(compute: (topology: Topology) => T): (topology: Topology) => T {
  const cache = new WeakMap<Topology, { value: T }>();
  return (topology) => {
    const hit = cache.get(topology);
    if (hit) return hit.value;
    const value = compute(topology);
    cache.set(topology, { value });
    return value;
  };
}
