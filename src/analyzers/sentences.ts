import type { Lang } from "../i18n/lang";

/** Ends a whole sentence: terminal punctuation, then closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["»”’)\]]*\s*$/u;

/**
 * Abbreviations after which ICU's sentence segmenter wrongly breaks ("The U.S. SEC", "Mr. Lee",
 * "т.е. клиенты"): a segment ending in one of them is joined to the next.
 */
const ABBREVIATION =
  /(?:^|[\s(«"])(?:\p{Lu}\.(?:\p{Lu}\.)*|Mr|Mrs|Ms|Dr|St|vs|т\.\s?[екдп]|др|пр)\.?\s*$/u;

/** Splits text into sentences (Intl.Segmenter, ICU rules), keeping each one's trailing space. */
export function sentencesOf(text: string, lang: Lang): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  const sentences: string[] = [];
  let pending = "";
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    if (ABBREVIATION.test(pending)) continue;
    sentences.push(pending);
    pending = "";
  }
  if (pending) sentences.push(pending);
  return sentences;
}

/**
 * Fits an answer into `maxChars` by whole sentences. When the model was cut off by its token
 * limit (`cutOff`), an unfinished last sentence is dropped first. Only when not even the first
 * sentence fits is it cut at a word, with an ellipsis: the reader still gets something.
 */
export function fitSentences(
  text: string,
  lang: Lang,
  maxChars: number,
  { cutOff = false }: { cutOff?: boolean } = {},
): string {
  const sentences = sentencesOf(text.trim(), lang);
  const last = sentences.at(-1);
  if (cutOff && last !== undefined && !SENTENCE_END.test(last)) {
    // Cut inside the first sentence: keep its whole words and say that it goes on.
    if (sentences.length === 1) return cutAtWord(last, Math.min(maxChars, last.trim().length - 1));
    sentences.pop();
  }
  let kept = "";
  for (const sentence of sentences) {
    if ((kept + sentence).trimEnd().length > maxChars) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  return cutAtWord(sentences[0] ?? "", maxChars);
}

/** Cuts text to `maxChars` at a word boundary, marking the cut with an ellipsis. */
export function cutAtWord(text: string, maxChars: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed;
  const cut = trimmed.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  const head = space > maxChars / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–—-]+$/u, "")}…`;
}
