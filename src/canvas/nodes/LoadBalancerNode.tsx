import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { nodeText } from '../../topology/present/labels';
import { Glyph } from './Glyph';

/** A load balancer, as wide as the AZ columns it has nodes in. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'loadBalancer') return null;
  const t = nodeText(n);
  return (
    <div className={`band lb${data.selected ? ' is-selected' : ''}`} data-lb={n.label}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph glyph={t.glyph} /> {t.title}
      </div>
      <div className="band-sub muted">{t.sub}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
