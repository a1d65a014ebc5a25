import type { Clock } from "../clock";
import type { BotContext } from "./context";

/** Show "typing…" if the answer takes longer than this. */
export const TYPING_AFTER_MS = 300;

/**
 * Runs `work`, showing "typing…" in the chat only if it takes over `afterMs` on the injected
 * clock (an AI call, not a cached answer). The chat action is cosmetic: its failure is logged,
 * never shown.
 */
export async function typingWhileSlow<T>(
  ctx: BotContext,
  clock: Clock,
  work: () => Promise<T>,
  afterMs = TYPING_AFTER_MS,
): Promise<T> {
  const cancel = clock.setTimeout(() => {
    ctx
      .replyWithChatAction("typing")
      .catch((error) => ctx.log.warn({ err: error }, "chat action failed"));
  }, afterMs);
  try {
    return await work();
  } finally {
    cancel();
  }
}
