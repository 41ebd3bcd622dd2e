/**
 * What a seeded synthetic estate is made from, shared by the fake AWS's generated worlds and the core's synthetic
 * topologies: the same size and seed describe the same estate on both sides.
 */

/** How large an estate to make; the seed picks how tasks spread over services and which targets fail. */
export interface EstateSize {
  clusters: number;
  services: number;
  tasks: number;
  loadBalancers: number;
  azs: number;
  seed: number;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same seed gives the same estate on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
