import { isGroup, isOwner, isUnit } from '../graph/kinds';
import type { Graph, GraphNode, TaskHealth } from '../graph/types';
import type { SourceInfo } from '../model';
import { formatTime, type TimeFormat } from './format';

/**
 * What an exported picture needs to be read away from the screen: a key to its colours and marks, and a title block
 * saying which account and region it shows and when they were read. Both are taken from the graph drawn, so the key
 * lists only what the picture holds.
 */
export type LegendEntry =
  | { kind: 'health'; health: TaskHealth; text: string }
  | { kind: 'oldRevision'; text: string }
  | { kind: 'spot'; text: string }
  | { kind: 'folded'; text: string }
  /** A service's or workload's colour, by its name */
  | { kind: 'owner'; color: number; text: string };

/** The words of each health state in the key, in the order the canvas's own legend lists them. */
const HEALTH_KEY: readonly [TaskHealth, string][] = [
  ['healthy', 'healthy'],
  ['unhealthy', 'unhealthy target or check'],
  ['pending', 'pending'],
  ['stopped', 'stopped'],
  ['unknown', 'no health check'],
];

const MARK_TEXT = {
  oldRevision: 'older revision (deploying)',
  spot: 'spot capacity (dashed border)',
  folded: 'folded group: count and health bar',
} as const;

/** The health states a node is drawn with: its own, or every state its counts hold. */
function healthsOf(n: GraphNode): TaskHealth[] {
  if (isUnit(n)) return [n.health];
  if (isGroup(n) || n.kind === 'targetGroup') return HEALTH_KEY.map(([h]) => h).filter((h) => n.counts[h] > 0);
  // A NotReady node is drawn with the alert colour round it.
  if (n.kind === 'node' && n.ready === false) return ['unhealthy'];
  return [];
}

/** The service or workload whose colour a node carries, if any: its id and name. */
function ownerOf(n: GraphNode): { key: string; name: string; color: number } | undefined {
  if (isOwner(n)) return n.color >= 0 ? { key: n.id, name: n.label, color: n.color } : undefined;
  if (isUnit(n) || isGroup(n)) return n.color >= 0 ? { key: n.ownerId ?? `name:${n.label}`, name: n.label, color: n.color } : undefined;
  return undefined;
}

/**
 * Pure: the key of a drawn graph: the health states drawn, the marks used (hatched older revisions, dashed spot
 * nodes, folded groups), then every service's and workload's colour beside its name, in name order.
 */
export function legendOf(graph: Pick<Graph, 'nodes'>): LegendEntry[] {
  const healths = new Set<TaskHealth>();
  const owners = new Map<string, { name: string; color: number }>();
  let oldRevision = false;
  let spot = false;
  let folded = false;
  for (const n of graph.nodes) {
    for (const h of healthsOf(n)) healths.add(h);
    if (isUnit(n) && n.oldRevision) oldRevision = true;
    if (n.kind === 'node' && n.spot) spot = true;
    if (isGroup(n)) folded = true;
    const owner = ownerOf(n);
    if (owner && !owners.has(owner.key)) owners.set(owner.key, owner);
  }
  const flag = <K extends keyof typeof MARK_TEXT>(on: boolean, kind: K) => (on ? [{ kind, text: MARK_TEXT[kind] }] : []);
  return [
    ...HEALTH_KEY.filter(([h]) => healths.has(h)).map(([health, text]): LegendEntry => ({ kind: 'health', health, text })),
    ...flag(oldRevision, 'oldRevision'),
    ...flag(spot, 'spot'),
    ...flag(folded, 'folded'),
    ...[...owners.values()]
      .sort((a, b) => a.name.localeCompare(b.name) || a.color - b.color)
      .map(({ name, color }): LegendEntry => ({ kind: 'owner', color, text: name })),
  ];
}

/** The head of an exported picture: what it is, then the facts a reviewer checks first. */
export interface TitleBlock {
  title: string;
  /** Account, region, read time */
  facts: string[];
}

/**
 * Pure: the title block of an export. The read time is shown in UTC unless the caller gives a zone: a file is read
 * by people in many zones, and a picture that names its zone cannot be misread.
 */
export function titleBlock(
  meta: Pick<SourceInfo, 'label' | 'region' | 'accountId' | 'fetchedAt'>,
  view: string,
  where: TimeFormat = { locale: 'en-GB', timeZone: 'UTC' },
): TitleBlock {
  const zone = where.timeZone === 'UTC' ? 'UTC' : where.timeZone ? `(${where.timeZone})` : '';
  return {
    title: `Fleetmap · ${view} view · ${meta.label}`,
    facts: [`Account ${meta.accountId ?? 'not known'}`, `Region ${meta.region}`, `Read ${formatTime(meta.fetchedAt, where)}${zone ? ` ${zone}` : ''}`],
  };
}
