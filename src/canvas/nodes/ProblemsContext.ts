import { createContext, useCallback, useContext, useState } from 'react';
import { hoverFacts } from '../../topology/graph/hoverFacts';
import { problems, type Problem } from '../../topology/graph/problems';
import type { Topology } from '../../topology/model';
import { problemsByNode } from '../../topology/graph/problemsByNode';

/** What the boxes draw beside their own words: their problems, and their key facts on hover. */
export interface MapProblems {
  /** Graph node id → its problems, critical first */
  byNode: ReadonlyMap<string, readonly Problem[]>;
  /** A box's tooltip facts (hoverFacts), undefined for a box whose words say them; computed once per box when asked */
  facts: (id: string) => string | undefined;
}

const NONE: readonly Problem[] = [];

/** Pure: the context value for a topology, built once per topology by the map. */
export function mapProblems(topology: Topology): MapProblems {
  const byNode = problemsByNode(topology, problems(topology));
  const known = new Map<string, string | undefined>();
  return {
    byNode,
    facts: (id) => {
      if (!known.has(id)) known.set(id, hoverFacts(topology, id, byNode.get(id)));
      return known.get(id);
    },
  };
}

/** Provided by the map; without a provider (an export's offscreen render) boxes draw no badges and no facts. */
export const ProblemsContext = createContext<MapProblems>({ byNode: new Map(), facts: () => undefined });

/** A box's own problems: the same empty list for every box without any, so a memoized box does not re-render. */
export function useNodeProblems(id: string): readonly Problem[] {
  return useContext(ProblemsContext).byNode.get(id) ?? NONE;
}

/** What a box spreads on its element for its tooltip: the title once asked for, and the handlers that ask. */
export interface FactsProps {
  title?: string;
  onPointerEnter: () => void;
  onFocus: () => void;
}

/**
 * A box's tooltip: its key facts and problems (hoverFacts), undefined for a box whose words say them. Worked out
 * when the pointer or the focus first comes to the box, not for every box the map draws: a subnet's or a VPC's
 * facts count every address in it, which on a large estate would cost each live update tens of milliseconds.
 */
export function useNodeFacts(id: string): FactsProps {
  const { facts } = useContext(ProblemsContext);
  const [asked, setAsked] = useState(false);
  const ask = useCallback(() => setAsked(true), []);
  const title = asked ? facts(id) : undefined;
  return title === undefined ? { onPointerEnter: ask, onFocus: ask } : { title, onPointerEnter: ask, onFocus: ask };
}
