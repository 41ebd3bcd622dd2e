import { createContext, useContext } from 'react';
import { hoverFacts } from '../../topology/graph/hoverFacts';
import { problems, type Problem } from '../../topology/graph/problems';
import type { Topology } from '../../topology/model';
import { problemsByNode } from '../../topology/graph/problemsByNode';

/** What the boxes draw beside their own words: their problems, and their key facts on hover. */
export interface MapProblems {
  /** Graph node id → its problems, critical first */
  byNode: ReadonlyMap<string, readonly Problem[]>;
  /** A box's tooltip facts (hoverFacts), undefined for a box whose words say them */
  facts: (id: string) => string | undefined;
}

const NONE: readonly Problem[] = [];

/** Pure: the context value for a topology, built once per topology by the map. */
export function mapProblems(topology: Topology): MapProblems {
  const byNode = problemsByNode(topology, problems(topology));
  return { byNode, facts: (id) => hoverFacts(topology, id, byNode.get(id)) };
}

/** Provided by the map; without a provider (an export's offscreen render) boxes draw no badges and no facts. */
export const ProblemsContext = createContext<MapProblems>({ byNode: new Map(), facts: () => undefined });

/** A box's own problems: the same empty list for every box without any, so a memoized box does not re-render. */
export function useNodeProblems(id: string): readonly Problem[] {
  return useContext(ProblemsContext).byNode.get(id) ?? NONE;
}

/** A box's tooltip: its key facts and problems (hoverFacts), undefined for a box whose words say them. */
export function useNodeFacts(id: string): string | undefined {
  return useContext(ProblemsContext).facts(id);
}
