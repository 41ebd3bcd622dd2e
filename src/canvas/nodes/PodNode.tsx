import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { shortId } from '../../topology/model';
import { podTag } from '../../topology/present/labels';
import type { PodFlowNode } from '../toFlow';
import { UnitBox } from './UnitBox';

/** One Kubernetes pod, drawn as a task is: its workload's colour, its health, its suffix and restarts. */
export const PodNode = memo(function PodNode({ data }: NodeProps<PodFlowNode>) {
  const n = data.node;
  const name = shortId(n.id);
  // "task pod" and data-task: a pod answers every selector a task does, and data-pod tells it apart.
  return (
    <UnitBox
      node={n}
      kindClass="task pod"
      what={`pod ${name}${n.ownerId ? ` of ${n.label}` : ''}`}
      tag={[podTag(n), n.oldRevision && 'old ReplicaSet'].filter(Boolean).join(', ')}
      attrs={{ 'data-pod': name }}
    />
  );
});
