import { useMemo, useState } from 'react';
import { problems as findProblems, type Problem } from '../topology/graph/problems';
import type { Topology } from '../topology/model';
import { nextProblem, problemsSummary } from './problemCycle';
import { useStore } from './store';

/**
 * The top bar's problems: how many and how bad; each press selects the next one, brings it into view and says what
 * is wrong, wrapping round after the last.
 */
export function ProblemsButton({ topology }: { topology: Topology }) {
  const list = useMemo(() => findProblems(topology), [topology]);
  const requestFocus = useStore((s) => s.requestFocus);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const summary = problemsSummary(list);
  const at = list.findIndex((p) => p.id === shown);
  const current: Problem | undefined = list[at];
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
      {current ? (
        <span id="problem-message" className={`problem-message severity-${current.severity}`} role="status">
          <span className="problem-step">
            {at + 1}/{list.length}
          </span>{' '}
          <strong>{current.name}</strong> · {current.title}: {current.message}
          <button type="button" className="problem-close" aria-label="Hide the problem" onClick={() => setShown(undefined)}>
            ×
          </button>
        </span>
      ) : null}
    </span>
  );
}
