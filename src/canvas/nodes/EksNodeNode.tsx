import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { Glyph } from './Glyph';

/** An EKS worker node in its subnet, holding its pods: node group and name, type, pods and allocatable; spot dashed. */
export const EksNodeNode = memo(function EksNodeNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'node') return null;
  return (
    <div
      className={`box box-eks-node${n.spot ? ' spot' : ''}${n.ready === false ? ' not-ready' : ''}${data.selected ? ' is-selected' : ''}`}
      data-eks-node={n.id}
      title={`EKS node ${n.label} · cluster ${n.cluster} · node group ${n.nodeGroup} · ${n.instanceType}${n.spot ? ' (spot)' : ''} · ${n.state}${n.usage ? ` · ${n.usage}` : ''}`}
    >
      <div className="box-title instance-title">
        <Glyph kind="eks" text="EKS" />
        <span className="instance-id">
          {n.nodeGroup} · {n.label}
          {n.ready === false ? <span className="task-alert"> NotReady</span> : null}
        </span>
        <span className="muted instance-use">
          {n.instanceType}
          {n.spot ? ' · spot' : ''}
          {n.usage ? ` · ${n.usage}` : ''}
        </span>
      </div>
    </div>
  );
});
