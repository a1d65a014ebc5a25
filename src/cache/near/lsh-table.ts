/**
 * The LSH buckets of a near-duplicate index, in flat typed arrays: an open-addressing table
 * from a band's hash to the first node of its chain, and a `next` link per node. A node is one
 * (slot, band) pair, numbered slot × bands + band, so an entry costs `bands` links and no
 * objects. Millions of buckets fit in tens of megabytes; a Map of Sets took ten times that.
 */
export function createLshTable(bands: number) {
  const EMPTY = -1;
  let capacity = 1 << 16;
  let keys = new Uint32Array(capacity);
  let heads = new Int32Array(capacity).fill(EMPTY);
  let used = new Uint8Array(capacity);
  let occupied = 0;
  let next = new Int32Array(1 << 16).fill(EMPTY);

  const position = (key: number): number => {
    let at = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      at &= capacity - 1;
      if (!used[at] || keys[at] === key) return at;
      at++;
    }
  };

  const grow = () => {
    const old = { keys, heads, used, capacity };
    capacity *= 2;
    keys = new Uint32Array(capacity);
    heads = new Int32Array(capacity).fill(EMPTY);
    used = new Uint8Array(capacity);
    for (let i = 0; i < old.capacity; i++) {
      if (!old.used[i]) continue;
      const at = position(old.keys[i] ?? 0);
      used[at] = 1;
      keys[at] = old.keys[i] ?? 0;
      heads[at] = old.heads[i] ?? EMPTY;
    }
  };

  const ensureNodes = (node: number) => {
    if (node < next.length) return;
    let length = next.length;
    while (length <= node) length *= 2;
    const grown = new Int32Array(length).fill(EMPTY);
    grown.set(next);
    next = grown;
  };

  return {
    /** Puts `slot` in the bucket `key` of `band`. */
    add(key: number, slot: number, band: number): void {
      if ((occupied + 1) * 2 > capacity) grow();
      const node = slot * bands + band;
      ensureNodes(node);
      const at = position(key);
      if (!used[at]) {
        used[at] = 1;
        keys[at] = key;
        occupied++;
      }
      next[node] = heads[at] ?? EMPTY;
      heads[at] = node;
    },
    /** Takes `slot` out of the bucket `key` of `band`. */
    remove(key: number, slot: number, band: number): void {
      const at = position(key);
      if (!used[at]) return;
      const node = slot * bands + band;
      let previous = EMPTY;
      for (let current = heads[at] ?? EMPTY; current !== EMPTY; current = next[current] ?? EMPTY) {
        if (current !== node) {
          previous = current;
          continue;
        }
        if (previous === EMPTY) heads[at] = next[current] ?? EMPTY;
        else next[previous] = next[current] ?? EMPTY;
        return;
      }
    },
    /** Calls `visit` with every slot in the bucket `key`. */
    forEach(key: number, visit: (slot: number) => void): void {
      const at = position(key);
      if (!used[at]) return;
      for (let node = heads[at] ?? EMPTY; node !== EMPTY; node = next[node] ?? EMPTY) {
        visit(Math.floor(node / bands));
      }
    },
  };
}
