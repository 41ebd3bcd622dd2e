import type { CSSProperties } from 'react';
import { isGroup, memberIds } from '../topology/graph/kinds';
import { kindList, type Topology } from '../topology/model';
import type { MapNode } from './toFlow';

/** What the store says of a resource that a recent read added or changed, and when (epoch ms). */
export interface FreshMark {
  kind: 'added' | 'changed';
  at: number;
}
export type Fresh = ReadonlyMap<string, FreshMark>;

/** How long each mark is drawn; nodes.css's animations last as long (live-added-fade, live-changed-flash). */
export const MARK_MS = { added: 60_000, changed: 1_500 } as const satisfies Record<FreshMark['kind'], number>;

const CLASS = { added: 'live-added', changed: 'live-changed' } as const satisfies Record<FreshMark['kind'], string>;

/**
 * Pure: the resources the topology keeps on the map only as ghosts (stopped or gone, shown a few minutes with their
 * stop reason). The store marks them `ghost: true` on the resource.
 */
export function ghostIds(topology: Topology): ReadonlySet<string> {
  const out = new Set<string>();
  for (const r of kindList(topology, 'task')) if (r.ghost === true) out.add(r.id);
  for (const r of kindList(topology, 'pod')) if (r.ghost === true) out.add(r.id);
  return out;
}

/** A folded group shows what its members went through: the newest mark among them. */
function markOf(node: MapNode, fresh: Fresh): FreshMark | undefined {
  if (node.type === 'sketch') return undefined;
  const own = fresh.get(node.id);
  if (own || !isGroup(node.data.node)) return own;
  let newest: FreshMark | undefined;
  for (const id of memberIds(node.data.node)) {
    const m = fresh.get(id);
    if (m && (!newest || m.at > newest.at)) newest = { kind: 'changed', at: m.at };
  }
  return newest;
}

/**
 * The flow nodes with what changed drawn on them, as classes on React Flow's node wrapper: an added node's ring
 * fading over a minute, a changed node's single flash, a ghost faded and dashed. `delays` holds each mark's animation
 * delay, fixed the first time the mark is drawn (negative: how far into its animation the mark already is), so a
 * later render neither restarts nor skips an animation; a mark leaves it once its animation is over. A node without a mark is
 * the very object of `nodes`, so React Flow re-renders only the marked ones.
 */
export function withLiveMarks<N extends MapNode>(
  nodes: readonly N[],
  fresh: Fresh,
  ghosts: ReadonlySet<string>,
  now: number,
  delays: Map<string, { delay: number; until: number }>,
): N[] {
  for (const [key, d] of delays) if (now >= d.until) delays.delete(key);
  return nodes.map((node) => {
    const ghost = ghosts.has(node.id);
    const mark = ghost ? undefined : markOf(node, fresh);
    const live = mark && now - mark.at < MARK_MS[mark.kind] ? mark : undefined;
    if (!live && !ghost) return node;
    const classes = [node.className, ghost ? 'live-ghost' : undefined, live ? CLASS[live.kind] : undefined].filter(Boolean).join(' ');
    let style: CSSProperties | undefined = node.style;
    if (live) {
      const key = `${node.id}@${live.kind}@${live.at}`;
      const fixed = delays.get(key) ?? { delay: -Math.max(0, now - live.at), until: live.at + MARK_MS[live.kind] };
      delays.set(key, fixed);
      style = { ...node.style, animationDelay: `${fixed.delay}ms` };
    }
    return { ...node, className: classes, ...(style ? { style } : {}) };
  });
}
