import type { Problem, Severity } from '../../topology/graph/problems';
import { problemBadge } from './problemsByNode';

/** A mark beside the count, so the severity does not rest on colour alone. */
const MARK: Record<Severity, string> = { critical: '✖', warning: '⚠' };

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
      {MARK[badge.severity]} {badge.text}
    </span>
  );
}
