// The soak's random numbers: a small seeded generator (SplitMix32), so that a run is
// reproduced exactly from its printed seed. Never Math.random.

/** A seeded random source with the helpers the soak's actions use. */
export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  }

  /** A whole number from `lo` to `hi`, both included. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p) {
    return this.next() < p;
  }

  /** One item of `items` (undefined for none). */
  pick(items) {
    return items.length ? items[Math.floor(this.next() * items.length)] : undefined;
  }

  /** `n` different items of `items`, in random order. */
  sample(items, n) {
    const pool = [...items];
    const out = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }

  /** A key of `weights` ({key: weight}), chosen in proportion to its weight. */
  weighted(weights) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]?.[0];
  }
}
