import { useMemo } from 'react';
import { problems as findProblems } from '../topology/graph/problems';
import type { Topology } from '../topology/model';
import { nextProblem, problemsSummary } from './problemCycle';
import { selectProblem, useStore } from './store';

/**
 * The top bar's problems: how many and how bad; each press selects the next one and brings it into view, wrapping
 * round after the last. What is wrong is said in the map's toolbar (ProblemMessage), where it covers nothing.
 */
export function ProblemsButton({ topology }: { topology: Topology }) {
  const list = useMemo(() => findProblems(topology), [topology]);
  const requestFocus = useStore((s) => s.requestFocus);
  const shown = useStore(selectProblem);
  const setShown = useStore((s) => s.showProblem);
  const summary = problemsSummary(list);
  const current = list.find((p) => p.id === shown);
  if (!summary) return <span className="problems problems-none">no problems</span>;
  return (
    <span className="problems">
      <button
        type="button"
        className={`problems-button severity-${summary.severity}`}
        data-testid="problems"
        data-severity={summary.severity}
        aria-describedby={current ? 'problem-message' : undefined}
        title="Show the next problem on the map"
        onClick={() => {
          const next = nextProblem(list, shown);
          if (!next) return;
          setShown(next.id);
          requestFocus(next.subject);
        }}
      >
        {summary.text}
      </button>
    </span>
  );
}
