/**
 * A binary min-heap of state ids keyed by estimated total cost; among equal estimates the one furthest along comes
 * first (so a search dives down one of many equally good routes instead of widening over all of them), then the
 * earlier push, so searches are deterministic. Kept in flat arrays: a large map pushes hundreds of thousands of
 * states, and an object per push cost more in garbage collection than the search itself.
 */
export class Heap {
  private ids = new Int32Array(1024);
  private keys = new Float64Array(1024);
  private fars = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private seq = 0;
  size = 0;

  clear(): void {
    this.size = 0;
    this.seq = 0;
  }

  /** An entry with these values comes before the entry at slot b. */
  private before(key: number, far: number, seq: number, b: number): boolean {
    const kb = this.keys[b] ?? 0;
    if (key !== kb) return key < kb;
    const fb = this.fars[b] ?? 0;
    if (far !== fb) return far > fb;
    return seq < (this.seqs[b] ?? 0);
  }

  private move(to: number, from: number): void {
    this.ids[to] = this.ids[from] ?? 0;
    this.keys[to] = this.keys[from] ?? 0;
    this.fars[to] = this.fars[from] ?? 0;
    this.seqs[to] = this.seqs[from] ?? 0;
  }

  private put(at: number, id: number, key: number, far: number, seq: number): void {
    this.ids[at] = id;
    this.keys[at] = key;
    this.fars[at] = far;
    this.seqs[at] = seq;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const grown = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
    this.ids = grown(this.ids, new Int32Array(n));
    this.keys = grown(this.keys, new Float64Array(n));
    this.fars = grown(this.fars, new Float64Array(n));
    this.seqs = grown(this.seqs, new Float64Array(n));
  }

  push(key: number, far: number, id: number): void {
    if (this.size === this.ids.length) this.grow();
    const seq = this.seq++;
    let i = this.size++;
    // Sift the hole up, then drop the entry in: a move per level instead of a swap.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(key, far, seq, p)) break;
      this.move(i, p);
      i = p;
    }
    this.put(i, id, key, far, seq);
  }

  pop(): number {
    const top = this.ids[0] ?? -1;
    const last = --this.size;
    if (last > 0) {
      const id = this.ids[last] ?? 0;
      const key = this.keys[last] ?? 0;
      const far = this.fars[last] ?? 0;
      const seq = this.seqs[last] ?? 0;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.before(this.keys[r] ?? 0, this.fars[r] ?? 0, this.seqs[r] ?? 0, l) ? r : l;
        if (this.before(key, far, seq, c)) break;
        this.move(i, c);
        i = c;
      }
      this.put(i, id, key, far, seq);
    }
    return top;
  }
}
