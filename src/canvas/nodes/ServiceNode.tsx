import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';

/** A service: its colour and label, counts and AZ spread; in the service view, the box holding its tasks. */
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'service') return null;
  const azs = Object.entries(n.azCounts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div
      className={`service svc-${n.color}${data.container ? ' service-box' : ''}${data.dim ? ' dim' : ''}${data.selected ? ' is-selected' : ''}`}
      data-service={n.label}
      {...(n.workloadKind ? { 'data-workload': n.workloadKind } : {})}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="service-title">
        <span className="svc-swatch" /> {n.label}
        {n.deploying ? <span className="deploy-pill">deploying</span> : null}
        {n.unhealthy ? <span className="alert-pill">{n.unhealthy} unhealthy</span> : null}
      </div>
      <div className="service-sub muted">{n.detail}</div>
      {data.container ? (
        <div className="service-routes" title={n.routes.join('\n')}>
          {n.routes.length ? `⇠ ${n.routes.join(' · ')}` : 'no load balancer'}
        </div>
      ) : null}
      <div className="az-counts">
        {azs.length ? (
          azs.map(([az, count]) => <span key={az} className="az-chip">{`${az.slice(-1)}:${count}`}</span>)
        ) : (
          <span className="muted">no running tasks</span>
        )}
      </div>
      {data.container ? null : <Handle type="source" position={Position.Bottom} isConnectable={false} />}
    </div>
  );
});
