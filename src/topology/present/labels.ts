import { counted } from '../graph/counts';
import type { UnitNode } from '../graph/kinds';
import type { GraphNode, HealthCounts, TaskHealth } from '../graph/types';
import type { SourceInfo } from '../model';
import type { BadgeTone, GlyphTone } from './theme';

/** A lettered tile naming a resource kind, in its kind's colour. */
export interface Glyph {
  text: string;
  tone: GlyphTone;
}

/** A word pill beside a title. */
export interface Badge {
  text: string;
  tone: BadgeTone;
}

/**
 * What a node says, wherever it is drawn: the canvas, the SVG, draw.io and Mermaid all take their words from here,
 * so a label changes in one place.
 */
export interface NodeText {
  title: string;
  /** The second line; for a folded group or a target group, the words its health bar stands for */
  sub?: string;
  glyph?: Glyph;
  badges: Badge[];
  /** Short facts in chips: a service's tasks per AZ ("a:3") */
  chips?: string[];
  /** Counts drawn as a proportional health bar */
  bar?: HealthCounts;
}

/** "4 healthy, 1 unhealthy" */
export function healthWords(c: HealthCounts): string {
  const parts = [`${c.healthy} healthy`];
  if (c.unhealthy) parts.push(`${c.unhealthy} unhealthy`);
  if (c.pending) parts.push(`${c.pending} pending`);
  if (c.stopped) parts.push(`${c.stopped} stopped`);
  if (c.unknown) parts.push(`${c.unknown} unknown`);
  return parts.join(', ');
}

/** "12 tasks", "1 pod", "3 tasks · 8 pods" */
export function unitCount(tasks: number, pods: number): string {
  if (!pods) return counted(tasks, 'task');
  return tasks ? `${counted(tasks, 'task')} · ${counted(pods, 'pod')}` : counted(pods, 'pod');
}

/** What a service's chips line says when none of its tasks runs. */
export const NO_RUNNING_TASKS = 'no running tasks';

/** A task's health in words, as its tooltip and the details panel say it. */
export const HEALTH_TEXT: Record<TaskHealth, string> = {
  healthy: 'healthy',
  unhealthy: 'unhealthy',
  pending: 'pending',
  stopped: 'stopped',
  unknown: 'no health check',
};

/** The glyph of each load balancer type (DescribeLoadBalancers: Type). */
const LB_GLYPH: Record<string, string> = { application: 'ALB', network: 'NLB', gateway: 'GWLB' };

/** What a pod's box says where a task's says its revision: its restarts when it has any ("↻14"), else its namespace. */
export function podTag(n: Pick<Extract<GraphNode, { kind: 'pod' }>, 'restarts' | 'namespace'>): string {
  return n.restarts ? `↻${n.restarts}` : n.namespace;
}

/**
 * Where a task's or pod's box is drawn: inside its owner's box (the services view), whose title already names the
 * service or workload, or among others' (a subnet, a host), where the owner's name must come first.
 */
export type Place = 'inOwner' | 'amongOthers';

/** Pure: the place of a node as the graph nests it; a unit is inside its owner when its parent is that owner. */
export function placeOf(n: GraphNode): Place {
  return (n.kind === 'task' || n.kind === 'pod') && n.ownerId !== undefined && n.parent === n.ownerId ? 'inOwner' : 'amongOthers';
}

/**
 * What tells a pod from its siblings: the last part of its generated name ("payments-7d9f8c-x7k2p" → "x7k2p", a
 * StatefulSet's "inventory-db-0" → "#0"), never the ReplicaSet hash before it. Undefined for a pod of no workload,
 * whose own name says it all. The pod's name is the last part of its id.
 */
function podSuffix(n: Pick<Extract<GraphNode, { kind: 'pod' }>, 'id' | 'label'>): { name: string; suffix?: string } {
  const name = n.id.slice(n.id.lastIndexOf('/') + 1);
  if (!name.startsWith(`${n.label}-`)) return { name };
  const suffix = name.slice(name.lastIndexOf('-') + 1);
  // A bare number on a box reads as a count: an ordinal is written as one.
  return { name, suffix: /^\d+$/.test(suffix) ? `#${suffix}` : suffix };
}

/**
 * A task's id as a person quotes it: the first eight of the 32 hex digits the ARN ends with, as `docker ps` shortens
 * an id; siblings of one service differ there.
 */
const taskShortId = (id: string): string => id.slice(id.lastIndexOf('/') + 1).slice(0, 8);

/** "r7" for task definition "web:7": the family is the owner's name, already on the map. */
const revisionTag = (revision: string): string => `r${revision.split(':').pop() ?? ''}`;

/**
 * A task's or pod's two lines by where it is drawn. Among others: the owner's name (which may be cut), and below
 * it, whole, what tells it from its siblings. Inside its owner: that identity is the title, its tags below.
 */
