import type { Problem, Severity } from './problems';
import { namedBy, relations } from './relations';
import type { Topology } from '../model';

/**
 * The boxes a problem's resource is drawn as. Most resources are their own box; a node group has none of its own,
 * so its EKS nodes carry its problems.
 */
function boxesOf(topology: Topology, id: string): string[] {
  if (topology.resources[id]?.kind !== 'nodeGroup') return [id];
  return namedBy(topology, relations.eksNodeGroup, id).map((n) => n.id);
}

/**
 * Pure: each box's problems, from its subject and from the problems that name it as related (a target group's
 * unhealthy targets badge the services it serves too). `problems` comes critical first, and each list keeps that order.
 */
export function problemsByNode(topology: Topology, problems: readonly Problem[]): ReadonlyMap<string, readonly Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const boxes = new Set([p.subject, ...p.related].flatMap((id) => boxesOf(topology, id)));
    for (const id of boxes) out.set(id, [...(out.get(id) ?? []), p]);
  }
  return out;
}

/** A mark beside a badge's count, so the severity does not rest on colour alone: the map and the exports draw it. */
export const PROBLEM_MARK: Record<Severity, string> = { critical: '✖', warning: '⚠' };

/** What a box's problem badge shows: how many, how bad, and every message for its tooltip. */
export interface ProblemBadgeText {
  severity: Severity;
  text: string;
  title: string;
}

export function problemBadge(problems: readonly Problem[]): ProblemBadgeText | undefined {
  if (!problems.length) return undefined;
  return {
    severity: problems.some((p) => p.severity === 'critical') ? 'critical' : 'warning',
    text: String(problems.length),
    title: problems.map((p) => p.message).join('\n'),
  };
}
