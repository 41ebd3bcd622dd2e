import { counted } from '../../topology/graph/counts';
import type { Problem } from '../../topology/graph/problems';
import type { GraphNode } from '../../topology/graph/types';
import { HEALTH_TEXT, healthWords, podTag, unitCount } from '../../topology/present/labels';

/** The words a load balancer's type is spoken as (DescribeLoadBalancers: Type). */
const LB_WORDS: Record<string, string> = { application: 'application load balancer', network: 'network load balancer', gateway: 'gateway load balancer' };

/** "3/4 running · FARGATE" read aloud: "3 of 4 running, FARGATE". */
const spoken = (detail: string): string => detail.replace(/(\d+)\/(\d+)/g, '$1 of $2').replaceAll(' · ', ', ');

const list = (...parts: (string | false | undefined)[]): string => parts.filter((p): p is string => Boolean(p)).join(', ');

/** What the box is, by its kind: a screen reader hears this first, so the kind and name lead. */
function describe(n: GraphNode): string {
  switch (n.kind) {
    case 'vpc':
      return list(`VPC ${n.label}`, n.cidr);
    case 'az':
      return list(`Availability Zone ${n.label}`, n.zoneId);
    case 'subnet':
      return list(`${n.exposure === 'unknown' ? '' : `${n.exposure} `}subnet ${n.label}`, n.cidr, spoken(unitCount(n.taskCount, n.podCount)));
    case 'instance':
      return list(`container instance ${n.label}`, n.instanceType, `cpu ${n.cpu}`, `memory ${n.memory}`);
    case 'cluster':
      return list(`${n.engine === 'eks' ? 'EKS' : 'ECS'} cluster ${n.label}`, spoken(n.detail));
    case 'namespace':
      return list(`namespace ${n.label}`, spoken(n.detail));
    case 'node':
      return list(`EKS node ${n.label}`, `node group ${n.nodeGroup}`, n.instanceType, n.spot && 'spot', n.ready === false && 'NotReady', n.state);
    case 'task':
      return list(`task of ${n.label}`, HEALTH_TEXT[n.health], n.reason, `revision ${n.revision}`, n.oldRevision && 'old revision');
    case 'pod':
      return list(`pod of ${n.label}`, HEALTH_TEXT[n.health], n.reason, podTag(n), n.oldRevision && 'old ReplicaSet');
    case 'taskGroup':
      return `${counted(n.taskIds.length, 'task')} of ${n.label}, folded: ${healthWords(n.counts)}; Enter unfolds`;
    case 'podGroup':
      return `${counted(n.podIds.length, 'pod')} of ${n.system ? `namespace ${n.label}` : n.label}, folded: ${healthWords(n.counts)}; Enter unfolds`;
    case 'loadBalancer':
      return list(`${LB_WORDS[n.lbType] ?? 'load balancer'} ${n.label}`, n.scheme);
    case 'targetGroup':
      return list(`target group ${n.label}`, n.unreadable ? 'target health not readable' : healthWords(n.counts));
    case 'service':
      return list(`service ${n.label}`, spoken(n.detail), n.deploying && 'deploying', n.unhealthy > 0 && `${n.unhealthy} unhealthy`);
    case 'workload':
      return list(`workload ${n.label}`, spoken(n.detail), n.deploying && 'deploying', n.unhealthy > 0 && `${n.unhealthy} unhealthy`);
  }
}

/** "2 problems, 1 critical: 3/4 running; not in us-east-1c" */
function problemWords(found: readonly Problem[]): string {
  const critical = found.filter((p) => p.severity === 'critical').length;
  const head =
    critical === found.length ? counted(found.length, 'critical problem') : `${counted(found.length, 'problem')}${critical ? `, ${critical} critical` : ''}`;
  return `${head}: ${found.map((p) => p.title).join('; ')}`;
}

/**
 * Pure: a box's accessible name, "service cart, 3 of 3 running, FARGATE, 2 problems: …", what a screen reader says
 * when the box takes focus. The problems are those the map badges on this box.
 */
export function nodeAriaLabel(n: GraphNode, problems: readonly Problem[] = []): string {
  return problems.length ? `${describe(n)}, ${problemWords(problems)}` : describe(n);
}
