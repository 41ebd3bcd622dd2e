import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { shortId } from '../../topology/model';

const HEALTH_TEXT = { healthy: 'healthy', unhealthy: 'unhealthy', pending: 'pending', stopped: 'stopped', unknown: 'no health check' } as const;

/** One task or pod: its service's or workload's colour, its health, its revision (older revisions marked). */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'task') return null;
  const cls = `task${n.pod ? ' pod' : ''} svc-${n.color} health-${n.health}${data.dim ? ' dim' : ''}${data.selected ? ' is-selected' : ''}${n.oldRevision ? ' old-rev' : ''}`;
  return (
    <div
      className={cls}
      data-task={n.id}
      {...(n.pod ? { 'data-pod': shortId(n.id) } : {})}
      data-health={n.health}
      title={`${n.pod ? `pod ${shortId(n.id)} of ` : ''}${n.label} · ${n.revision} · ${HEALTH_TEXT[n.health]}${n.reason ? ` · ${n.reason}` : ''}`}
    >
      <span className="task-dot" />
      <span className="task-name">{n.label}</span>
      <span className="task-rev">
        {n.revision.split(':').pop()}
        {n.oldRevision ? ' old' : ''}
      </span>
      {n.health === 'unhealthy' ? <span className="task-alert">{n.reason ?? 'unhealthy'}</span> : null}
      {n.health === 'stopped' ? <span className="task-alert">stopped</span> : null}
    </div>
  );
});
