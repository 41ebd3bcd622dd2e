/** A placed node: position relative to its parent's top-left corner (React Flow's parentId convention). */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parent?: string;
}

export interface Layout {
  /** Parents before children, as in the graph */
  boxes: Box[];
  width: number;
  height: number;
  /**
   * Each edge's route, by edge id: an orthogonal polyline in absolute coordinates that enters its own target and
   * crosses no unrelated box (`routeEdges`). An edge without one is drawn by `present/edges` from its ends.
   */
  routes?: Record<string, [number, number][]>;
}
