/**
 * A binary min-heap of state ids keyed by estimated total cost; among equal estimates the one furthest along comes
 * first (so a search dives down one of many equally good routes instead of widening over all of them), then the
 * earlier push, so searches are deterministic. Kept in flat arrays: a large map pushes hundreds of thousands of
 * states, and an object per push cost more in garbage collection than the search itself. Each push's values are
 * written once, at its push number; the heap itself moves only push numbers, one int per level.
 */
export class Heap {
  private ids = new Int32Array(1024);
  private keys = new Float64Array(1024);
  private fars = new Float64Array(1024);
  /** Push numbers in heap order */
  private order = new Int32Array(1024);
  private seq = 0;
  size = 0;

  clear(): void {
    this.size = 0;
    this.seq = 0;
  }

  /** Push a comes before push b. */
  private before(a: number, b: number): boolean {
    const keys = this.keys;
    const ka = keys[a] ?? 0;
    const kb = keys[b] ?? 0;
    if (ka !== kb) return ka < kb;
    const fa = this.fars[a] ?? 0;
    const fb = this.fars[b] ?? 0;
    if (fa !== fb) return fa > fb;
    return a < b;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const grown = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
    this.ids = grown(this.ids, new Int32Array(n));
    this.keys = grown(this.keys, new Float64Array(n));
    this.fars = grown(this.fars, new Float64Array(n));
    this.order = grown(this.order, new Int32Array(n));
  }

  push(key: number, far: number, id: number): void {
    if (this.seq === this.ids.length) this.grow();
    const seq = this.seq++;
    this.ids[seq] = id;
    this.keys[seq] = key;
    this.fars[seq] = far;
    const order = this.order;
    let i = this.size++;
    // Sift the hole up, then drop the entry in: a move per level instead of a swap.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = order[p] ?? 0;
      if (!this.before(seq, q)) break;
      order[i] = q;
      i = p;
    }
    order[i] = seq;
  }

  pop(): number {
    const order = this.order;
    const top = this.ids[order[0] ?? 0] ?? -1;
    const last = --this.size;
    if (last > 0) {
      const moving = order[last] ?? 0;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const ol = order[l] ?? 0;
        const or = order[r] ?? 0;
        const c = r < last && this.before(or, ol) ? r : l;
        const oc = c === r ? or : ol;
        if (this.before(moving, oc)) break;
        order[i] = oc;
        i = c;
      }
      order[i] = moving;
    }
    return top;
  }
}
