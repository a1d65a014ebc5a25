import { type NewsFacts, sameFacts } from "./facts";
import type { NewsFingerprint } from "./fingerprint";
import { hash32 } from "./hash";
import { createLshTable } from "./lsh-table";
import { createMinHash } from "./minhash";

export interface NearIndexOptions {
  /** LSH bands × rows per band = signature size. */
  readonly bands?: number;
  readonly rows?: number;
  /** The least estimated Jaccard similarity of two texts' shingles to count as the same news. */
  readonly threshold?: number;
}

/**
 * A near-duplicate index over news texts: MinHash signatures bucketed by LSH bands, so a lookup
 * looks only at texts that share a band. A candidate matches when its language and facts are
 * the same (numbers, directions, negations and names; see facts.ts) and its estimated
 * similarity reaches the threshold; the most similar one wins. Entries live in flat arrays
 * indexed by a slot number and buckets in a typed-array table (lsh-table.ts). Since a match
 * needs equal numbers and directions (NewsFacts.key), that key is hashed into every band's
 * bucket: texts of one template with other figures ("BTC at $97,120", "BTC at $97,480", …)
 * never share a bucket, so a lookup never walks thousands of them.
 */
export function createNearIndex(options: NearIndexOptions = {}) {
  const bands = options.bands ?? 21;
  const rows = options.rows ?? 3;
  const threshold = options.threshold ?? 0.4;
  const size = bands * rows;
  const minhash = createMinHash(size);
  const slotOf = new Map<string, number>();
  const keys: (string | undefined)[] = [];
  const langs: string[] = [];
  const facts: (NewsFacts | undefined)[] = [];
  /** Per slot: the hash of its facts key, mixed into its bucket keys. */
  const salts: number[] = [];
  let signatures = new Uint32Array(size * 1024);
  const free: number[] = [];
  const buckets = createLshTable(bands);

  const bandKey = (signature: Uint32Array, offset: number, band: number, salt: number): number => {
    let h = (Math.imul(band + 1, 0x9e3779b1) ^ salt) >>> 0;
    for (let r = 0; r < rows; r++) {
      h = Math.imul(h ^ (signature[offset + band * rows + r] ?? 0), 0x01000193) >>> 0;
    }
    return h;
  };

  function remove(key: string): void {
    const slot = slotOf.get(key);
    if (slot === undefined) return;
    slotOf.delete(key);
    for (let band = 0; band < bands; band++)
      buckets.remove(bandKey(signatures, slot * size, band, salts[slot] ?? 0), slot, band);
    keys[slot] = undefined;
    facts[slot] = undefined;
    free.push(slot);
  }

  /** Estimated similarity of a query signature and the signature in `slot`. */
  const similarityTo = (signature: Uint32Array, slot: number): number => {
    let same = 0;
    const offset = slot * size;
    for (let i = 0; i < size; i++) if (signature[i] === signatures[offset + i]) same++;
    return same / size;
  };

  return {
    /** Indexes a text under `key` (replacing what `key` held). */
    add(key: string, fingerprint: NewsFingerprint): void {
      remove(key);
      const slot = free.pop() ?? keys.length;
      if ((slot + 1) * size > signatures.length) {
        const grown = new Uint32Array(signatures.length * 2);
        grown.set(signatures);
        signatures = grown;
      }
      signatures.set(minhash.signature(fingerprint.shingles), slot * size);
      slotOf.set(key, slot);
      keys[slot] = key;
      const salt = hash32(fingerprint.facts.key);
      salts[slot] = salt;
      langs[slot] = fingerprint.lang;
      facts[slot] = fingerprint.facts;
      for (let band = 0; band < bands; band++)
        buckets.add(bandKey(signatures, slot * size, band, salt), slot, band);
    },
    remove,
    /** The key of the indexed text that is the same news as `fingerprint`, if any. */
    find(fingerprint: NewsFingerprint): { key: string; similarity: number } | undefined {
      if (fingerprint.shingles.length === 0) return undefined;
      const signature = minhash.signature(fingerprint.shingles);
      const salt = hash32(fingerprint.facts.key);
      const seen = new Set<number>();
      let best: { slot: number; similarity: number } | undefined;
      const consider = (slot: number) => {
        if (seen.has(slot)) return;
        seen.add(slot);
        if (langs[slot] !== fingerprint.lang) return;
        const score = similarityTo(signature, slot);
        if (score < threshold || (best && score <= best.similarity)) return;
        const other = facts[slot];
        if (!other || !sameFacts(fingerprint.facts, other)) return;
        best = { slot, similarity: score };
      };
      for (let band = 0; band < bands; band++) {
        buckets.forEach(bandKey(signature, 0, band, salt), consider);
      }
      const key = best ? keys[best.slot] : undefined;
      return best && key ? { key, similarity: best.similarity } : undefined;
    },
    get size(): number {
      return slotOf.size;
    },
  };
}

export type NearIndex = ReturnType<typeof createNearIndex>;
