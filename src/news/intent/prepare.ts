/** Web addresses, with or without a scheme (binance-rewards.io, t.me/channel). */
export const URL_PATTERN =
  /(?:https?:\/\/|www\.)[^\s<>"']+|(?<![\p{L}\p{N}@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|net|org|ru|app|live|co|me|xyz|info|site|online|finance|news)(?:\/[^\s<>"']*)?(?![\p{L}\p{N}])/giu;
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u{FE0E}\u{FE0F}\u{20E3}]|\u{200D}/gu;
const INVISIBLE = /[\u{200B}\u{200C}\u{2060}\u{FEFF}\u{00AD}]/gu;
const HASHTAG = /(?<![\p{L}\p{N}])#([\p{L}\p{N}_]+)/gu;
const MENTION = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]{3,}/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu;
const HAS_LETTER = /\p{L}/u;
// "Subscribe 👉 @channel", "via @x", "Подписывайтесь: @…", "Forwarded from …", "— Name | t.me/…".
const FOOTER_LINE =
  /^[\s\p{P}\p{S}]*(?:subscribe|follow us|follow|join us|via|source|forwarded from|read more|stay tuned|подпис\p{L}*|переслано|наш (?:чат|канал)|канал|источник|читайте|делитесь)(?![\p{L}])/iu;

/** A message taken apart for the intent rules. */
export interface Prepared {
  /** The analysed text: NFKC, invisible characters removed, capped to the analysis limit. */
  readonly text: string;
  readonly urls: readonly string[];
  /** The text without addresses, emoji, mentions, hashtags and channel footer lines. */
  readonly body: string;
  /** Hashtag words ("#Bitcoin" → "Bitcoin"), which still say what a post is about. */
  readonly tags: string;
  /** Words of the body that contain a letter. */
  readonly words: readonly string[];
  readonly hashtags: number;
  /** A channel footer or a forwarded-from header was seen. */
  readonly footer: boolean;
}

function isFooter(line: string): boolean {
  if (FOOTER_LINE.test(line)) return true;
  // A short line that points at a channel is a signature, not content.
  const pointsAway = /@[\p{L}\p{N}_]{3,}|t\.me\//u.test(line);
  return pointsAway && (line.match(WORD)?.length ?? 0) <= 8;
}

/**
 * Drops channel signatures and forwarded-from lines ("Subscribe @x", "via @x", "— Name | t.me/x").
 * Only under other content: a one-line message is content, whatever it points at.
 */
export function withoutFooters(text: string): {
  readonly content: string;
  readonly footer: boolean;
} {
  const lines = text.split("\n");
  if (lines.filter((l) => l.trim()).length < 2) return { content: text, footer: false };
  const kept = lines.filter((l) => !(l.trim() && isFooter(l)));
  return { content: kept.join("\n"), footer: kept.length < lines.length };
}

/** Splits a message into what the rules look at; cheap and total (never throws). */
export function prepare(input: string, maxChars: number): Prepared {
  const text = input.slice(0, maxChars).normalize("NFKC").replace(INVISIBLE, "");
  const urls = text.match(URL_PATTERN) ?? [];
  const tagWords: string[] = [];
  for (const m of text.matchAll(HASHTAG)) tagWords.push(m[1] ?? "");
  const { content, footer } = withoutFooters(text);
  const body = content
    .replace(URL_PATTERN, " ")
    .replace(EMOJI, " ")
    .replace(HASHTAG, " ")
    .replace(MENTION, " ")
    .replace(/[^\S\n]+/g, " ")
    .trim();
  const words = (body.match(WORD) ?? []).filter((w) => HAS_LETTER.test(w));
  return { text, urls, body, tags: tagWords.join(" "), words, hashtags: tagWords.length, footer };
}
