import { replaceResources, type Resource, type ResourceOf, type Topology } from '../model';
import type { TopologyPatch } from './patch';

/**
 * Ghosts: a task or pod that stopped or went stays on the live map this long, drawn as the map draws a stopped one
 * (lastStatus STOPPED, phase Failed) and marked `ghost`, with its stop reason, so a person who looks a minute later
 * still sees what went and why. Pure: the caller says what time it is.
 */
export const GHOST_MS = 5 * 60_000;

type Mortal = ResourceOf<'task'> | ResourceOf<'pod'>;

export interface Ghost {
  /** The resource as last seen, in its stopped form */
  resource: Mortal;
  /** Epoch ms the viewer learned it stopped or went: the ghost fades GHOST_MS later */
  since: number;
}

/**
 * ECS lists a task it stopped for about an hour, then drops it; a task that goes while running was replaced unseen.
 * Kubernetes deletes a pod it replaces (rollout, scale-in, eviction) without a terminal phase: "Deleted" is all a
 * viewer can say of it.
 */
const RULES: { [K in Mortal['kind']]: { stopped: (r: ResourceOf<K>) => boolean; bury: (r: ResourceOf<K>) => ResourceOf<K> } } = {
  task: {
    stopped: (t) => t.lastStatus === 'STOPPED',
    bury: (t) => ({ ...t, lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: t.stoppedReason ?? 'No longer listed by ECS', ghost: true }),
  },
  pod: {
    // A pod that ran to completion (Succeeded) finished its work: it is no loss to show.
    stopped: (p) => p.phase === 'Failed' || p.phase === 'Succeeded',
    bury: (p) => (p.phase === 'Failed' ? { ...p, ready: false, ghost: true } : { ...p, phase: 'Failed', status: 'Deleted', ready: false, ghost: true }),
  },
};

const mortal = (r: Resource | undefined): r is Mortal => r?.kind === 'task' || r?.kind === 'pod';
const isStopped = (r: Mortal): boolean => (r.kind === 'task' ? RULES.task.stopped(r) : RULES.pod.stopped(r));
const bury = (r: Mortal): Mortal => (r.kind === 'task' ? RULES.task.bury(r) : RULES.pod.bury(r));

/** The ghosts a patch makes from `prev` (the topology it applies to): tasks and pods that stopped or went, running before. */
export function ghostsOf(prev: Topology, patch: TopologyPatch, at: number): Ghost[] {
  const out: Ghost[] = [];
  for (const id of patch.removed) {
    const was = prev.resources[id];
    if (mortal(was) && !isStopped(was)) out.push({ resource: bury(was), since: at });
  }
  for (const now of patch.changed) {
    const was = prev.resources[now.id];
    if (mortal(now) && mortal(was) && isStopped(now) && !isStopped(was)) out.push({ resource: bury(now), since: at });
  }
  return out;
}

export const ghostAlive = (ghost: Ghost, now: number): boolean => now - ghost.since < GHOST_MS;

/**
 * The topology the map draws: each live ghost put back where it is gone, or marked where the read still lists it
 * stopped; a resource listed running again is no ghost. The same object when no ghost applies, so a memo holds.
 */
export function withGhosts(topology: Topology, ghosts: Iterable<Ghost>, now: number): Topology {
  const put: Resource[] = [];
  for (const ghost of ghosts) {
    if (!ghostAlive(ghost, now)) continue;
    const listed = topology.resources[ghost.resource.id];
    if (listed && (!mortal(listed) || !isStopped(listed) || listed.ghost)) continue;
    put.push(listed ? { ...listed, ghost: true } : ghost.resource);
  }
  return put.length ? { ...topology, resources: replaceResources(topology.resources, put, []) } : topology;
}
