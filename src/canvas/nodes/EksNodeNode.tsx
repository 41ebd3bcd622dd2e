import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { EksNodeFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { useActivateKeys } from './activateKeys';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';
import { ProblemBadge } from './ProblemBadge';
import { useNodeProblems } from './ProblemsContext';

/** An EKS worker node in its subnet, holding its pods: node group and name, type, pods and allocatable; spot dashed. */
export const EksNodeNode = memo(function EksNodeNode({ data }: NodeProps<EksNodeFlowNode>) {
  const n = data.node;
  const focus = useNodeFocus(n.id);
  const problems = useNodeProblems(n.id);
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div
      ref={ref}
      className={`box box-eks-node${n.spot ? ' spot' : ''}${n.ready === false ? ' not-ready' : ''}${FOCUS_CLASS[focus]}${problems.length ? ' has-problems' : ''}`}
      data-eks-node={n.id}
      title={`EKS node ${n.label} · cluster ${n.cluster} · node group ${n.nodeGroup} · ${n.instanceType}${n.spot ? ' (spot)' : ''} · ${n.state}${n.usage ? ` · ${n.usage}` : ''}`}
    >
      <div className="box-title instance-title">
        <Glyph glyph={t.glyph} />
        <span className="instance-id">
          {t.title}
          {t.badges.map((b) => (
            <span key={b.text} className="task-alert">
              {' '}
              {b.text}
            </span>
          ))}
        </span>
        <span className="muted instance-use">{t.sub}</span>
      </div>
      <ProblemBadge problems={problems} />
    </div>
  );
});
