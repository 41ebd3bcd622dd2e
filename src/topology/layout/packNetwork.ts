import type { Graph, GraphNode } from '../graph/types';
import { gridPlace, gridWidth } from './grid';
import { isGridLeaf, isHost, leafSize, reservedHeight, SPACING } from './sizes';
import type { Box } from './types';

const TASK = leafSize('task');
const { pad, gap, header } = SPACING;

export interface Packed {
  boxes: Map<string, Box>;
  width: number;
  height: number;
  /** Absolute x range of each AZ column of the first VPC, for load balancers that span them */
  columns: Map<string, { x: number; width: number }>;
}

export function childrenIndex(graph: Graph): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const key = n.parent ?? '';
    const list = out.get(key);
    if (list) list.push(n);
    else out.set(key, [n]);
  }
  return out;
}

const isLeaf = (n: GraphNode) => isGridLeaf(n.kind);

/**
 * Task grid columns of a subnet: four for a readable subnet, more as the busiest subnet grows, so a large estate
 * stays roughly as wide as it is tall instead of becoming a narrow tower.
 */
export function columnsFor(maxItems: number): number {
  return Math.min(40, Math.max(4, Math.ceil(Math.sqrt(maxItems / 2))));
}

/** Grid columns of a container instance holding `n` tasks: wide enough for a squarish block, never wider than the subnet. */
export function hostColumns(n: number, subnetCols: number): number {
  return Math.min(subnetCols, Math.max(2, Math.ceil(Math.sqrt(n * 1.5))));
}

/** A host's box and its tasks' grid, `cols` wide, with spare room; the host's own box is left to the caller. */
export function packHost(hostId: string, kids: (id: string) => GraphNode[], cols: number, boxes: Map<string, Box>): { width: number; height: number } {
  const tasks = kids(hostId);
  const tmp: Box[] = [];
  gridPlace(
    tmp,
    tasks.map((t) => t.id),
    hostId,
    pad,
    header.node,
    cols,
    TASK,
  );
  tmp.forEach((b) => boxes.set(b.id, b));
  return { width: gridWidth(cols, TASK.width) + 2 * pad, height: header.node + reservedHeight(tasks.length, cols, TASK) + pad };
}

/** Task columns that fit a box `width` wide whose grid starts `inset` from either side. */
export function columnsIn(width: number, inset: number): number {
  return Math.max(1, Math.floor((width - 2 * inset + gap) / (TASK.width + gap)));
}

/**
 * Lays out one subnet's contents in a grid `cols` tasks wide: hosts in shelves, then its own tasks, with spare room.
 * Returns its natural height.
 */
export function packSubnetContents(subnetId: string, kids: (id: string) => GraphNode[], cols: number, boxes: Map<string, Box>): number {
  const innerWidth = gridWidth(cols, TASK.width) + 2 * pad;
  let y = header.subnet;
  const content = kids(subnetId);
  // Hosts fill shelves left to right; a shelf is as tall as its tallest host.
  let x = pad;
  let shelf = 0;
  for (const host of content.filter((n) => isHost(n.kind))) {
    const { width, height } = packHost(host.id, kids, hostColumns(kids(host.id).length, cols), boxes);
    if (x > pad && x + width > pad + innerWidth) {
      y += shelf + gap;
      x = pad;
      shelf = 0;
    }
    boxes.set(host.id, { id: host.id, parent: subnetId, x, y, width, height });
    x += width + gap;
    shelf = Math.max(shelf, height);
  }
  if (shelf) y += shelf + gap;
  const loose: Box[] = [];
  const leaves = content.filter(isLeaf);
  gridPlace(
    loose,
    leaves.map((t) => t.id),
    subnetId,
    pad + pad,
    y,
    cols,
    TASK,
  );
  loose.forEach((b) => boxes.set(b.id, b));
  return Math.max(y + reservedHeight(leaves.length, cols, TASK) + pad, header.subnet + TASK.height / 2);
}

