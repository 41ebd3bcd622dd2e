import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ServiceFlowNode } from '../toFlow';
import { useNodeFocus } from '../useNodeFocus';
import { NO_RUNNING_TASKS, nodeText } from '../../topology/present/labels';
import { Badges } from './Badges';
import { FOCUS_CLASS } from './focusClass';
import { serviceStyle } from './serviceStyle';

/** A service: its colour and label, counts and AZ spread; in the service view, the box holding its tasks. */
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceFlowNode>) {
  const n = data.node;
  // A service box of the service view holds its tasks and never dims; a service in the band dims with its tasks.
  const focus = useNodeFocus(n.id, data.container ? undefined : { serviceId: n.id });
  const t = nodeText(n);
  return (
    <div
      className={`service${data.container ? ' service-box' : ''}${FOCUS_CLASS[focus]}`}
      style={serviceStyle(n.color)}
      data-service={n.label}
      {...(n.workloadKind ? { 'data-workload': n.workloadKind } : {})}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="service-title">
        <span className="svc-swatch" /> {t.title}
        <Badges badges={t.badges} />
      </div>
      <div className="service-sub muted">{t.sub}</div>
      {data.container ? (
        <div className="service-routes" title={n.routes.join('\n')}>
          {n.routes.length ? `⇠ ${n.routes.join(' · ')}` : 'no load balancer'}
        </div>
      ) : null}
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
      {data.container ? null : <Handle type="source" position={Position.Bottom} isConnectable={false} />}
    </div>
  );
});
