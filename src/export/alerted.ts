import type { GraphNode } from '../topology/graph/types';

/**
 * Whether an exported node is drawn with the alert colour round it, as on the canvas: the SVG and draw.io exports
 * both ask here, so a picture and a diagram of the same map mark the same boxes.
 */
export function alerted(n: GraphNode): boolean {
  switch (n.kind) {
    case 'task':
    case 'pod':
      return n.health === 'unhealthy';
    case 'taskGroup':
    case 'podGroup':
    case 'targetGroup':
      return n.counts.unhealthy > 0;
    case 'service':
    case 'workload':
      return n.unhealthy > 0;
    case 'node':
      return n.ready === false;
    default:
      return false;
  }
}
