import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LoadBalancerFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { useActivateKeys } from './activateKeys';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';
import { useNodeFacts } from './ProblemsContext';

/** A load balancer, as wide as the AZ columns it has nodes in. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<LoadBalancerFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id);
  const facts = useNodeFacts(n.id);
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div ref={ref} className={`band lb${FOCUS_CLASS[focus]}`} data-lb={n.label} {...facts}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph glyph={t.glyph} /> {t.title}
      </div>
      <div className="band-sub muted">{t.sub}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
