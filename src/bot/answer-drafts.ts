import { createDrafter } from "../analyzers/draft";
import type { Cancel, Clock } from "../clock";
import { escapeHtml } from "../news/html";
import type { BotContext } from "./context";

/** At most one draft this often per answer (Telegram rate-limits per chat). */
export const DRAFT_INTERVAL_MS = 400;
/** The longest the final message waits for a draft still in flight; then that draft is aborted. */
const CLOSE_WAIT_MS = 1000;

/** Shows an answer while it is written; `close` before sending the final message. */
export interface DraftStream {
  /** Hand it to the request as `onDelta`: the raw text so far. */
  readonly onDelta: (textSoFar: string) => void;
  /** Stops drafting and waits for a draft in flight, so none lands after the final message. */
  close(): Promise<void>;
}

export interface DraftOptions {
  readonly maxChars: number;
  /** Non-zero, the same for every draft of one answer (the user's message id will do). */
  readonly draftId: number;
  readonly intervalMs?: number;
}

/**
 * Streams drafts with sendMessageDraft (Bot API 9.3+), each made safe by `createDrafter`,
 * escaped for HTML and sent at most once per `intervalMs` on the injected clock (the newest
 * text wins; the first goes at once). Drafts are cosmetic: the first refusal (an older Bot API
 * server, a chat that takes none) stops them and the answer arrives as one final message; no
 * failure here ever fails the update (sendMessageDraft is ephemeral in delivery.ts).
 */
export function streamDrafts(ctx: BotContext, clock: Clock, options: DraftOptions): DraftStream {
  const chatId = ctx.chat?.id;
  // Made at the first delta: building the sanitizer's link matcher costs ~10 µs, and an answer
  // from the cache streams nothing.
  let draftOf: ((textSoFar: string) => string) | undefined;
  const interval = options.intervalMs ?? DRAFT_INTERVAL_MS;
  let shown = "";
  let pending: string | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  let wake: Cancel | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = chatId === undefined;
  const aborting = new AbortController();

  function pump(): void {
    if (stopped || inFlight || wake || pending === undefined || chatId === undefined) return;
    const wait = lastAt + interval - clock.now();
    if (wait > 0) {
      wake = clock.setTimeout(() => {
        wake = undefined;
        pump();
      }, wait);
      return;
    }
    const text = pending;
    pending = undefined;
    lastAt = clock.now();
    inFlight = ctx.api
      .sendMessageDraft(
        chatId,
        options.draftId,
        escapeHtml(text),
        { parse_mode: "HTML" },
        aborting.signal as Parameters<BotContext["api"]["sendMessageDraft"]>[4],
      )
      .then(
        () => {
          shown = text;
        },
        (error: unknown) => {
          stopped = true;
          ctx.log.debug({ err: error }, "drafts refused; the answer comes as one message");
        },
      )
      .finally(() => {
        inFlight = undefined;
        pump();
      });
  }

  return {
    onDelta(textSoFar) {
      if (stopped) return;
      draftOf ??= createDrafter(options.maxChars);
      const draft = draftOf(textSoFar);
      if (!draft || draft === shown || draft === pending) return;
      pending = draft;
      pump();
    },
    async close() {
      stopped = true;
      wake?.();
      wake = undefined;
      if (!inFlight) return;
      let cancel: Cancel | undefined;
      const late = new Promise<void>((resolve) => {
        cancel = clock.setTimeout(resolve, CLOSE_WAIT_MS);
      });
      await Promise.race([inFlight, late]);
      cancel?.();
      aborting.abort();
    },
  };
}
