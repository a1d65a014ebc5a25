import corpus from "./corpus.json";
import { prepare } from "./prepare";
import { type ScamModel, scamLogOdds, trainScamModel } from "./scam-model";
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
  | "explain_request"
  | "bare_term"
  | "unknown_term"
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
  /** The scam wording model; by default one trained once on the bundled corpus. */
  readonly scamModel?: ScamModel;
}

/** Above these log-odds the model calls a scam, if a rule saw at least one sign of one. */
export const SCAM_MODEL_MIN_LOG_ODDS = 0;

let bundled: ScamModel | undefined;
/** The model trained on the bundled corpus, built on first use (a few ms) and kept. */
export function bundledScamModel(): ScamModel {
  bundled ??= trainScamModel(
    (corpus as readonly { text: string; intent: string }[]).map((m) => ({
      text: m.text,
      scam: m.intent === "scam",
    })),
  );
  return bundled;
}

// "Explain this:", "объясни новость:", "что это значит:" before the text to explain.
const EXPLAIN_REQUEST =
  /^\s*(?:please\s+|pls\s+|пожалуйста,?\s+)?(?:explain|what does (?:this|it) mean|what is this|объясни(?:те)?|поясни(?:те)?|расскажи(?:те)?|что (?:это )?значит|что это)(?:[\s,]+(?:this|it|the news|news|please|pls|to me|me|мне|пожалуйста|новость|это|эту новость))*\s*[:\n—]\s*/iu;

// A definition asked for one to three words: "what is a rollup", "что такое мемпул".
const UNKNOWN_TERM =
  /^(?:what(?:'s| is| are)(?: an?)?|что такое|что значит|что означает)\s+[\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+){0,2}\s*\??$/iu;

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
  const scam = decideScam(p.text, opts.scamModel ?? bundledScamModel());
  if (scam) {
    return { intent: "scam", signals: scam.map((id) => `scam:${id}` as const), scamSignals: scam };
  }
  // "Explain this: <headline>" asks RVX to explain what follows; that is what to classify.
  const request = p.text.match(EXPLAIN_REQUEST);
  if (request) {
    const rest = p.text.slice(request[0].length);
    if ((rest.match(/\p{L}+/gu) ?? []).length >= 4) {
      const inner = classifyIntent(rest, opts);
      return { ...inner, signals: ["explain_request", ...inner.signals] };
    }
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
    // "что такое мемпул": a term RVX may not know is still most likely a crypto term here.
    const unknownTerm =
      !crypto && !aboutBot && UNKNOWN_TERM.test(p.body) && !NOT_CRYPTO.test(p.body);
    if (unknownTerm) signals.push("unknown_term");
    return result(crypto || aboutBot || unknownTerm ? "question" : "offtopic", signals);
  }
  // "bitcoin", "курс биткоина": a bare term is something to look up, not a post to explain.
  if (p.words.length <= 2 && weight >= CRYPTO_MIN_QUESTION && shape.headline === 0) {
    return result("question", [...signals, "bare_term", "crypto_words"]);
  }
  // Losing real news costs more than explaining an off-topic post: a headline-shaped text with
  // one crypto-leaning word and nothing that says "sport, weather, stocks" is read as news.
  const news =
    weight >= CRYPTO_MIN || (weight > 0 && shape.headline >= 1 && !NOT_CRYPTO.test(p.body));
  if (weight > 0) signals.push("crypto_words");
  return result(news ? "news" : "offtopic", signals);
}

const NOT_ENOUGH_FOR_MODEL: ReadonlySet<ScamSignalId> = new Set([
  "mentions_secret_words",
  "promises_gain",
  "too_good_to_be_true",
]);

/** The scam signs when the rules or the model call a scam, otherwise undefined. */
function decideScam(text: string, model: ScamModel): readonly ScamSignalId[] | undefined {
  const signs = detectScam(text);
  if (isScam(signs)) return signs;
  // The model speaks only where a rule saw something a warning can name, and more than what
  // news and questions also carry (secret words, a bonus: "Bybit gives new users 50 USDT").
  const nameable = signs.some((id) => !NOT_ENOUGH_FOR_MODEL.has(id));
  if (nameable && scamLogOdds(model, text) > SCAM_MODEL_MIN_LOG_ODDS) {
    return ["resembles_known_scams", ...signs];
  }
  return undefined;
}

function result(intent: Intent, signals: readonly IntentSignal[]): IntentResult {
  return { intent, signals, scamSignals: [] };
}
