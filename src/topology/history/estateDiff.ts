import { resourceOf, shortId, type Resource, type ResourceKind, type SourceInfo, type Topology } from '../model';
import { changeEvents } from '../live/changes';
import { sameContent } from '../live/equal';
import type { ChangeEvent, ChangeKind } from '../live/patch';

/**
 * Two estates compared, for people and for CI: the resources added, removed and changed (by id), the changes the
 * live view would have told between them, and the gates a pipeline can fail on. Pure: the same two topologies always
 * give the same diff, in the same order.
 */

export interface ResourceRef {
  id: string;
  kind: ResourceKind;
  /** What a person calls it: its name, a task by its service (or family) and id, else the last part of its id */
  name: string;
}

export interface ChangedResource extends ResourceRef {
  /** The top-level fields whose content differs, in name order (e.g. ["desired", "deployments", "running"]) */
  fields: string[];
}

/** Which estate a side is: what the status bar says of it and when it was read. */
export interface EstateInfo extends Pick<SourceInfo, 'label' | 'region' | 'fetchedAt'> {
  accountId?: string;
  resources: number;
}

/**
 * What `--fail-on` accepts. Each gate trips on evidence a person can check in the report; `any` trips on any
 * resource added, removed or changed (a new read time alone is no change).
 */
export const GATE_KINDS = ['capacity-lost', 'target-unhealthy', 'deployment-failed', 'task-stopped', 'resource-removed', 'critical', 'any'] as const;
export type GateKind = (typeof GATE_KINDS)[number];

export interface GateResult {
  kind: GateKind;
  /** One line per thing that tripped it, e.g. "cart: 2 of 4 running (was 4)" */
  evidence: string[];
}

export interface EstateDiff {
  from: EstateInfo;
  to: EstateInfo;
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ChangedResource[];
  /** What the live view would have told between the two reads, newest first (changeEvents) */
  events: ChangeEvent[];
  /** The gates this diff trips, in GATE_KINDS order; a gate not listed did not trip */
  gates: GateResult[];
}

/** The resources two estates hold in different content, with what changed, and the gates tripped. */
export function estateDiff(a: Topology, b: Topology): EstateDiff {
  const added: ResourceRef[] = [];
  const removed: ResourceRef[] = [];
  const changed: ChangedResource[] = [];
  for (const id of Object.keys(b.resources).sort()) {
    const now = b.resources[id];
    const was = a.resources[id];
    if (!now) continue;
    if (!was) added.push(refOf(now));
    else if (!sameContent(was, now)) changed.push({ ...refOf(now), fields: differingFields(was, now) });
  }
  for (const id of Object.keys(a.resources).sort()) {
    const was = a.resources[id];
    if (was && !Object.hasOwn(b.resources, id)) removed.push(refOf(was));
  }
  const events = changeEvents(a, b, b.source.fetchedAt);
  const parts = { a, b, added, removed, changed, events };
  const gates = GATE_KINDS.map((kind): GateResult => ({ kind, evidence: GATES[kind](parts) })).filter((g) => g.evidence.length > 0);
  return { from: infoOf(a), to: infoOf(b), added, removed, changed, events, gates };
}

/** The gates among `kinds` that the diff trips, in GATE_KINDS order. */
export function trippedGates(diff: EstateDiff, kinds: readonly GateKind[]): GateResult[] {
  const wanted = new Set(kinds);
  return diff.gates.filter((g) => wanted.has(g.kind));
}

interface DiffParts {
  a: Topology;
  b: Topology;
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ChangedResource[];
  events: ChangeEvent[];
}

/** What trips each gate (`fleetmap diff --help` says the same in words). */
const GATES: Record<GateKind, (d: DiffParts) => string[]> = {
  'capacity-lost': capacityLost,
  'target-unhealthy': eventsOf(['targetUnhealthy']),
  'deployment-failed': eventsOf(['deploymentFailed', 'deploymentRolledBack']),
  'task-stopped': eventsOf(['taskStopped', 'podStopped']),
  'resource-removed': (d) => d.removed.map((r) => `${r.kind} ${r.name} removed`),
  // An outage (a failed task leaving its service none running), a failed deployment, a crash loop, no healthy target.
  critical: (d) => d.events.filter((e) => e.severity === 'critical').map((e) => e.message),
  any: (d) => (d.added.length + d.removed.length + d.changed.length ? [counts(d)] : []),
};

function eventsOf(kinds: readonly ChangeKind[]): (d: DiffParts) => string[] {
  const wanted = new Set(kinds);
  return (d) => d.events.filter((e) => wanted.has(e.kind)).map((e) => e.message);
}

const counts = (d: Pick<DiffParts, 'added' | 'removed' | 'changed'>) => `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`;

/**
 * Capacity is lost when what runs fell and is now short of what is wanted: a scale-in (4 of 4 → 2 of 2) loses none,
 * a scale-out still starting (2 of 2 → 2 of 4) has lost none, a crash (4 of 4 → 3 of 4) has. A service or workload
 * that is gone trips resource-removed instead.
 */
function capacityLost({ a, b, changed }: DiffParts): string[] {
  const out: string[] = [];
  for (const { id, kind } of changed) {
    if (kind === 'service') {
      const [was, now] = [resourceOf(a, 'service', id), resourceOf(b, 'service', id)];
      if (was && now && now.running < was.running && now.running < now.desired)
        out.push(`${now.name}: ${now.running} of ${now.desired} running (was ${was.running})`);
    } else if (kind === 'workload') {
      const [was, now] = [resourceOf(a, 'workload', id), resourceOf(b, 'workload', id)];
      if (was && now && now.ready < was.ready && now.ready < now.desired) out.push(`${now.name}: ${now.ready} of ${now.desired} ready (was ${was.ready})`);
    }
  }
  return out;
}

function differingFields(was: Resource, now: Resource): string[] {
  const a = was as Record<string, unknown>;
  const b = now as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameContent(a[k], b[k])).sort();
}

function refOf(r: Resource): ResourceRef {
  return { id: r.id, kind: r.kind, name: resourceName(r) };
}

/** A task has no name of its own: it goes by its service's (group "service:<name>") or its family's, and its id. */
export function resourceName(r: Resource): string {
  if (r.kind === 'task') {
    const owner = r.group?.startsWith('service:') ? r.group.slice('service:'.length) : shortId(r.taskDefinitionArn).split(':')[0];
    return `${owner || 'task'}/${shortId(r.id)}`;
  }
  return 'name' in r && typeof r.name === 'string' && r.name ? r.name : shortId(r.id);
}

function infoOf(t: Topology): EstateInfo {
  const { label, region, fetchedAt, accountId } = t.source;
  return { label, region, fetchedAt, ...(accountId ? { accountId } : {}), resources: Object.keys(t.resources).length };
}
