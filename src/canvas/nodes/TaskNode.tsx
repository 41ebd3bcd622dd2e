import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TaskFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { shortId } from '../../topology/model';
import { HEALTH_TEXT, nodeText } from '../../topology/present/labels';
import { FOCUS_CLASS } from './focusClass';
import { serviceStyle } from './serviceStyle';

/** One task or pod: its service's or workload's colour, its health, its revision (older revisions marked). */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id, { serviceId: n.serviceId });
  const t = nodeText(n);
  const cls = `task${n.pod ? ' pod' : ''} health-${n.health}${FOCUS_CLASS[focus]}${n.oldRevision ? ' old-rev' : ''}`;
  return (
    <div
      className={cls}
      style={serviceStyle(n.color)}
      data-task={n.id}
      {...(n.pod ? { 'data-pod': shortId(n.id) } : {})}
      data-health={n.health}
      title={`${n.pod ? `pod ${shortId(n.id)} of ` : ''}${n.label} · ${n.revision} · ${HEALTH_TEXT[n.health]}${n.reason ? ` · ${n.reason}` : ''}`}
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
});
