import { describe, expect, expectTypeOf, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from '../graph/buildGraph';
import { layoutGraph } from './layoutGraph';
import type { Box, Layout } from './types';

describe('the layout types', () => {
  it('name a box’s parent by id, as React Flow’s parentId does', () => {
    expectTypeOf<Box['parent']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Layout['boxes']>().toEqualTypeOf<Box[]>();
  });

  it('hold what layoutGraph gives for the demo: one box per node, parents first, children inside their parent', () => {
    for (const view of ['network', 'service'] as const) {
      const graph = buildGraph(demoTopology(), { view, expanded: new Set() });
      const layout = layoutGraph(graph);
      expect(layout.boxes.map((b) => b.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      const placed = new Map<string, Box>();
      for (const b of layout.boxes) {
        const parent = b.parent === undefined ? { width: layout.width, height: layout.height } : placed.get(b.parent);
        expect(parent, `${b.id} after its parent`).toBeDefined();
        // Relative to the parent's top-left corner, so a child never reaches past its parent's size.
        if (parent) expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= parent.width && b.y + b.height <= parent.height, b.id).toBe(true);
        placed.set(b.id, b);
      }
    }
  });
});
