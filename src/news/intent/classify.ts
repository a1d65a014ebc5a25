import { prepare } from "./prepare";
import { detectScam, isScam, type ScamSignalId } from "./scam-signals";
import { readShape, type ShapeSignal } from "./shape";
import { isSmalltalk } from "./smalltalk";
import { BOT_TOPIC, cryptoWeight, NOT_CRYPTO } from "./vocabulary";

/** What a text message is, so RVX can answer it as it deserves. */
export type Intent = "news" | "question" | "smalltalk" | "link" | "scam" | "offtopic";

/** All intents, in the order the rules try them (scam wins over everything). */
export const INTENTS = [
  "scam",
  "link",
  "smalltalk",
  "question",
  "news",
  "offtopic",
] as const satisfies readonly Intent[];

/** Why the classifier decided as it did; stable ids, for logs and tests. */
export type IntentSignal =
  | ShapeSignal
  | "empty"
  | "mostly_url"
  | "smalltalk_words"
  | "crypto_words"
  | "bot_topic"
  | `scam:${ScamSignalId}`;

/** The intent of one message and the signs that decided it. */
export interface IntentResult {
  readonly intent: Intent;
  readonly signals: readonly IntentSignal[];
  /** The scam signs matched (strong first); empty unless `intent` is "scam". */
  readonly scamSignals: readonly ScamSignalId[];
}

export interface ClassifyOptions {
  /** Only the first this many characters are read (Telegram's own limit by default). */
  readonly maxChars?: number;
}

/** Below this many words next to a link, the message is about the link. */
const LINK_MAX_WORDS = 6;
/** From this crypto weight on, a post is about crypto (one sure word or two weak ones). */
const CRYPTO_MIN = 1;
/** A question needs less: "what does spot mean?" names one weak term, and the glossary can try. */
const CRYPTO_MIN_QUESTION = 0.5;

/**
 * Decides the intent of a text message offline and deterministically (ru + en).
 * Never throws; empty text is small talk with the "empty" signal (callers reject it earlier).
 */
export function classifyIntent(text: string, opts: ClassifyOptions = {}): IntentResult {
  const p = prepare(text, opts.maxChars ?? 4096);
  if (!p.text.trim()) return result("smalltalk", ["empty"]);
  const scam = detectScam(p.text);
  if (isScam(scam)) {
    return { intent: "scam", signals: scam.map((id) => `scam:${id}` as const), scamSignals: scam };
  }
  if (p.urls.length > 0 && p.words.length <= LINK_MAX_WORDS) return result("link", ["mostly_url"]);
  if (isSmalltalk(p)) return result("smalltalk", ["smalltalk_words"]);

  const weight = cryptoWeight(`${p.body}\n${p.tags}`);
  const shape = readShape(p);
  const signals: IntentSignal[] = [...shape.signals];
  if (shape.asks && shape.question > shape.headline) {
    const crypto = weight >= CRYPTO_MIN_QUESTION;
    if (crypto) signals.push("crypto_words");
    const aboutBot = BOT_TOPIC.test(p.body);
    if (aboutBot) signals.push("bot_topic");
    return result(crypto || aboutBot ? "question" : "offtopic", signals);
  }
  // Losing real news costs more than explaining an off-topic post: a headline-shaped text with
  // one crypto-leaning word and nothing that says "sport, weather, stocks" is read as news.
  const news =
    weight >= CRYPTO_MIN || (weight > 0 && shape.headline >= 1 && !NOT_CRYPTO.test(p.body));
  if (weight > 0) signals.push("crypto_words");
  return result(news ? "news" : "offtopic", signals);
}

function result(intent: Intent, signals: readonly IntentSignal[]): IntentResult {
  return { intent, signals, scamSignals: [] };
}
