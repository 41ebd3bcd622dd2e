import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { MapNode } from '../toFlow';
import { BoxNode } from './BoxNode';
import { EksNodeNode } from './EksNodeNode';
import { LoadBalancerNode } from './LoadBalancerNode';
import { ServiceNode } from './ServiceNode';
import { SketchNode } from './SketchNode';
import { TargetGroupNode } from './TargetGroupNode';
import { TaskGroupNode } from './TaskGroupNode';
import { TaskNode } from './TaskNode';

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
  node: EksNodeNode,
  taskGroup: TaskGroupNode,
  loadBalancer: LoadBalancerNode,
  targetGroup: TargetGroupNode,
  service: ServiceNode,
  sketch: SketchNode,
} satisfies NodeComponents;
