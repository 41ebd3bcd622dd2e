import { useMemo } from 'react';
import { problems, type Problem, type ProblemKind } from '../topology/graph/problems';
import type { Topology } from '../topology/model';

/** What a wallboard shows: the problems an ops team acts on, in the order problems() ranks them. */
const ON_THE_WALL = new Set<ProblemKind>(['unhealthyTargets', 'crashLoop', 'deploymentFailed', 'deploymentRolledBack', 'underReplicated']);
/** As many as a room can read at a glance; the count says how many more. */
export const BANNER_SHOWN = 4;

export function wallProblems(topology: Topology): Problem[] {
  return problems(topology).filter((p) => ON_THE_WALL.has(p.kind));
}

/** The wallboard's banner: how many problems and the first few, in large type, or that there are none. */
export function ProblemBanner({ topology }: { topology: Topology }) {
  const list = useMemo(() => wallProblems(topology), [topology]);
  const worst = list[0]?.severity;
  return (
    <section className={`problem-banner${worst ? ` severity-${worst}` : ' all-clear'}`} data-testid="problem-banner" aria-label="Problems" aria-live="polite">
      <strong className="problem-banner-count">{list.length ? `${list.length} ${list.length === 1 ? 'problem' : 'problems'}` : 'No problems'}</strong>
      {list.length ? (
        <ul>
          {list.slice(0, BANNER_SHOWN).map((p) => (
            <li key={p.id} className={`severity-${p.severity}`}>
              <span className="problem-banner-name">{p.name}</span> {p.title}
            </li>
          ))}
          {list.length > BANNER_SHOWN ? <li className="problem-banner-more">+{list.length - BANNER_SHOWN} more</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
