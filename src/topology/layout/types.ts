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
}

/** The slice of elkjs the band layout uses, so the core does not depend on how ELK is loaded (worker or Node). */
export interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}
