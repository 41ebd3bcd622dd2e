import type { Graph, GraphNode, GraphNodeKind } from '../graph/types';
import { columnsIn, packHost, packSubnetContents } from './packNetwork';
import { packOwner, packStack } from './packService';
import { isGridLeaf, leafSize, SPACING } from './sizes';
import type { Box } from './types';

const TASK = leafSize('task');
const { pad, gap } = SPACING;
const HEADER: Partial<Record<GraphNodeKind, number>> = SPACING.header;
type Kids = (id: string) => GraphNode[];

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** How far a box's grid of tasks starts from its sides, as the packers place it: a subnet's sits inside an inner frame. */
const gridInset = (kind: GraphNodeKind) => (kind === 'subnet' ? 2 * pad : pad);

/**
 * Places `arrivals` (tasks, pods or folded groups) in free slots of `container`'s grid, row by row, without moving or
 * resizing anything: a slot is free when it lies inside the box's padding and touches no box already there. The grid
 * lines up with the leaves already placed. Places all of them or, when they do not all fit, none (returns false).
 */
export function placeInFreeSlots(container: GraphNode, box: Box, kids: readonly GraphNode[], arrivals: readonly GraphNode[], boxes: Map<string, Box>): boolean {
  const header = HEADER[container.kind];
  if (header === undefined) return false;
  const present = kids.map((k) => boxes.get(k.id)).filter((b): b is Box => b !== undefined);
  const isLeafBox = new Set(kids.filter((k) => isGridLeaf(k.kind)).map((k) => k.id));
  const step = TASK.height + gap;
  const below = Math.max(header, ...present.filter((b) => !isLeafBox.has(b.id)).map((b) => b.y + b.height + gap));
  const leafYs = present.filter((b) => isLeafBox.has(b.id)).map((b) => b.y);
  // The first row at or below what is not a leaf, on the rows the leaves already use.
  const top = leafYs.length ? Math.min(...leafYs) - Math.floor((Math.min(...leafYs) - below) / step) * step : below;
  const inset = gridInset(container.kind);
  const cols = columnsIn(box.width, inset);
  const taken = [...present];
  const placed: Box[] = [];
  for (let y = top; placed.length < arrivals.length && y + TASK.height <= box.height - pad; y += step)
    for (let c = 0; c < cols && placed.length < arrivals.length; c++) {
      const arrival = arrivals[placed.length];
      if (!arrival) break;
      const slot: Box = { id: arrival.id, parent: container.id, x: inset + c * (TASK.width + gap), y, ...TASK };
      if (slot.x + slot.width > box.width - inset || taken.some((b) => overlaps(b, slot))) continue;
      taken.push(slot);
      placed.push(slot);
    }
  if (placed.length < arrivals.length) return false;
  for (const b of placed) boxes.set(b.id, b);
  return true;
}

/**
 * Packs `container`'s contents afresh at its present width (so nothing beside it moves), writing every box inside
 * it; returns the height its contents need, or undefined when it cannot be repacked alone (a box that frames the
 * map, or contents that need more width).
 */
export function repackBox(view: Graph['view'], container: GraphNode, box: Box, kids: Kids, boxes: Map<string, Box>): number | undefined {
  const stacked = (top: number) => {
    const size = packStack(container.id, top, kids, boxes);
    return size.width > box.width ? undefined : size.height;
  };
  switch (container.kind) {
    case 'subnet':
      return packSubnetContents(container.id, kids, columnsIn(box.width, gridInset('subnet')), boxes);
    case 'instance':
    case 'node':
      return packHost(container.id, kids, columnsIn(box.width, gridInset(container.kind)), boxes).height;
    case 'service':
    case 'workload':
      return view === 'service' ? packOwner(container, kids, boxes) : undefined;
    case 'namespace':
      return stacked(SPACING.header.namespace);
    case 'cluster':
      return view === 'service' ? stacked(SPACING.header.cluster) : undefined;
    default:
      return undefined;
  }
}

/**
 * Grows a box to `height`, pushing down its siblings that lie below it by as much, and grows what holds it as far up
 * as its contents need. Boxes beside it keep their place.
 */
export function growBox(id: string, height: number, boxes: Map<string, Box>, kids: Kids, parentOf: ReadonlyMap<string, string | undefined>): void {
  let current: string | undefined = id;
  let wanted = height;
  while (current !== undefined) {
    const box = boxes.get(current);
    if (!box || wanted <= box.height) return;
    const bottom = box.y + box.height;
    const delta = wanted - box.height;
    boxes.set(current, { ...box, height: wanted });
    const parent = parentOf.get(current);
    if (parent === undefined) return;
    const siblings = kids(parent).flatMap((k) => boxes.get(k.id) ?? []);
    for (const b of siblings) if (b.id !== current && b.y >= bottom) boxes.set(b.id, { ...b, y: b.y + delta });
    wanted =
      Math.max(
        0,
        ...kids(parent)
          .map((k) => boxes.get(k.id))
          .map((b) => (b ? b.y + b.height : 0)),
      ) + pad;
    current = parent;
  }
}
