import { STOPWORDS } from "./glossary-text";

/** Openings of a question that ask what something is; the word after one is what is asked about. */
const CUES: readonly (readonly string[])[] = [
  "what is",
  "what s",
  "whats",
  "what are",
  "what was",
  "what does",
  "what do",
  "how does",
  "how do",
  "define",
  "explain",
  "meaning of",
  "что такое",
  "что значит",
  "что означает",
  "что это",
  "объясни",
  "объясните",
  "расскажи про",
  "расскажи о",
  "расскажите про",
  "расскажите о",
  "зачем нужен",
  "зачем нужна",
  "зачем нужно",
  "зачем нужны",
  "как работает",
  "как работают",
].map((cue) => cue.split(" "));

/**
 * The position of the word a question asks about ("what is a NONCE in crypto" -> 4), or undefined
 * when the question has no cue or nothing but function words follows it.
 */
export function focusOf(tokens: readonly string[]): number | undefined {
  // "what EXACTLY is", "что ЖЕ такое": fillers may sit inside a cue.
  const kept = tokens.flatMap((token, i) => (FILLERS.has(token) ? [] : [i]));
  const at = (k: number) => tokens[kept[k] ?? -1];
  for (let i = 0; i < kept.length; i++) {
    const cue = CUES.find((c) => c.every((word, k) => at(i + k) === word));
    if (cue === undefined) continue;
    for (let k = i + cue.length; k < kept.length; k++) {
      if (!STOPWORDS.has(at(k) ?? "")) return kept[k];
    }
    return undefined;
  }
  return undefined;
}

const FILLERS: ReadonlySet<string> = new Set(
  "exactly actually really even then so just вообще же ж все-таки именно собственно конкретно".split(
    " ",
  ),
);
