import { memberIds, type GroupNode } from '../../topology/graph/kinds';
import { nodeText } from '../../topology/present/labels';
import { useNodeFocus } from '../useNodeFocus';
import { useActivateKeys } from './activateKeys';
import { HealthBar } from './HealthBar';
import { FOCUS_CLASS } from './focusClass';
import { serviceStyle } from './serviceStyle';

/** The box a folded run of tasks or pods draws: a count and a health bar in its owner's colour; a click unfolds it. */
export function GroupBox({ node: n, kindClass, what, attrs = {} }: { node: GroupNode; kindClass: string; what: string; attrs?: Record<string, string> }) {
  const focus = useNodeFocus(n.id, { ownerId: n.ownerId });
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div
      ref={ref}
      className={`${kindClass}${FOCUS_CLASS[focus]}${n.counts.unhealthy ? ' health-unhealthy' : ''}`}
      style={serviceStyle(n.color)}
      data-group={n.id}
      {...attrs}
      title={`${memberIds(n).length} ${what}: ${t.sub ?? ''}; click to unfold`}
    >
      <span className="task-name">{t.title}</span>
      {t.bar ? <HealthBar counts={t.bar} /> : null}
    </div>
  );
}
