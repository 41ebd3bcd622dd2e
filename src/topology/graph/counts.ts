import { resourcesOf, type Topology } from '../model';
import { failedCalls, unreadBecause, type Part } from './completeness';

/** "1 task", "3 tasks", "1 load balancer": a count with its noun in the number it has. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One count of the top bar: the number read (absent when nothing was read of a part that may hold more) and its words. */
export interface CountItem {
  part: Extract<Part, 'service' | 'task' | 'loadBalancer' | 'eksNode' | 'pod'>;
  count?: number;
  /** "load balancers", "task", "tasks (not all read)", "load balancers not all read" */
  words: string;
  /** A failed call may have hidden some: a count read as complete would be a lie */
  incomplete: boolean;
  /** Which calls failed, for the tooltip */
  title?: string;
}

/** The counts in the order the top bar shows them; EKS counts only when EKS is there or could not be read. */
const COUNTS: readonly { part: CountItem['part']; one: string; many: string; always: boolean }[] = [
  { part: 'service', one: 'service', many: 'services', always: true },
  { part: 'task', one: 'task', many: 'tasks', always: true },
  { part: 'loadBalancer', one: 'load balancer', many: 'load balancers', always: true },
  { part: 'eksNode', one: 'EKS node', many: 'EKS nodes', always: false },
  { part: 'pod', one: 'pod', many: 'pods', always: false },
];

/** Pure: what the top bar says of the read, never a confident count of a part a failed call may have left short. */
export function topBarCounts(topology: Topology): CountItem[] {
  return COUNTS.flatMap(({ part, one, many, always }): CountItem[] => {
    const n = resourcesOf(topology, part).length;
    const because = unreadBecause(topology.errors, part);
    if (!because.length) return always || n ? [{ part, count: n, words: n === 1 ? one : many, incomplete: false }] : [];
    const title = `Not all ${many} could be read: ${failedCalls(because)} failed. See the errors in the status bar.`;
    return [
      n
        ? { part, count: n, words: `${n === 1 ? one : many} (not all read)`, incomplete: true, title }
        : { part, words: `${many} not all read`, incomplete: true, title },
    ];
  });
}
