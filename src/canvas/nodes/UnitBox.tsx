import type { UnitNode } from '../../topology/graph/kinds';
import { HEALTH_TEXT, nodeText } from '../../topology/present/labels';
import { useNodeFocus } from '../useNodeFocus';
import { useActivateKeys } from './activateKeys';
import { FOCUS_CLASS } from './focusClass';
import { serviceStyle } from './serviceStyle';

/**
 * The box a task and a pod both draw: its owner's colour, its health, its name and its short tag (a task's
 * revision, a pod's restarts or ReplicaSet), older revisions marked, alerts below.
 */
export function UnitBox({
  node: n,
  kindClass,
  tag,
  what = '',
  attrs = {},
}: {
  node: UnitNode;
  kindClass: string;
  tag: string;
  what?: string;
  attrs?: Record<string, string>;
}) {
  const focus = useNodeFocus(n.id, { ownerId: n.ownerId });
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div
      ref={ref}
      className={`${kindClass} health-${n.health}${FOCUS_CLASS[focus]}${n.oldRevision ? ' old-rev' : ''}`}
      style={serviceStyle(n.color)}
      data-task={n.id}
      {...attrs}
      data-health={n.health}
      title={`${what}${t.title} · ${tag} · ${HEALTH_TEXT[n.health]}${n.reason ? ` · ${n.reason}` : ''}`}
    >
      <span className="task-dot" />
      <span className="task-name">{t.title}</span>
      <span className="task-rev">{t.sub}</span>
      {t.badges.map((b) => (
        <span key={b.text} className="task-alert">
          {b.text}
        </span>
      ))}
    </div>
  );
}
