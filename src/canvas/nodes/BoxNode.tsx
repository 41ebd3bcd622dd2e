import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { NodeFocus } from '../focus';
import type { BoxFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { useActivateKeys } from './activateKeys';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';
import { ProblemBadge } from './ProblemBadge';
import { useNodeFacts, useNodeProblems } from './ProblemsContext';

/** Per box kind: its class and data attributes (the words come from the presentation layer). */
function frame(n: BoxFlowNode['data']['node'], focus: NodeFocus): { className: string; attrs: Record<string, string | number> } {
  switch (n.kind) {
    case 'vpc':
      return { className: `box box-vpc${FOCUS_CLASS[focus]}`, attrs: {} };
    case 'az':
      return { className: 'box box-az', attrs: { 'data-az': n.label } };
    case 'subnet':
      return {
        className: `box box-subnet ${n.exposure}${FOCUS_CLASS[focus]}`,
        attrs: { 'data-subnet': n.id, 'data-subnet-tasks': n.taskCount, 'data-subnet-pods': n.podCount },
      };
    case 'instance':
      return { className: `box box-instance${FOCUS_CLASS[focus]}`, attrs: {} };
    case 'namespace':
      return { className: `box box-namespace${FOCUS_CLASS[focus]}`, attrs: { 'data-namespace': n.label } };
    case 'cluster':
      return { className: `box box-cluster${FOCUS_CLASS[focus]}`, attrs: { 'data-engine': n.engine } };
  }
}

/** Containers: VPC, AZ column, subnet, container instance, cluster, Kubernetes namespace. */
export const BoxNode = memo(function BoxNode({ data }: NodeProps<BoxFlowNode>) {
  const n = data.node;
  // Boxes never dim; a selected one (its panel open) draws the selection's outline. An AZ column is never selected.
  const focus = useNodeFocus(n.id);
  const problems = useNodeProblems(n.id);
  const facts = useNodeFacts(n.id);
  const ref = useActivateKeys<HTMLDivElement>();
  const box = frame(n, focus);
  const t = nodeText(n);
  const badged = problems.length ? ' has-problems' : '';
  // A container instance's title holds two lines beside its glyph; the others one line, with the cluster's
  // detail below it.
  if (n.kind === 'instance') {
    return (
      <div ref={ref} className={`${box.className}${badged}`} {...box.attrs} {...facts}>
        <div className="box-title instance-title">
          <Glyph glyph={t.glyph} />
          <span className="instance-id">{t.title}</span>
          <span className="muted instance-use">{t.sub}</span>
        </div>
        <ProblemBadge problems={problems} />
      </div>
    );
  }
  const subBelow = n.kind === 'cluster';
  return (
    <div ref={ref} className={`${box.className}${badged}`} {...box.attrs} {...facts}>
      <div className="box-title">
        <Glyph glyph={t.glyph} />
        <Badges badges={t.badges} />
        {t.title} {t.sub && !subBelow ? <span className="muted">{t.sub}</span> : null}
      </div>
      {t.sub && subBelow ? <div className="box-sub muted">{t.sub}</div> : null}
      <ProblemBadge problems={problems} />
    </div>
  );
});
