import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { MapNode } from '../toFlow';
import { BoxNode } from './BoxNode';
import { EksNodeNode } from './EksNodeNode';
import { LoadBalancerNode } from './LoadBalancerNode';
import { PodGroupNode } from './PodGroupNode';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import { SketchNode } from './SketchNode';
import { TargetGroupNode } from './TargetGroupNode';
import { TaskGroupNode } from './TaskGroupNode';
import { TaskNode } from './TaskNode';
import { WorkloadNode } from './WorkloadNode';

type MapNodeType = NonNullable<MapNode['type']>;

/** One component per node type, each taking exactly its type's node: a kind without a component fails to compile. */
type NodeComponents = { [T in MapNodeType]: ComponentType<NodeProps<Extract<MapNode, { type?: T }>>> };

/** At module scope: a new object per render would remount every node. */
export const nodeTypes = {
  vpc: BoxNode,
  az: BoxNode,
  subnet: BoxNode,
  instance: BoxNode,
  cluster: BoxNode,
  namespace: BoxNode,
  task: TaskNode,
  pod: PodNode,
  node: EksNodeNode,
  taskGroup: TaskGroupNode,
  podGroup: PodGroupNode,
  loadBalancer: LoadBalancerNode,
  targetGroup: TargetGroupNode,
  service: ServiceNode,
  workload: WorkloadNode,
  sketch: SketchNode,
} satisfies NodeComponents;
