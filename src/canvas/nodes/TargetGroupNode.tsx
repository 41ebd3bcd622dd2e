import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { Glyph } from './Glyph';
import { HealthBar } from './HealthBar';

export const TargetGroupNode = memo(function TargetGroupNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'targetGroup') return null;
  return (
    <div className={`band tg${n.counts.unhealthy ? ' has-unhealthy' : ''}${data.selected ? ' is-selected' : ''}`} data-tg={n.label}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph kind="tg" text="TG" /> {n.label}
        {n.counts.unhealthy ? <span className="alert-pill">{n.counts.unhealthy} unhealthy</span> : null}
      </div>
      {n.unreadable ? <div className="band-sub warn">target health not readable</div> : <HealthBar counts={n.counts} />}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
