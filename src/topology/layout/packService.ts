import { isOwner } from '../graph/kinds';
import type { Graph, GraphNode } from '../graph/types';
import { gridPlace, gridWidth } from './grid';
import { childrenIndex, type Packed } from './packNetwork';
import { NO_ROOM, roomFor, type Room } from './room';
import { isGridLeaf, leafSize, reservedHeight, SPACING } from './sizes';
import type { Box } from './types';

const TASK = leafSize('task');
const { pad, gap, header } = SPACING;
const SERVICE_COLS = 4;
const SERVICE_WIDTH = gridWidth(SERVICE_COLS, TASK.width) + 2 * pad;

/** A service's or workload's grid of tasks or pods, with spare room; returns the owner box's height. */
export function packOwner(owner: GraphNode, kids: (id: string) => GraphNode[], boxes: Map<string, Box>): number {
  const tmp: Box[] = [];
  const units = kids(owner.id);
  const top = owner.kind === 'service' || owner.kind === 'workload' ? header[owner.kind] : header.service;
  gridPlace(
    tmp,
    units.map((t) => t.id),
    owner.id,
    pad,
    top,
    SERVICE_COLS,
    TASK,
  );
  tmp.forEach((b) => boxes.set(b.id, b));
  return top + reservedHeight(units.length, SERVICE_COLS, TASK) + pad;
}

/**
 * Lays out a cluster's or namespace's contents below its header (`top`): owners and namespaces stacked, then its
 * own tasks or pods; returns its size. Loose tasks are rare here, so an empty loose grid keeps no spare row. `room`
 * widens the side paddings and the gaps between the stacked boxes where the routes running down them need it.
 */
export function packStack(
  id: string,
  top: number,
  kids: (id: string) => GraphNode[],
  boxes: Map<string, Box>,
  room: Room = NO_ROOM,
): { width: number; height: number } {
  const left = pad + roomFor(room, { kind: 'pad', container: id, side: 'left' });
  const right = pad + roomFor(room, { kind: 'pad', container: id, side: 'right' });
  let y = top;
  let inner = SERVICE_WIDTH;
  let k = 0;
  for (const child of kids(id)) {
    if (!isOwner(child) && child.kind !== 'namespace') continue;
    if (k > 0) y += roomFor(room, { kind: 'above', container: id, index: k });
    k++;
    if (isOwner(child)) {
      const h = packOwner(child, kids, boxes);
      boxes.set(child.id, { id: child.id, parent: id, x: left, y, width: SERVICE_WIDTH, height: h });
      y += h + gap;
    } else {
      const size = packStack(child.id, header.namespace, kids, boxes, room);
      boxes.set(child.id, { id: child.id, parent: id, x: left, y, width: size.width, height: size.height });
      inner = Math.max(inner, size.width);
      y += size.height + gap;
    }
  }
  const loose: Box[] = [];
  const leaves = kids(id).filter((n) => isGridLeaf(n.kind));
  gridPlace(
    loose,
    leaves.map((t) => t.id),
    id,
    left,
    y,
    SERVICE_COLS,
    TASK,
  );
  loose.forEach((b) => boxes.set(b.id, b));
  return { width: left + inner + right, height: y + reservedHeight(leaves.length, SERVICE_COLS, TASK, false) + pad };
}

/**
 * Service view: clusters side by side. An ECS cluster stacks its services; an EKS cluster stacks its namespaces,
 * each stacking its workloads. Services and workloads hold their tasks or pods in a grid with spare room.
 */
export function packService(graph: Graph, room: Room = NO_ROOM): Packed {
  const children = childrenIndex(graph);
  const kids = (id: string) => children.get(id) ?? [];
  const boxes = new Map<string, Box>();
  let x = 0;
  let height = 0;
  for (const cluster of kids('').filter((n) => n.kind === 'cluster')) {
    const size = packStack(cluster.id, header.cluster, kids, boxes, room);
    boxes.set(cluster.id, { id: cluster.id, x, y: 0, width: size.width, height: size.height });
    x += size.width + 4 * gap;
    height = Math.max(height, size.height);
  }
  return { boxes, width: Math.max(0, x - 4 * gap), height, columns: new Map() };
}
