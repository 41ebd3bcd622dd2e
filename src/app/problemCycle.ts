import type { Problem, Severity } from '../topology/graph/problems';

/** The problem after the one shown (by id, so a refresh that reorders the list does not skip one), wrapping round. */
export function nextProblem(list: readonly Problem[], shown: string | undefined): Problem | undefined {
  const at = shown === undefined ? -1 : list.findIndex((p) => p.id === shown);
  return list[(at + 1) % Math.max(1, list.length)];
}

/** "3 problems" in the colour of the worst; undefined when there are none. */
export function problemsSummary(list: readonly Problem[]): { text: string; severity: Severity } | undefined {
  if (!list.length) return undefined;
  return {
    text: `${list.length} ${list.length === 1 ? 'problem' : 'problems'}`,
    severity: list.some((p) => p.severity === 'critical') ? 'critical' : 'warning',
  };
}
