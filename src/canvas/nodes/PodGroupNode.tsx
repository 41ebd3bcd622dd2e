import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { PodGroupFlowNode } from '../toFlow';
import { GroupBox } from './GroupBox';

/** Pods of one workload, or of a system namespace (folded by default), in one box: a count and a health bar. */
export const PodGroupNode = memo(function PodGroupNode({ data }: NodeProps<PodGroupFlowNode>) {
  const n = data.node;
  return (
    <GroupBox
      node={n}
      kindClass={`task task-group pod${n.system ? ' system' : ''}`}
      what={`pods of ${n.system ? `namespace ${n.label} (folded by default)` : n.label}`}
      attrs={n.system ? { 'data-system': n.label } : {}}
    />
  );
});
