import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { HealthBar } from './HealthBar';

/** Tasks of one service (or pods of a workload or system namespace) in one box, folded: a count and a health bar; a click unfolds them. */
export const TaskGroupNode = memo(function TaskGroupNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'taskGroup') return null;
  return (
    <div
      className={`task task-group${n.pod ? ' pod' : ''}${n.system ? ' system' : ''} svc-${n.color}${data.dim ? ' dim' : ''}${data.selected ? ' is-selected' : ''}${n.counts.unhealthy ? ' health-unhealthy' : ''}`}
      data-group={n.id}
      {...(n.system ? { 'data-system': n.label } : {})}
      title={`${n.taskIds.length} ${n.pod ? 'pods' : 'tasks'} of ${n.system ? `namespace ${n.label} (folded by default)` : n.label}; click to unfold`}
    >
      <span className="task-name">
        {n.label} ×{n.taskIds.length}
      </span>
      <HealthBar counts={n.counts} />
    </div>
  );
});
