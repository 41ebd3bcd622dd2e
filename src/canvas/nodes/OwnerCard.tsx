import { Handle, Position } from '@xyflow/react';
import type { OwnerNode } from '../../topology/graph/kinds';
import { NO_RUNNING_TASKS, nodeText } from '../../topology/present/labels';
import { useNodeFocus } from '../useNodeFocus';
import { useActivateKeys } from './activateKeys';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { ProblemBadge } from './ProblemBadge';
import { useNodeFacts, useNodeProblems } from './ProblemsContext';
import { serviceStyle } from './serviceStyle';

/**
 * The card an ECS service and a Kubernetes workload both draw: colour and label, counts and AZ spread; in the
 * service view (`container`), the box holding its tasks or pods.
 */
export function OwnerCard({ node: n, container, attrs = {} }: { node: OwnerNode; container: boolean; attrs?: Record<string, string> }) {
  // A box of the service view holds its units and never dims; a card in the band dims with its units.
  const focus = useNodeFocus(n.id, container ? undefined : { ownerId: n.id });
  const problems = useNodeProblems(n.id);
  const facts = useNodeFacts(n.id);
  const ref = useActivateKeys<HTMLDivElement>();
  const t = nodeText(n);
  return (
    <div
      ref={ref}
      className={`service${container ? ' service-box' : ''}${FOCUS_CLASS[focus]}${problems.length ? ' has-problems' : ''}`}
      style={serviceStyle(n.color)}
      data-service={n.label}
      {...attrs}
      {...facts}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="service-title">
        <span className="svc-swatch" /> {t.title}
        <Badges badges={t.badges} />
      </div>
      <div className="service-sub muted">{t.sub}</div>
      {container ? <div className="service-routes">{n.routes.length ? `⇠ ${n.routes.join(' · ')}` : 'no load balancer'}</div> : null}
      <div className="az-counts">
        {t.chips?.length ? (
          t.chips.map((chip) => (
            <span key={chip} className="az-chip">
              {chip}
            </span>
          ))
        ) : (
          <span className="muted">{NO_RUNNING_TASKS}</span>
        )}
      </div>
      <ProblemBadge problems={problems} />
      {container ? null : <Handle type="source" position={Position.Bottom} isConnectable={false} />}
    </div>
  );
}
