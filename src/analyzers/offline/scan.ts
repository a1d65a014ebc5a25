/** A match of one lexicon entry in a post. */
export interface Hit<T> {
  readonly item: T;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds every match of every pattern; where matches overlap, the earlier, then longer, wins,
 * so "Ethereum Classic" is not also "Ethereum" and "ключевая ставка" is counted once.
 */
export function scan<T>(text: string, entries: readonly (readonly [T, RegExp])[]): Hit<T>[] {
  const all: Hit<T>[] = [];
  for (const [item, re] of entries) {
    for (const m of text.matchAll(re)) {
      if (m[0].length > 0) all.push({ item, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<T>[] = [];
  let reached = 0;
  for (const hit of all) {
    if (hit.start < reached) continue;
    kept.push(hit);
    reached = hit.end;
  }
  return kept;
}

/** Matches of one pattern, each with the text it matched. */
export function scanOne(text: string, re: RegExp): Hit<string>[] {
  return scan(text, [[null, re]]).map((h) => ({
    ...h,
    item: text.slice(h.start, h.end).replace(/\s+/gu, " "),
  }));
}

/** Sentence index of every position: sentences end at . ! ? … followed by a space, or a line break. */
export function sentenceIndex(text: string): (at: number) => number {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?…]+(?=\s)|\n+/gu)) ends.push(m.index + m[0].length);
  return (at) => {
    let i = 0;
    while (i < ends.length && (ends[i] ?? 0) <= at) i++;
    return i;
  };
}

/** Items in first-seen order, without repeats. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