function unitLines(n: UnitNode, place: Place): { title: string; sub: string } {
  const old = when(n.oldRevision, 'old');
  if (n.kind === 'task') {
    const tags = [revisionTag(n.revision), ...old];
    const id = taskShortId(n.id);
    return place === 'inOwner' ? { title: id, sub: tags.join(' ') } : { title: n.label, sub: [id, ...tags].join(' ') };
  }
  const tags = [...when(n.restarts, `↻${n.restarts}`), ...old];
  const { name, suffix } = podSuffix(n);
  if (suffix === undefined) return { title: name, sub: tags.join(' ') };
  return place === 'inOwner' ? { title: suffix, sub: tags.join(' ') } : { title: n.label, sub: [suffix, ...tags].join(' ') };
}

const alert = (text: string): Badge => ({ text, tone: 'alert' });
const unitBadges = (n: { health: TaskHealth; reason?: string }): Badge[] => [
  ...when(n.health === 'unhealthy', alert(n.reason ?? 'unhealthy')),
  ...when(n.health === 'stopped', alert('stopped')),
];
const when = <T>(cond: unknown, value: T): T[] => (cond ? [value] : []);

/**
 * Pure: a node's words. `place` defaults to where the graph nests the node, so the canvas and every export say the
 * same; a caller drawing a unit elsewhere names its place.
 */
export function nodeText(n: GraphNode, place: Place = placeOf(n)): NodeText {
  switch (n.kind) {
    case 'vpc':
      return { title: n.label, sub: n.cidr, glyph: { text: 'VPC', tone: 'vpc' }, badges: [] };
    case 'az':
      return { title: n.label, ...(n.zoneId ? { sub: n.zoneId } : {}), glyph: { text: 'AZ', tone: 'az' }, badges: [] };
    case 'subnet':
      return {
        title: n.label,
        sub: [n.cidr, unitCount(n.taskCount, n.podCount)].filter(Boolean).join(' · '),
        // A subnet whose routes were not read (or that was not read at all) is neither: no badge.
        badges: n.exposure === 'unknown' ? [] : [{ text: n.exposure, tone: n.exposure }],
      };
    case 'instance':
      return { title: n.label, sub: `${n.instanceType} · cpu ${n.cpu} · mem ${n.memory}`, glyph: { text: 'EC2', tone: 'ec2' }, badges: [] };
    case 'cluster':
      return { title: n.label, sub: n.detail, glyph: n.engine === 'eks' ? { text: 'EKS', tone: 'eks' } : { text: 'ECS', tone: 'ecs' }, badges: [] };
    case 'node':
      return {
        title: `${n.nodeGroup} · ${n.label}`,
        sub: [n.instanceType, ...when(n.spot, 'spot'), ...when(n.usage, n.usage ?? '')].join(' · '),
        glyph: { text: 'EKS', tone: 'eks' },
        badges: when(n.ready === false, alert('NotReady')),
      };
    case 'namespace':
      return { title: n.label, sub: n.detail, glyph: { text: 'NS', tone: 'eks' }, badges: [] };
    case 'task':
    case 'pod':
      return { ...unitLines(n, place), badges: unitBadges(n) };
    case 'taskGroup':
      return { title: `${n.label} ×${n.taskIds.length}`, sub: healthWords(n.counts), badges: [], bar: n.counts };
    case 'podGroup':
      return { title: `${n.label} ×${n.podIds.length}`, sub: healthWords(n.counts), badges: [], bar: n.counts };
    case 'loadBalancer':
      return {
        title: n.label,
        sub: `${n.scheme} · AZs ${n.azs.map((a) => a.slice(-1)).join(' ')}`,
        glyph: { text: LB_GLYPH[n.lbType] ?? 'LB', tone: 'lb' },
        badges: [],
      };
    case 'targetGroup':
      return {
        title: n.label,
        sub: n.unreadable ? 'target health not readable' : healthWords(n.counts),
        glyph: { text: 'TG', tone: 'tg' },
        badges: when(n.counts.unhealthy, alert(`${n.counts.unhealthy} unhealthy`)),
        ...(n.unreadable ? {} : { bar: n.counts }),
      };
    case 'service':
    case 'workload':
      return {
        title: n.label,
        sub: n.detail,
        badges: [...when(n.deploying, { text: 'deploying', tone: 'pending' as const }), ...when(n.unhealthy, alert(`${n.unhealthy} unhealthy`))],
        chips: Object.entries(n.azCounts)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([az, c]) => `${az.slice(-1)}:${c}`),
      };
  }
}

/**
 * A node's words as plain lines, for formats that draw text only (draw.io, Mermaid): glyph, title and badges, then
 * the second line, then the chips.
 */
export function textLines(t: NodeText): string[] {
  const head = [t.glyph ? `${t.glyph.text} ${t.title}` : t.title, ...t.badges.map((b) => b.text)].join(' · ');
  return [head, t.sub ?? '', (t.chips ?? []).join(' ')].filter(Boolean);
}

/**
 * The one-line caption every export carries: what was read, where, when (UTC, ISO-8601, the same for every reader of
 * the file), in which view.
 */
export function caption(meta: Pick<SourceInfo, 'label' | 'region' | 'accountId' | 'fetchedAt'>, view: string): string {
  const when = Number.isFinite(meta.fetchedAt) ? new Date(meta.fetchedAt).toISOString() : 'at an unknown time';
  return `Fleetmap · ${meta.label} · ${meta.region}${meta.accountId ? ` · account ${meta.accountId}` : ''} · read ${when} · ${view} view`;
}
