import { createSanitizer } from "./sanitize";
import { cutAtWord } from "./sentences";

/** Telegram's limit for a message (and a draft) text. */
const TELEGRAM_MAX_TEXT = 4096;

/**
 * Emphasis, strike and code markers that a partial text can leave open (`**bold` before its
 * closing `**` arrives): markers touching a word on one side only. `2 * 3` and snake_case,
 * which Markdown leaves as they are, are not touched.
 */
const STRAY_MARKER =
  /(?<=^|[\s([{«"'])(?:[*_~]+|`+)(?=[^\s*_~`])|(?<=[^\s*_~`])(?:[*_~]+|`+)(?=$|[\s)\]}»"'.,;:!?…])/gmu;

/**
 * Makes drafts: the raw text of an answer still being streamed (what `onDelta` gets), made safe
 * to show with sendMessageDraft. The word still being written is held back (it may be the start
 * of a link or a wallet address), as is an HTML tag still open; the rest goes through the same
 * sanitizer as final answers (Markdown to text, links, domains and addresses removed); markers
 * of Markdown left open are dropped; the result is cut at a word to `maxChars` (ANSWER_MAX_CHARS,
 * at most Telegram's 4,096) with an ellipsis. An empty draft means there is nothing to show yet.
 * The final answer is shaped separately and replaces the draft.
 */
export function createDrafter(maxChars: number): (textSoFar: string) => string {
  const sanitize = createSanitizer();
  const limit = Math.min(maxChars, TELEGRAM_MAX_TEXT);
  return function draftOf(textSoFar) {
    const settled = withoutOpenTag(withoutLastWord(textSoFar));
    if (!settled.trim()) return "";
    const text = sanitize(settled).replace(STRAY_MARKER, "").replace(UNMATCHED_BRACKET, "");
    return cutAtWord(tidyEnd(text), limit);
  };
}

/** Drops the word still being written: everything after the last whitespace. */
function withoutLastWord(text: string): string {
  if (/\s$/u.test(text)) return text;
  const match = /\s\S*$/u.exec(text);
  return match ? text.slice(0, match.index) : "";
}

/** Cuts before a `<` whose tag is not closed yet, so no half tag (`<a href=`) shows. */
function withoutOpenTag(text: string): string {
  const open = text.lastIndexOf("<");
  return open >= 0 && text.indexOf(">", open) < 0 ? text.slice(0, open) : text;
}

/** A `[` with no `]` after it: the start of a link whose text is still coming. */
const UNMATCHED_BRACKET = /\[(?![^\]]*\])/gu;

/** An empty list item or a dangling dash a line break left at the end. */
function tidyEnd(text: string): string {
  return text.replace(/(?:\n\s*[•\-–—]?\s*)+$/u, "").trim();
}
