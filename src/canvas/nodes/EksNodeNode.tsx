import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';

/** An EKS worker node in its subnet: node name, node group, instance type; spot capacity dashed. */
export const EksNodeNode = memo(function EksNodeNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'node') return null;
  return (
    <div
      className={`eks-node${n.spot ? ' spot' : ''}${data.selected ? ' is-selected' : ''}`}
      data-eks-node={n.id}
      title={`EKS node ${n.label} · cluster ${n.cluster} · node group ${n.nodeGroup} · ${n.instanceType}${n.spot ? ' (spot)' : ''} · ${n.state}`}
    >
      <span className="eks-node-name">
        <span className="glyph glyph-eks">EKS</span> {n.nodeGroup}
      </span>
      <span className="eks-node-sub">
        {n.instanceType}
        {n.spot ? ' · spot' : ''}
      </span>
    </div>
  );
});
