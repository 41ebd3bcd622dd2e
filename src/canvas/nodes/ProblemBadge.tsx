import type { Problem } from '../../topology/graph/problems';
import { PROBLEM_MARK, problemBadge } from '../../topology/graph/problemsByNode';

/**
 * A box's problems at its top-right corner: count and worst severity, every message in the tooltip. The box's
 * accessible name already says them, so a screen reader skips the badge.
 */
export function ProblemBadge({ problems }: { problems: readonly Problem[] }) {
  const badge = problemBadge(problems);
  if (!badge) return null;
  return (
    <span
      className={`problem-badge problem-${badge.severity}`}
      data-problems={badge.text}
      data-severity={badge.severity}
      title={badge.title}
      aria-hidden="true"
    >
      {PROBLEM_MARK[badge.severity]} {badge.text}
    </span>
  );
}
