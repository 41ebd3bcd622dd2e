import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TaskGroupFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { HealthBar } from './HealthBar';
import { FOCUS_CLASS } from './focusClass';
import { serviceStyle } from './serviceStyle';

/** Tasks of one service (or pods of a workload or system namespace) in one box, folded: a count and a health bar; a click unfolds them. */
export const TaskGroupNode = memo(function TaskGroupNode({ data }: NodeProps<TaskGroupFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id, { serviceId: n.serviceId });
  const t = nodeText(n);
  return (
    <div
      className={`task task-group${n.pod ? ' pod' : ''}${n.system ? ' system' : ''}${FOCUS_CLASS[focus]}${n.counts.unhealthy ? ' health-unhealthy' : ''}`}
      style={serviceStyle(n.color)}
      data-group={n.id}
      {...(n.system ? { 'data-system': n.label } : {})}
      title={`${n.taskIds.length} ${n.pod ? 'pods' : 'tasks'} of ${n.system ? `namespace ${n.label} (folded by default)` : n.label}: ${t.sub ?? ''}; click to unfold`}
    >
      <span className="task-name">{t.title}</span>
      {t.bar ? <HealthBar counts={t.bar} /> : null}
    </div>
  );
});
