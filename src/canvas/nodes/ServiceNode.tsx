import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ServiceFlowNode } from '../toFlow';
import { OwnerCard } from './OwnerCard';

/** An ECS service: its card in the band, or in the service view the box holding its tasks. */
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceFlowNode>) {
  return <OwnerCard node={data.node} container={data.container} />;
});
