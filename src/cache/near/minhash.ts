/**
 * MinHash signatures: for each of `size` hash functions, the smallest hash of a text's
 * shingles. The share of equal positions in two signatures estimates the Jaccard similarity of
 * the two shingle sets. Hash functions are (a·x + b) mod 2^32 with odd a, fixed by a seed so
 * signatures are the same in every process.
 */
export function createMinHash(size: number, seed = 0x5eed) {
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  let state = seed >>> 0;
  const next = () => {
    // xorshift32: enough to pick hash parameters.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < size; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return {
    size,
    signature(shingles: Uint32Array): Uint32Array {
      const out = new Uint32Array(size).fill(0xffffffff);
      for (const x of shingles) {
        for (let i = 0; i < size; i++) {
          // Mix x first so that nearby shingle hashes do not give nearby values.
          const h = (Math.imul(a[i] ?? 1, mix(x)) + (b[i] ?? 0)) >>> 0;
          if (h < (out[i] ?? 0)) out[i] = h;
        }
      }
      return out;
    },
  };
}

/** The share of positions where two signatures agree. */
export function similarity(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return x.length === 0 ? 0 : same / x.length;
}

function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
