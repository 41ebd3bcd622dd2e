import { isOwner } from '../graph/kinds';
import type { Graph } from '../graph/types';
import { gridPlace, gridWidth } from './grid';
import { childrenIndex, type Packed } from './packNetwork';
import { isGridLeaf, leafSize, SPACING } from './sizes';
import type { Box } from './types';

const TASK = leafSize('task');
const { pad, gap, header } = SPACING;
const SERVICE_COLS = 4;

/**
 * Service view: clusters side by side. An ECS cluster stacks its services; an EKS cluster stacks its namespaces,
 * each stacking its workloads. Services and workloads hold their tasks or pods in a grid.
 */
export function packService(graph: Graph): Packed {
  const children = childrenIndex(graph);
  const kids = (id: string) => children.get(id) ?? [];
  const boxes = new Map<string, Box>();
  const serviceWidth = gridWidth(SERVICE_COLS, TASK.width) + 2 * pad;

  /** Lays out a cluster's or namespace's contents below its header; returns its size. */
  const stack = (id: string, top: number): { width: number; height: number } => {
    let y = top;
    let inner = serviceWidth;
    for (const child of kids(id)) {
      if (isOwner(child)) {
        const tmp: Box[] = [];
        const used = gridPlace(
          tmp,
          kids(child.id).map((t) => t.id),
          child.id,
          pad,
          header[child.kind],
          SERVICE_COLS,
          TASK,
        );
        tmp.forEach((b) => boxes.set(b.id, b));
        const h = header[child.kind] + used + pad;
        boxes.set(child.id, { id: child.id, parent: id, x: pad, y, width: serviceWidth, height: h });
        y += h + gap;
      } else if (child.kind === 'namespace') {
        const size = stack(child.id, header.namespace);
        boxes.set(child.id, { id: child.id, parent: id, x: pad, y, width: size.width, height: size.height });
        inner = Math.max(inner, size.width);
        y += size.height + gap;
      }
    }
    const loose: Box[] = [];
    const used = gridPlace(
      loose,
      kids(id)
        .filter((n) => isGridLeaf(n.kind))
        .map((t) => t.id),
      id,
      pad,
      y,
      SERVICE_COLS,
      TASK,
    );
    loose.forEach((b) => boxes.set(b.id, b));
    return { width: inner + 2 * pad, height: y + used + pad };
  };

  let x = 0;
  let height = 0;
  for (const cluster of kids('').filter((n) => n.kind === 'cluster')) {
    const size = stack(cluster.id, header.cluster);
    boxes.set(cluster.id, { id: cluster.id, x, y: 0, width: size.width, height: size.height });
    x += size.width + 4 * gap;
    height = Math.max(height, size.height);
  }
  return { boxes, width: Math.max(0, x - 4 * gap), height, columns: new Map() };
}
