import { indexResources, resourcesOf, type Resource, type ResourceOf, type Topology } from '../model';

/*
 * An estate changing the way a live one does, for the layout's tests: tasks start beside their service's others,
 * stop with ECS's own stop codes, go away, and services scale out.
 */

type Task = ResourceOf<'task'>;

/** The topology with `add` added and the resources `drop` names taken away. */
export function changed(topology: Topology, add: readonly Resource[], drop: ReadonlySet<string> = new Set()): Topology {
  const kept = Object.values(topology.resources).filter((r) => !drop.has(r.id));
  return { ...topology, resources: indexResources([...kept, ...add]) };
}

/**
 * A new task of the same service, in the same subnet and on the same host as `like`: what ECS starts to replace one.
 * Its id sorts after its service's others, as a fresh random task id mostly does, so a packer that went by content
 * alone would shift the tasks between.
 */
export function sibling(like: Task, n: number): Task {
  const id = like.id.replace(/[^/]+$/, (tail) => `ff${String(n).padStart(4, '0')}${tail}`);
  return { ...like, id, lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING' };
}

/** `task` as DescribeTasks answers once ECS stopped it. */
export function stoppedTask(task: Task): Task {
  return {
    ...task,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
  };
}

export const tasksOf = (topology: Topology): Task[] => resourcesOf(topology, 'task');
