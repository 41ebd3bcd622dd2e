import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { HealthBar } from './HealthBar';

/** Tasks of one service in one subnet, folded: a count and a health bar; a click unfolds them. */
export const TaskGroupNode = memo(function TaskGroupNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'taskGroup') return null;
  return (
    <div
      className={`task task-group svc-${n.color}${data.dim ? ' dim' : ''}${data.selected ? ' is-selected' : ''}${n.counts.unhealthy ? ' health-unhealthy' : ''}`}
      data-group={n.id}
      title={`${n.taskIds.length} tasks of ${n.label}; click to unfold`}
    >
      <span className="task-name">
        {n.label} ×{n.taskIds.length}
      </span>
      <HealthBar counts={n.counts} />
    </div>
  );
});
