import { resourceOf, resourcesOf, shortId, type Resource, type ResourceOf, type Topology } from '../model';
import type { ChangeEvent } from './patch';

/** A change as a rule finds it; the feed stamps its id and, when the rule knows no better time, the read's. */
export interface Draft extends Omit<ChangeEvent, 'id' | 'at'> {
  /** Epoch ms when AWS says when it happened */
  at?: number;
  /** Tells apart changes of one kind on one subject in one read (a target of a group, a deployment of a service) */
  part?: string;
}

/** What every rule sees: both reads, their indexes built once and only when a rule asks. */
export interface ChangeContext {
  prev: Topology;
  next: Topology;
  /** The service or Kubernetes Service a target group routes to, by target group ARN (from the newer read) */
  targetGroupOwner(arn: string): { id: string; name: string } | undefined;
  /** Tasks of a service that are running in the newer read */
  runningTasks(serviceArn: string): number;
}

export function changeContext(prev: Topology, next: Topology): ChangeContext {
  let owners: Map<string, { id: string; name: string }> | undefined;
  let running: Map<string, number> | undefined;
  return {
    prev,
    next,
    targetGroupOwner(arn) {
      if (!owners) {
        owners = new Map();
        for (const s of resourcesOf(next, 'service'))
          for (const lb of s.loadBalancers) if (lb.targetGroupArn) owners.set(lb.targetGroupArn, { id: s.id, name: s.name });
        for (const s of resourcesOf(next, 'kubeService')) for (const tg of s.targetGroupArns) owners.set(tg, { id: s.id, name: s.name });
      }
      return owners.get(arn);
    },
    runningTasks(serviceArn) {
      if (!running) {
        running = new Map();
        for (const t of resourcesOf(next, 'task'))
          if (t.serviceArn && t.lastStatus === 'RUNNING') running.set(t.serviceArn, (running.get(t.serviceArn) ?? 0) + 1);
      }
      return running.get(serviceArn) ?? 0;
    },
  };
}

/** A resource of the newer read, else of the older one (what is gone is still named as it was). */
export function either<K extends Resource['kind']>(ctx: ChangeContext, kind: K, id: string | undefined): ResourceOf<K> | undefined {
  return resourceOf(ctx.next, kind, id) ?? resourceOf(ctx.prev, kind, id);
}

/** A task as a person reads it: the first characters of its id are enough to find it on the map. */
export const taskLabel = (id: string) => `task ${shortId(id).slice(0, 8)}…`;

/** The name a task goes by: its service's, else its group's, else its task definition's family. */
export function taskOwnerName(ctx: ChangeContext, t: ResourceOf<'task'>): string {
  const byService = either(ctx, 'service', t.serviceArn)?.name;
  if (byService) return byService;
  if (t.group?.startsWith('service:')) return t.group.slice('service:'.length);
  // task-definition/<family>:<revision>
  return shortId(t.taskDefinitionArn).split(':')[0] || 'task';
}

/** The name a pod goes by: its workload's, else the last of its owners ("Deployment payments"), else its own. */
export function podOwnerName(ctx: ChangeContext, p: ResourceOf<'pod'>): string {
  const byWorkload = either(ctx, 'workload', p.workloadId)?.name;
  if (byWorkload) return byWorkload;
  const top = p.owners.at(-1);
  return top ? (top.split(' ').at(-1) ?? p.name) : p.name;
}

/** "(a; b)" of the parts that are there, or nothing. */
export const detail = (...parts: (string | undefined | false)[]) => {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length ? ` (${present.join('; ')})` : '';
};
