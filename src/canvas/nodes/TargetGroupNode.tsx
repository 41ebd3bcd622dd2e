import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TargetGroupFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';
import { HealthBar } from './HealthBar';

export const TargetGroupNode = memo(function TargetGroupNode({ data }: NodeProps<TargetGroupFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id);
  const t = nodeText(n);
  return (
    <div className={`band tg${n.counts.unhealthy ? ' has-unhealthy' : ''}${FOCUS_CLASS[focus]}`} data-tg={n.label}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph glyph={t.glyph} /> {t.title}
        <Badges badges={t.badges} />
      </div>
      {t.bar ? <HealthBar counts={t.bar} /> : <div className="band-sub warn">{t.sub}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
