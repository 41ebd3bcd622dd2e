import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TaskFlowNode } from '../toFlow';
import { UnitBox } from './UnitBox';

/** One ECS task: its service's colour, its health, its task-definition revision (older revisions marked). */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskFlowNode>) {
  return <UnitBox node={data.node} kindClass="task" tag={data.node.revision} />;
});
