import { useContext } from 'react';
import type { UnitNode } from '../../topology/graph/kinds';
import { HEALTH_TEXT, nodeText } from '../../topology/present/labels';
import { useNodeFocus } from '../useNodeFocus';
import { useActivateKeys } from './activateKeys';
import { FOCUS_CLASS } from './focusClass';
import { GHOST_TEXT, GhostsContext } from './GhostsContext';
import { serviceStyle } from './serviceStyle';

/**
 * The box a task and a pod both draw, in two lines that never cut what tells it apart: in a subnet, its owner's name
 * (cut if it must be) beside its health dot, then its short id or suffix whole with its tags and alert; inside its
 * owner's box, that identity first. Its owner's colour on the left, older revisions hatched; the tooltip says it all, a ghost's its stop reason and that it is gone.
 */
export function UnitBox({
  node: n,
  kindClass,
  what,
  tag,
  attrs = {},
}: {
  node: UnitNode;
  kindClass: string;
  /** Who it is in full: "task 3f9a…0718 of web", "pod web-7d9f8c-x7k2p of web" */
  what: string;
  /** Its tag in full: a task's task definition, a pod's restarts or namespace */
  tag: string;
  attrs?: Record<string, string>;
}) {
  const focus = useNodeFocus(n.id, { ownerId: n.ownerId });
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  const ghost = useContext(GhostsContext).has(n.id);
  return (
    <div
      ref={ref}
      className={`${kindClass} health-${n.health}${FOCUS_CLASS[focus]}${n.oldRevision ? ' old-rev' : ''}`}
      style={serviceStyle(n.color)}
      data-task={n.id}
      {...attrs}
      data-health={n.health}
      data-ghost={ghost || undefined}
      title={[what, tag, HEALTH_TEXT[n.health], n.reason, ghost && GHOST_TEXT].filter(Boolean).join(' · ')}
    >
      <span className="task-dot" />
      <span className="task-name">{t.title}</span>
      <span className="task-line">
        {t.sub ? <span className="task-rev">{t.sub}</span> : null}
        {t.badges.map((b) => (
          <span key={b.text} className="task-alert">
            {b.text}
          </span>
        ))}
      </span>
    </div>
  );
}
