import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TargetGroupFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { useActivateKeys } from './activateKeys';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';
import { HealthBar } from './HealthBar';
import { ProblemBadge } from './ProblemBadge';
import { useNodeFacts, useNodeProblems } from './ProblemsContext';

export const TargetGroupNode = memo(function TargetGroupNode({ data }: NodeProps<TargetGroupFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id);
  const problems = useNodeProblems(n.id);
  const facts = useNodeFacts(n.id);
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div
      ref={ref}
      className={`band tg${n.counts.unhealthy ? ' has-unhealthy' : ''}${FOCUS_CLASS[focus]}${problems.length ? ' has-problems' : ''}`}
      data-tg={n.label}
      {...facts}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="band-title">
        <Glyph glyph={t.glyph} /> {t.title}
        <Badges badges={t.badges} />
      </div>
      {t.bar ? <HealthBar counts={t.bar} /> : <div className="band-sub warn">{t.sub}</div>}
      <ProblemBadge problems={problems} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
