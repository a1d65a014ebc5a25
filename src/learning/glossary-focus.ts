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
  for (let i = 0; i < tokens.length; i++) {
    const cue = CUES.find((c) => c.every((word, k) => tokens[i + k] === word));
    if (cue === undefined) continue;
    for (let j = i + cue.length; j < tokens.length; j++) {
      if (!STOPWORDS.has(tokens[j] ?? "")) return j;
    }
    return undefined;
  }
  return undefined;
}
