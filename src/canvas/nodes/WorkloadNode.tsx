import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { WorkloadFlowNode } from '../toFlow';
import { OwnerCard } from './OwnerCard';

/** A Kubernetes workload, drawn as a service is, with its kind (Deployment, StatefulSet, …) on the element. */
export const WorkloadNode = memo(function WorkloadNode({ data }: NodeProps<WorkloadFlowNode>) {
  return <OwnerCard node={data.node} container={data.container} attrs={{ 'data-workload': data.node.workloadKind }} />;
});
