import { describe, expect, it } from 'vitest';
import { Heap } from './routeHeap';

/** A small deterministic generator, so a failure names its seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('Heap', () => {
  it('pops by least key, then furthest along, then earliest push, through interleaved pushes and pops', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = lcg(seed);
      const heap = new Heap();
      // The reference: every live entry in a list, the first in the heap's order taken each time.
      const live: { key: number; far: number; seq: number; id: number }[] = [];
      let seq = 0;
      const popped: number[] = [];
      const expected: number[] = [];
      // Few distinct keys and distances, so ties on both are common; enough pushes to grow the arrays.
      for (let step = 0; step < 3000; step++) {
        if (rand() < 0.6 || !live.length) {
          const [key, far, id] = [Math.floor(rand() * 8), Math.floor(rand() * 4), step];
          heap.push(key, far, id);
          live.push({ key, far, seq: seq++, id });
        } else {
          live.sort((a, b) => a.key - b.key || b.far - a.far || a.seq - b.seq);
          expected.push(live.shift()?.id ?? -1);
          popped.push(heap.pop());
        }
      }
      expect(heap.size).toBe(live.length);
      expect(popped).toEqual(expected);
    }
  });

  it('starts empty again after clear, counting pushes afresh', () => {
    const heap = new Heap();
    heap.push(1, 0, 10);
    heap.push(1, 0, 11);
    heap.clear();
    heap.push(2, 0, 20);
    heap.push(2, 0, 21);
    expect([heap.pop(), heap.pop(), heap.size]).toEqual([20, 21, 0]);
  });
});
