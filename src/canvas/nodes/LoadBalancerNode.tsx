import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { Glyph } from './Glyph';

/** A load balancer, as wide as the AZ columns it has nodes in. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'loadBalancer') return null;
  const short = n.lbType === 'application' ? 'ALB' : n.lbType === 'network' ? 'NLB' : 'GWLB';
  return (
    <div className={`band lb${data.selected ? ' is-selected' : ''}`} data-lb={n.label}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph kind="lb" text={short} /> {n.label}
      </div>
      <div className="band-sub muted">
        {n.scheme} · AZs {n.azs.map((a) => a.slice(-1)).join(' ')}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
