import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { shortId } from '../../topology/model';
import type { TaskFlowNode } from '../toFlow';
import { UnitBox } from './UnitBox';

/** One ECS task: its service's colour, its health, its short id and task-definition revision (older revisions marked). */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskFlowNode>) {
  const n = data.node;
  return <UnitBox node={n} kindClass="task" what={`task ${shortId(n.id)} of ${n.label}`} tag={`${n.revision}${n.oldRevision ? ', old revision' : ''}`} />;
});
