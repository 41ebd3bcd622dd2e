import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { NodeFocus } from '../focus';
import type { BoxFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { nodeText } from '../../topology/present/labels';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { Glyph } from './Glyph';

/** Per box kind: its class and data attributes (the words come from the presentation layer). */
function frame(n: BoxFlowNode['data']['node'], focus: NodeFocus): { className: string; attrs: Record<string, string | number> } {
  switch (n.kind) {
    case 'vpc':
      return { className: 'box box-vpc', attrs: {} };
    case 'az':
      return { className: 'box box-az', attrs: { 'data-az': n.label } };
    case 'subnet':
      return {
        className: `box box-subnet ${n.exposure}`,
        attrs: { 'data-subnet': n.id, 'data-subnet-tasks': n.taskCount, 'data-subnet-pods': n.podCount },
      };
    case 'instance':
      return { className: `box box-instance${FOCUS_CLASS[focus]}`, attrs: {} };
    case 'namespace':
      return { className: 'box box-namespace', attrs: { 'data-namespace': n.label } };
    case 'cluster':
      return { className: 'box box-cluster', attrs: { 'data-engine': n.engine } };
  }
}

/** Containers: VPC, AZ column, subnet, container instance, cluster, Kubernetes namespace. */
export const BoxNode = memo(function BoxNode({ data }: NodeProps<BoxFlowNode>) {
  const n = data.node;
  // Only a container instance can be selected; the other boxes ignore clicks, so their state never changes.
  const focus = useNodeFocus(n.id);
  const box = frame(n, focus);
  const t = nodeText(n);
  // A container instance's title holds two lines beside its glyph; the others one line, with the cluster's
  // detail below it.
  if (n.kind === 'instance') {
    return (
      <div className={box.className} {...box.attrs}>
        <div className="box-title instance-title">
          <Glyph glyph={t.glyph} />
          <span className="instance-id">{t.title}</span>
          <span className="muted instance-use">{t.sub}</span>
        </div>
      </div>
    );
  }
  const subBelow = n.kind === 'cluster';
  return (
    <div className={box.className} {...box.attrs}>
      <div className="box-title">
        <Glyph glyph={t.glyph} />
        <Badges badges={t.badges} />
        {t.title} {t.sub && !subBelow ? <span className="muted">{t.sub}</span> : null}
      </div>
      {t.sub && subBelow ? <div className="box-sub muted">{t.sub}</div> : null}
    </div>
  );
});
