import type { NodeTypes } from '@xyflow/react';
import { BoxNode } from './BoxNode';
import { EksNodeNode } from './EksNodeNode';
import { LoadBalancerNode } from './LoadBalancerNode';
import { ServiceNode } from './ServiceNode';
import { SketchNode } from './SketchNode';
import { TargetGroupNode } from './TargetGroupNode';
import { TaskGroupNode } from './TaskGroupNode';
import { TaskNode } from './TaskNode';

/** At module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = {
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
};
