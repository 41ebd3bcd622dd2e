import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_PADDING } from '../canvas/viewport';
import type { Layout } from '../topology/layout/types';

/**
 * On a wallboard nobody pans: the whole map is fitted to the screen on each new layout (a view cycled in, the
 * estate grown). Drawn inside the map's toolbar, where React Flow's camera is in reach; two frames later, so the
 * map's own first camera, set in the same commit, is not the last word.
 */
export function KioskFit({ layout }: { layout: Layout }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => void fitView({ padding: FIT_PADDING }));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [layout, fitView]);
  return null;
}
