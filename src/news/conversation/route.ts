import type { ImageInput } from "../../analyzers/provider";
import type { ThreadRow } from "../../db/thread-reads";
import type { Lang } from "../../i18n/lang";
import type { Learner } from "../../learning/learner";
import type { IntentResult, ScamSignalId } from "../intent";
import type { LinkReading } from "../links/read-link";
import type { MessageReply } from "./reply";

/** Longest text message read; Telegram's own limit is 4096. */
export const MAX_MESSAGE_CHARS = 4000;

/** A text message as the bot layer hands it over. */
export interface MessageInput {
  readonly text: string;
  readonly chatId: number;
  /** Answer in this language instead of the user's (a group's, chosen by its admins). */
  readonly lang?: Lang;
  /** The message this one replies to (Telegram's reply-to), if any. */
  readonly replyTo?: {
    readonly messageId: number;
    /** Whether RVX sent the message replied to. */
    readonly fromBot: boolean;
    /** Whether it carried the "❓ Ask about this" button (it was an explanation or answer). */
    readonly askable: boolean;
  };
  /** The link a message that is mainly a link points at, as the bot layer read it. */
  readonly link?: LinkReading;
  /** A photo or screenshot (`text` is its caption), sent only when a provider reads images. */
  readonly image?: ImageInput;
  /** Shows an AI answer while it is written (drafts); a cached or offline answer never calls it. */
  readonly onDelta?: (textSoFar: string) => void;
}

/** What to do with a message, decided before anything is called or written. */
export type Route =
  | { readonly go: "refuse"; readonly reply: Extract<MessageReply, { ok: false }> }
  | { readonly go: "static"; readonly kind: "smalltalk" | "offtopic" | "link" }
  | { readonly go: "scam"; readonly signals: readonly ScamSignalId[] }
  | { readonly go: "news" }
  /** A link the bot layer read (its article, or only its address). */
  | { readonly go: "link"; readonly reading: LinkReading }
  /** A photo or screenshot for a provider that reads images. */
  | { readonly go: "image"; readonly image: ImageInput }
  /**
   * A question; with `thread`, a follow-up in it. `probe`: it asks what something is but names
   * nothing about crypto the classifier knows: answered only if the glossary knows the term.
   */
  | { readonly go: "question"; readonly thread?: ThreadRow; readonly probe?: true };

export interface RouteContext {
  readonly now: number;
  readonly threadTtlMs: number;
  /** The thread RVX's message `messageId` in `chatId` belongs to (see ThreadReads). */
  readonly findThread: (chatId: number, messageId: number) => ThreadRow | undefined;
}

const refuse = (reason: "banned" | "empty" | "not_ours" | "thread_gone"): Route => ({
  go: "refuse",
  reply: { ok: false, reason },
});

/** True when `text` has nothing to read. */
export const isBlank = (text: string): boolean => !text.replace(/[\s\u200b-\u200d\ufeff]/g, "");

/**
 * Routes a text message by its intent and by the thread it continues: a Telegram reply to one
 * of RVX's answers, or the message after "❓ Ask about this" (`state.asking`). A scam always
 * gets the warning, even inside a thread; small talk and links inside a thread are answered as
 * such; anything else there is a follow-up question.
 */
export function routeMessage(
  state: Learner,
  input: MessageInput,
  intent: IntentResult,
  ctx: RouteContext,
): Route {
  if (state.banned) return refuse("banned");
  if (input.image) return { go: "image", image: input.image };
  if (isBlank(input.text)) return refuse("empty");
  if (input.text.length > MAX_MESSAGE_CHARS) {
    const { length } = input.text;
    return {
      go: "refuse",
      reply: { ok: false, reason: "too_long", length, max: MAX_MESSAGE_CHARS },
    };
  }
  if (intent.intent === "scam") return { go: "scam", signals: intent.scamSignals };
  // A link the bot layer read is news from its page, also inside a thread; a scam link is not.
  if (input.link) return { go: "link", reading: input.link };
  const followed = followUpOf(state, input, ctx);
  if (followed === "gone") return refuse("thread_gone");
  if (followed === "not_ours") return refuse("not_ours");
  if (followed) {
    // After "Ask about this", a pasted post is new news, not a question about the old one.
    if (!input.replyTo && intent.intent === "news" && looksLikePost(input.text)) {
      return { go: "news" };
    }
    if (intent.intent === "smalltalk" || intent.intent === "link") {
      return { go: "static", kind: intent.intent };
    }
    return { go: "question", thread: followed };
  }
  switch (intent.intent) {
    case "news":
      return { go: "news" };
    case "question":
      return { go: "question" };
    case "offtopic":
      // "What is a nonce?": the glossary may know a term the classifier does not.
      return intent.signals.includes("asks_meaning")
        ? { go: "question", probe: true }
        : { go: "static", kind: "offtopic" };
    case "smalltalk":
    case "link":
      return { go: "static", kind: intent.intent };
  }
}

/** Long or several lines: a post rather than a question typed as a reply. */
const looksLikePost = (text: string): boolean => text.length >= 100 || text.trim().includes("\n");

function followUpOf(
  state: Learner,
  input: MessageInput,
  ctx: RouteContext,
): ThreadRow | "gone" | "not_ours" | undefined {
  const fresh = (thread: ThreadRow | undefined) =>
    thread !== undefined &&
    thread.userId === state.id &&
    ctx.now - thread.updatedAt < ctx.threadTtlMs;
  const reply = input.replyTo;
  if (reply) {
    if (!reply.fromBot) return "not_ours";
    const thread = ctx.findThread(input.chatId, reply.messageId);
    if (fresh(thread)) return thread;
    // An answer whose thread expired or was erased; a reply to any other RVX message is new.
    return thread !== undefined || reply.askable ? "gone" : undefined;
  }
  if (state.asking && state.asking.chatId === input.chatId) {
    const thread = ctx.findThread(input.chatId, state.asking.rootId);
    return fresh(thread) ? thread : "gone";
  }
  return undefined;
}
