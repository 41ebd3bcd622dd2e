import { useMemo } from 'react';
import { problems as findProblems } from '../topology/graph/problems';
import type { Topology } from '../topology/model';
import { selectProblem, useStore } from './store';

/**
 * What is wrong with the problem the problems button brought into view, with its place in the list. It sits in the
 * map's toolbar, a row above the map, so it never covers a load balancer's title or the Export button.
 */
export function ProblemMessage({ topology }: { topology: Topology }) {
  const list = useMemo(() => findProblems(topology), [topology]);
  const shown = useStore(selectProblem);
  const hide = useStore((s) => s.showProblem);
  const at = list.findIndex((p) => p.id === shown);
  const current = list[at];
  if (!current) return null;
  return (
    <span id="problem-message" className={`problem-message severity-${current.severity}`} role="status">
      <span className="problem-step">
        {at + 1}/{list.length}
      </span>{' '}
      <strong>{current.name}</strong> · {current.title}: {current.message}
      <button type="button" className="problem-close" aria-label="Hide the problem" onClick={() => hide(undefined)}>
        ×
      </button>
    </span>
  );
}