/**
 * Deterministic packing of the network view: VPC › AZ columns › subnets (public rows above private, aligned across
 * AZs) › container instances and EKS nodes side by side in shelves › tasks in a grid, replicas of one service side by side,
 * each grid with spare room (`SPARE`).
 * Milliseconds at 20,000 tasks.
 */
export function packNetwork(graph: Graph): Packed {
  const children = childrenIndex(graph);
  const kids = (id: string) => children.get(id) ?? [];
  const boxes = new Map<string, Box>();
  const subnets = graph.nodes.filter((n) => n.kind === 'subnet');
  // A subnet's size in task slots: its loose tasks plus its hosts' tasks (each host at least one row of two).
  const slots = (s: GraphNode) => kids(s.id).reduce((n, k) => n + (isHost(k.kind) ? Math.max(2, kids(k.id).length) : 1), 0);
  const cols = columnsFor(Math.max(0, ...subnets.map(slots)));
  const innerWidth = gridWidth(cols, TASK.width) + 2 * pad;
  const subnetWidth = innerWidth + 2 * pad;
  const azWidth = subnetWidth + 2 * pad;

  const packSubnet = (subnet: GraphNode): number => packSubnetContents(subnet.id, kids, cols, boxes);

  let vpcX = 0;
  let totalHeight = 0;
  const columns = new Map<string, { x: number; width: number }>();
  for (const vpc of kids('').filter((n) => n.kind === 'vpc')) {
    const azBoxes = kids(vpc.id).filter((n) => n.kind === 'az');
    // Row alignment: the i-th public subnet of every AZ shares a row, then the i-th private one.
    const rowsOf = (az: GraphNode) => {
      const list = kids(az.id).filter((n) => n.kind === 'subnet');
      const isPublic = (s: GraphNode) => s.kind === 'subnet' && s.exposure === 'public';
      return { pub: list.filter(isPublic), priv: list.filter((s) => s.kind === 'subnet' && !isPublic(s)) };
    };
    const pubRows = Math.max(0, ...azBoxes.map((a) => rowsOf(a).pub.length));
    const privRows = Math.max(0, ...azBoxes.map((a) => rowsOf(a).priv.length));
    const rowHeights = new Array<number>(pubRows + privRows).fill(0);
    const natural = new Map<string, number>();
    for (const az of azBoxes) {
      const { pub, priv } = rowsOf(az);
      [...pub.map((s, i) => [s, i] as const), ...priv.map((s, i) => [s, pubRows + i] as const)].forEach(([s, row]) => {
        const h = packSubnet(s);
        natural.set(s.id, row);
        rowHeights[row] = Math.max(rowHeights[row] ?? 0, h);
      });
    }
    const rowY = rowHeights.map((_, i) => header.az + rowHeights.slice(0, i).reduce((a, h) => a + h + gap, 0));
    const azHeight = header.az + rowHeights.reduce((a, h) => a + h + gap, 0) - gap + pad;
    azBoxes.forEach((az, i) => {
      const x = pad + i * (azWidth + gap);
      boxes.set(az.id, { id: az.id, parent: vpc.id, x, y: header.vpc, width: azWidth, height: azHeight });
      if (az.kind === 'az' && !columns.has(az.label)) columns.set(az.label, { x: vpcX + x, width: azWidth });
      for (const s of kids(az.id).filter((n) => n.kind === 'subnet')) {
        const row = natural.get(s.id) ?? 0;
        boxes.set(s.id, { id: s.id, parent: az.id, x: pad, y: rowY[row] ?? header.az, width: subnetWidth, height: rowHeights[row] ?? 0 });
      }
    });
    const width = 2 * pad + azBoxes.length * azWidth + Math.max(0, azBoxes.length - 1) * gap;
    const height = header.vpc + azHeight + pad;
    boxes.set(vpc.id, { id: vpc.id, x: vpcX, y: 0, width, height });
    vpcX += width + 4 * gap;
    totalHeight = Math.max(totalHeight, height);
  }
  return { boxes, width: Math.max(0, vpcX - 4 * gap), height: totalHeight, columns };
}
