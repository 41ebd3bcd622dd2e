import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TaskGroupFlowNode } from '../toFlow';
import { GroupBox } from './GroupBox';

/** Tasks of one service in one box, folded: a count and a health bar; a click unfolds them. */
export const TaskGroupNode = memo(function TaskGroupNode({ data }: NodeProps<TaskGroupFlowNode>) {
  return <GroupBox node={data.node} kindClass="task task-group" what={`tasks of ${data.node.label}`} />;
});
