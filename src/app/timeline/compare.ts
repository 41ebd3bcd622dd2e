import { resourceName } from '../../topology/history/estateDiff';
import { diffTopology } from '../../topology/live/diff';
import { ghostsOf, withGhosts } from '../../topology/live/ghosts';
import type { Resource, Topology } from '../../topology/model';
import type { Fresh } from '../liveSlice';

/** How a resource differs from moment A to moment B. */
export type DifferenceKind = 'added' | 'removed' | 'changed';

export interface Difference {
  kind: DifferenceKind;
  id: string;
  /** As it is at B (added, changed) or as it was at A (removed) */
  resource: Resource;
  /** "service cart", "task 3f9a1b2c" */
  label: string;
  /** Whether the map of B draws it (a removed task or pod comes back as a ghost; a removed service does not) */
  onMap: boolean;
}

export interface Comparison {
  /** B as the map draws it: the tasks and pods that went since A put back as ghosts */
  drawn: Topology;
  /** What the map highlights: added and changed resources, held for as long as the comparison is shown */
  marks: ReadonlyMap<string, Fresh>;
  /** Added, then removed, then changed; by label within each */
  differences: Difference[];
}

/**
 * A mark dated after any page's clock: the map draws a live mark until its time is up, and a comparison's marks
 * are never up while it is shown (timeline.css holds them still instead of fading them).
 */
export const HELD = Number.MAX_SAFE_INTEGER;

const KIND_WORDS: Record<Resource['kind'], string> = {
  region: 'region',
  vpc: 'VPC',
  az: 'AZ',
  subnet: 'subnet',
  cluster: 'cluster',
  service: 'service',
  task: 'task',
  taskDefinition: 'task definition',
  containerInstance: 'container instance',
  loadBalancer: 'load balancer',
  targetGroup: 'target group',
  eksCluster: 'EKS cluster',
  nodeGroup: 'node group',
  fargateProfile: 'Fargate profile',
  eksNode: 'node',
  pod: 'pod',
  workload: 'workload',
  kubeService: 'Kubernetes service',
  ingress: 'ingress',
};

/** What a person knows a resource by: its kind and its name, else the last part of its id. */
export function resourceLabel(r: Resource): string {
  return `${KIND_WORDS[r.kind]} ${resourceName(r)}`;
}

const ORDER: Record<DifferenceKind, number> = { added: 0, removed: 1, changed: 2 };

/**
 * Pure: moment B against moment A, as one map and a list. `now` dates the ghosts (they are drawn while fresh, and
 * the comparison is remade whenever it is shown again).
 */
export function compareMoments(a: Topology, b: Topology, now: number): Comparison {
  const patch = diffTopology(a, b, 0);
  if (!patch) return { drawn: b, marks: new Map(), differences: [] };
  const drawn = withGhosts(b, ghostsOf(a, patch, now), now);
  const marks = new Map<string, Fresh>();
  for (const r of patch.added) marks.set(r.id, { kind: 'added', at: HELD });
  for (const r of patch.changed) marks.set(r.id, { kind: 'changed', at: HELD });
  const differences: Difference[] = [
    ...patch.added.map((r) => ({ kind: 'added' as const, resource: r })),
    ...patch.removed.flatMap((id) => {
      const r = a.resources[id];
      return r ? [{ kind: 'removed' as const, resource: r }] : [];
    }),
    ...patch.changed.map((r) => ({ kind: 'changed' as const, resource: r })),
  ]
    .map((d) => ({ ...d, id: d.resource.id, label: resourceLabel(d.resource), onMap: Object.hasOwn(drawn.resources, d.resource.id) }))
    .sort((x, y) => ORDER[x.kind] - ORDER[y.kind] || x.label.localeCompare(y.label) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { drawn, marks, differences };
}
