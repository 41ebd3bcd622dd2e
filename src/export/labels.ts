import { counted } from '../topology/graph/counts';
import type { GraphNode, HealthCounts } from '../topology/graph/types';

/** What a node says in every export: a title, an optional second line, and the lettered glyph of its kind. */
export interface NodeText {
  title: string;
  sub?: string;
  glyph?: string;
}

function counts(c: HealthCounts): string {
  const parts = [`${c.healthy} healthy`];
  if (c.unhealthy) parts.push(`${c.unhealthy} unhealthy`);
  if (c.pending) parts.push(`${c.pending} pending`);
  if (c.stopped) parts.push(`${c.stopped} stopped`);
  return parts.join(', ');
}

/** "12 tasks", "1 pod", "3 tasks · 8 pods" */
export function unitCount(tasks: number, pods: number): string {
  if (!pods) return counted(tasks, 'task');
  return tasks ? `${counted(tasks, 'task')} · ${counted(pods, 'pod')}` : counted(pods, 'pod');
}

export function nodeText(n: GraphNode): NodeText {
  switch (n.kind) {
    case 'vpc':
      return { title: n.label, sub: n.cidr, glyph: 'VPC' };
    case 'az':
      return { title: n.zoneId ? `${n.label} (${n.zoneId})` : n.label, glyph: 'AZ' };
    case 'subnet':
      return {
        title: n.exposure === 'unknown' ? n.label : `${n.exposure} ${n.label}`,
        sub: [n.cidr, unitCount(n.taskCount, n.podCount)].filter(Boolean).join(' · '),
      };
    case 'instance':
      return { title: n.label, sub: `${n.instanceType} · cpu ${n.cpu} · mem ${n.memory}`, glyph: 'EC2' };
    case 'cluster':
      return { title: n.label, sub: n.detail, glyph: n.engine === 'eks' ? 'EKS' : 'ECS' };
    case 'task':
      return {
        title: n.pod ? `${n.label} (pod)` : n.label,
        sub: `${n.revision.split(':').pop() ?? ''}${n.oldRevision ? ' old' : ''} · ${n.health}${n.reason ? ` · ${n.reason}` : ''}`,
      };
    case 'taskGroup':
      return { title: `${n.label} ×${n.taskIds.length}`, sub: counts(n.counts) };
    case 'node':
      return {
        title: `${n.nodeGroup} ${n.label}`,
        sub: `${n.instanceType}${n.spot ? ' spot' : ''}${n.usage ? ` · ${n.usage}` : ''}${n.ready === false ? ' · NotReady' : ''}`,
        glyph: 'EKS',
      };
    case 'namespace':
      return { title: `namespace ${n.label}`, sub: n.detail, glyph: 'NS' };
    case 'loadBalancer':
      return { title: n.label, sub: `${n.scheme} · AZs ${n.azs.map((a) => a.slice(-1)).join(' ')}`, glyph: n.lbType === 'network' ? 'NLB' : 'ALB' };
    case 'targetGroup':
      return { title: n.label, sub: n.unreadable ? 'target health not readable' : counts(n.counts), glyph: 'TG' };
    case 'service': {
      const azs = Object.entries(n.azCounts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([az, c]) => `${az.slice(-1)}:${c}`)
        .join(' ');
      return {
        title: `${n.label}${n.deploying ? ' (deploying)' : ''}${n.unhealthy ? ` (${n.unhealthy} unhealthy)` : ''}`,
        sub: `${n.detail}${azs ? ` · ${azs}` : ''}`,
      };
    }
  }
}

/** The one-line caption every export carries: what was read, where, when, in which view. */
export function caption(meta: { label: string; region: string; accountId?: string | undefined; fetchedAt: string }, view: string): string {
  return `Fleetmap · ${meta.label} · ${meta.region}${meta.accountId ? ` · account ${meta.accountId}` : ''} · read ${meta.fetchedAt} · ${view} view`;
}
