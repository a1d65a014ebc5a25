import { isInflectionOf, isModifier } from "./glossary-text";

/** Where a term is named in a text; `full` when a whole alias matched, not one of its words. */
export interface Match {
  readonly term: number;
  readonly start: number;
  readonly end: number;
  readonly full: boolean;
  readonly exact: boolean;
  /** Share of letters in common with the alias, to pick "liquidation" over "liquidity" for "liquidations". */
  readonly affinity: number;
}

/** How a question word matches an alias word: the same, an inflection, or not at all. */
export const EXACT = 2;
export const LOOSE = 1;

/**
 * "What is a merkle tree in crypto?" asks about "merkle", not crypto: when the word a question asks about
 * is unknown and the best match does not follow it as its head ("native STAKING"), answering the
 * match would answer another question.
 */
export function missesFocus(
  tokens: readonly string[],
  focus: number | undefined,
  matches: readonly Match[],
  best: Match,
): boolean {
  if (focus === undefined || (tokens[focus]?.length ?? 0) < 3) return false;
  if (matches.some((m) => m.start <= focus && focus < m.end)) return false;
  return best.start !== focus + 1;
}

/**
 * One word shared by the names of more than three terms ("what is a market?": market cap, market
 * order, market maker, bull market…) says too little to pick one, unless the thread names it.
 */
export function tooVague(best: Match, matches: readonly Match[], preferred: ReadonlySet<number>) {
  if (best.full || preferred.has(best.term)) return false;
  const rivals = matches.filter((m) => !m.full && m.start === best.start && m.exact === best.exact);
  return new Set(rivals.map((m) => m.term)).size > 3;
}

/** How much a match is what the question asks about (see focusOf): 2 head, 1 the word, 0 neither. */
export function focusScore(tokens: readonly string[], focus: number | undefined) {
  return (m: Match): number => {
    if (focus === undefined) return 0;
    if (m.full && m.start === focus + 1 && isModifier(tokens[focus] ?? "")) return 2;
    return m.start <= focus && focus < m.end ? 1 : 0;
  };
}

/**
 * Whether `m` is the head of a compound whose modifier another match names: "ethereum FEES",
 * "нативный СТЕЙКИНГ" (but not "стейкинг ЭФИРА", where the head comes first).
 */
export function headOf(tokens: readonly string[], matches: readonly Match[]) {
  return (m: Match): boolean =>
    m.full &&
    matches.some((n) => n.full && n.end === m.start && isModifier(tokens[n.end - 1] ?? ""));
}

/**
 * The word asked about; whole alias > part of one; the head of a compound; exact words > inflected; the thread's terms;
 * longer; closer in spelling; nearer the start.
 */
export function outranks(
  a: Match,
  b: Match,
  preferred: ReadonlySet<number>,
  onFocus: (m: Match) => number,
  isHead: (m: Match) => boolean = () => false,
): boolean {
  const keys = (m: Match) => [
    onFocus(m),
    m.full ? 1 : 0,
    isHead(m) ? 1 : 0,
    m.exact ? 1 : 0,
    preferred.has(m.term) ? 1 : 0,
    m.end - m.start,
    m.affinity,
    -m.start,
    -m.term,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) > (kb[i] ?? 0);
  }
  return false;
}

export function tokenMatch(q: string, qStem: string, a: string, aStem: string): number {
  if (q === a) return EXACT;
  // Short stems are too common ("за" is the stem of "заём"): those forms are listed as aliases.
  if (aStem.length >= 4 && qStem === aStem) return LOOSE;
  return isInflectionOf(q, a) ? LOOSE : 0;
}

export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
