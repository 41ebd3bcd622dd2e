import type { Graph } from '../graph/types';
import { gridPlace, gridWidth } from './grid';
import { childrenIndex, type Packed } from './packNetwork';
import { isGridLeaf, leafSize, SPACING } from './sizes';
import type { Box } from './types';

const TASK = leafSize('task');
const { pad, gap, header } = SPACING;
const SERVICE_COLS = 4;

/** Service view: clusters side by side, each holding its services stacked, each service holding its tasks. */
export function packService(graph: Graph): Packed {
  const children = childrenIndex(graph);
  const kids = (id: string) => children.get(id) ?? [];
  const boxes = new Map<string, Box>();
  const serviceWidth = gridWidth(SERVICE_COLS, TASK.width) + 2 * pad;
  let x = 0;
  let height = 0;
  for (const cluster of kids('').filter((n) => n.kind === 'cluster')) {
    let y = header.cluster;
    for (const s of kids(cluster.id).filter((n) => n.kind === 'service')) {
      const tmp: Box[] = [];
      const used = gridPlace(
        tmp,
        kids(s.id).map((t) => t.id),
        s.id,
        pad,
        header.service,
        SERVICE_COLS,
        TASK,
      );
      tmp.forEach((b) => boxes.set(b.id, b));
      const h = header.service + used + pad;
      boxes.set(s.id, { id: s.id, parent: cluster.id, x: pad, y, width: serviceWidth, height: h });
      y += h + gap;
    }
    const loose: Box[] = [];
    const used = gridPlace(
      loose,
      kids(cluster.id)
        .filter((n) => isGridLeaf(n.kind))
        .map((t) => t.id),
      cluster.id,
      pad,
      y,
      SERVICE_COLS,
      TASK,
    );
    loose.forEach((b) => boxes.set(b.id, b));
    const h = y + used + pad;
    const width = serviceWidth + 2 * pad;
    boxes.set(cluster.id, { id: cluster.id, x, y: 0, width, height: h });
    x += width + 4 * gap;
    height = Math.max(height, h);
  }
  return { boxes, width: Math.max(0, x - 4 * gap), height, columns: new Map() };
}
