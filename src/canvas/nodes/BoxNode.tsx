import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../toFlow';
import { unitCount } from '../../export/labels';
import { Glyph } from './Glyph';

/** Containers: VPC, AZ column, subnet, container instance, cluster, Kubernetes namespace. */
export const BoxNode = memo(function BoxNode({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  switch (n.kind) {
    case 'vpc':
      return (
        <div className="box box-vpc">
          <div className="box-title">
            <Glyph kind="vpc" text="VPC" /> {n.label} <span className="muted">{n.cidr}</span>
          </div>
        </div>
      );
    case 'az':
      return (
        <div className="box box-az" data-az={n.label}>
          <div className="box-title">
            <Glyph kind="az" text="AZ" /> {n.label} {n.zoneId ? <span className="muted">{n.zoneId}</span> : null}
          </div>
        </div>
      );
    case 'subnet':
      return (
        <div className={`box box-subnet ${n.exposure}`} data-subnet={n.id} data-subnet-tasks={n.taskCount} data-subnet-pods={n.podCount}>
          <div className="box-title">
            {/* A subnet whose routes were not read (or that was not read at all) is neither: no badge. */}
            {n.exposure === 'unknown' ? null : (
              <>
                <span className={`badge badge-${n.exposure}`}>{n.exposure}</span>{' '}
              </>
            )}
            {n.label} <span className="muted">{[n.cidr, unitCount(n.taskCount, n.podCount)].filter(Boolean).join(' · ')}</span>
          </div>
        </div>
      );
    case 'instance':
      return (
        <div className={`box box-instance${data.selected ? ' is-selected' : ''}`}>
          <div className="box-title instance-title">
            <Glyph kind="ec2" text="EC2" />
            <span className="instance-id">{n.label}</span>
            <span className="muted instance-use">
              {n.instanceType} · cpu {n.cpu} · mem {n.memory}
            </span>
          </div>
        </div>
      );
    case 'namespace':
      return (
        <div className="box box-namespace" data-namespace={n.label}>
          <div className="box-title">
            <Glyph kind="eks" text="NS" /> {n.label} <span className="muted">{n.detail}</span>
          </div>
        </div>
      );
    case 'cluster':
      return (
        <div className="box box-cluster" data-engine={n.engine}>
          <div className="box-title">
            {n.engine === 'eks' ? <Glyph kind="eks" text="EKS" /> : <Glyph kind="cluster" text="ECS" />} {n.label}
          </div>
          <div className="box-sub muted">{n.detail}</div>
        </div>
      );
    default:
      return null;
  }
});
