import { someResource, type Topology } from '../model';
import { unreadParts, type Part } from './completeness';
import type { Problem } from './problems';

/** How a message names what a failed call may have left off the map. */
const PART_WORDS: Record<Part, string> = {
  region: 'the region',
  vpc: 'VPCs',
  az: 'Availability Zones',
  subnet: 'subnets',
  cluster: 'ECS clusters',
  service: 'ECS services',
  task: 'ECS tasks',
  taskDefinition: 'task definitions',
  containerInstance: 'container instances',
  loadBalancer: 'load balancers',
  targetGroup: 'target groups',
  eksCluster: 'EKS clusters',
  nodeGroup: 'node groups',
  fargateProfile: 'Fargate profiles',
  eksNode: 'EKS nodes',
  pod: 'pods',
  workload: 'workloads',
  kubeService: 'Kubernetes Services',
  ingress: 'Ingresses',
  listenerRule: 'listener rules',
  routeTable: 'route tables',
};

const REFUSED = /AccessDenied|Forbidden|Unauthorized|UnrecognizedClient/i;

/**
 * Pure: one problem per failed call the read recorded (the read already folds one action's failures into one error).
 * It badges the resource the call was about when the map draws it, else the region; it is critical when nothing at
 * all could be read, since the map is then empty for that reason alone.
 */
export function readProblems(topology: Topology): Problem[] {
  if (!topology.errors.length) return [];
  const region = topology.source.region;
  const nothingRead = !someResource(topology, (r) => r.kind !== 'region');
  return topology.errors.map((e): Problem => {
    const onMap = e.resource !== undefined && topology.resources[e.resource] !== undefined;
    const parts = [...unreadParts([e]).keys()].map((p) => PART_WORDS[p]);
    const action = e.api.slice(e.api.indexOf(':') + 1);
    return {
      id: `readFailed:${e.api}:${e.resource ?? ''}:${e.code}`,
      kind: 'readFailed',
      severity: nothingRead ? 'critical' : 'warning',
      subject: onMap && e.resource !== undefined ? e.resource : region,
      name: e.api,
      related: [],
      title: `${action} ${REFUSED.test(e.code) ? 'denied' : 'failed'}`,
      message:
        `${e.api} failed (${e.code})${e.resource ? ` for ${e.resource}` : ''}` +
        `${parts.length ? `, so the map may be missing ${parts.join(', ')}` : ''}. ${e.hint}`,
    };
  });
}
