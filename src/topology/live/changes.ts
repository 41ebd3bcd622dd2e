import type { ResourceKind, ResourceOf, Topology } from '../model';
import { changeContext, type ChangeContext, type Draft } from './changeContext';
import { serviceChanges, targetGroupChanges, taskChanges } from './ecsChanges';
import { podChanges, workloadChanges } from './kubeChanges';
import { sameContent } from './equal';
import type { ChangeEvent } from './patch';

/** Per kind, what its resource did between two reads; a kind not listed is never told (its box still updates). */
const RULES: { [K in ResourceKind]?: (was: ResourceOf<K> | undefined, now: ResourceOf<K> | undefined, ctx: ChangeContext) => Draft[] } = {
  task: taskChanges,
  service: serviceChanges,
  targetGroup: targetGroupChanges,
  pod: podChanges,
  workload: workloadChanges,
};

const SEVERITY_ORDER: Record<ChangeEvent['severity'], number> = { critical: 0, warning: 1, info: 2 };

/**
 * What changed between two reads, as a person wants it told, newest first (most severe first among changes of one
 * moment). `at` is the newer read's time: each change carries it unless AWS says when it happened, and it makes the
 * change's id, so the same step told twice has the same ids.
 */
export function changeEvents(prev: Topology, next: Topology, at: number): ChangeEvent[] {
  const ids: string[] = [];
  for (const id in next.resources) if (!sameContent(prev.resources[id], next.resources[id])) ids.push(id);
  for (const id in prev.resources) if (!Object.hasOwn(next.resources, id)) ids.push(id);
  return changesAmong(prev, next, ids, at);
}

/** changeEvents when the ids whose content differs are known already (the diff has just found them). */
export function changesAmong(prev: Topology, next: Topology, ids: Iterable<string>, at: number): ChangeEvent[] {
  const ctx = changeContext(prev, next);
  const drafts: Draft[] = [];
  for (const id of ids) {
    const was = prev.resources[id];
    const now = next.resources[id];
    const kind = (now ?? was)?.kind;
    if (!kind || (was && now && was.kind !== now.kind)) continue;
    const rule = RULES[kind] as ((w: typeof was, n: typeof now, c: ChangeContext) => Draft[]) | undefined;
    if (rule) drafts.push(...rule(was, now, ctx));
  }
  return drafts
    .map(({ part, at: when, ...d }): ChangeEvent => ({ ...d, id: `${at}:${d.kind}:${d.subject}${part ? `#${part}` : ''}`, at: when ?? at }))
    .sort((a, b) => b.at - a.at || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.message.localeCompare(b.message) || a.id.localeCompare(b.id));
}
