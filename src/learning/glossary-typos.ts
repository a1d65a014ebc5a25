import { distance } from "fastest-levenshtein";
import type { Match } from "./glossary-rank";
import { STOPWORDS } from "./glossary-text";

/** Shorter words are matched exactly only: one edit turns "стейт" (state) into "стейк" (stake). */
const MIN_LENGTH = 6;

/** Edits allowed for a word of `length` letters. */
function allowed(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * Finds the term a misspelt word most likely means ("стейкен" -> staking) among one-word aliases,
 * with the same first letter and within one edit (two for words of 8+ letters). Ties go to
 * `preferred` terms, then to the first.
 */
export function createTypoFinder(aliases: readonly (readonly [word: string, term: number])[]) {
  const byLength = new Map<number, (readonly [string, number])[]>();
  for (const [word, term] of aliases) {
    if (word.length < MIN_LENGTH) continue;
    const list = byLength.get(word.length) ?? [];
    list.push([word, term]);
    byLength.set(word.length, list);
  }

  return function find(word: string, preferred: ReadonlySet<number>): number | undefined {
    if (word.length < MIN_LENGTH) return undefined;
    const limit = allowed(word.length);
    let best: { term: number; edits: number; preferred: boolean } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const [alias, term] of byLength.get(length) ?? []) {
        // People rarely mistype the first letter; requiring it keeps "шардинг" from "фарминг".
        if (alias[0] !== word[0]) continue;
        const edits = distance(word, alias);
        if (edits > Math.min(limit, allowed(alias.length))) continue;
        const better =
          best === undefined ||
          edits < best.edits ||
          (edits === best.edits && preferred.has(term) && !best.preferred);
        if (better) best = { term, edits, preferred: preferred.has(term) };
      }
    }
    return best?.term;
  };
}

/**
 * The term a misspelt word of a question means: the word asked about (see focusOf), or one of
 * the words of a message that is just a term or two ("халвнг?"). Words a match covers are fine.
 */
export function misspelt(
  tokens: readonly string[],
  focus: number | undefined,
  matches: readonly Match[],
  find: (word: string) => number | undefined,
): number | undefined {
  const open = tokens.flatMap((token, i) =>
    STOPWORDS.has(token) || matches.some((m) => m.start <= i && i < m.end) ? [] : [i],
  );
  const tried = focus === undefined ? (open.length <= 2 ? open : []) : [focus];
  for (const i of tried) {
    const term = find(tokens[i] ?? "");
    if (term !== undefined) return term;
  }
  return undefined;
}
