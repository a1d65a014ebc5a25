import type { Transformer } from "grammy";

/** The methods whose text the bot writes in Telegram HTML. */
const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

/**
 * An API transformer that sends every message text as HTML unless a call says otherwise, so
 * features never repeat `parse_mode`. Locale strings are HTML; user text is escaped where it is
 * inserted (see escapeHtml).
 */
export function htmlByDefault(): Transformer {
  return (prev, method, payload, signal) => {
    if (!TEXT_METHODS.has(method) || (payload as { parse_mode?: string }).parse_mode) {
      return prev(method, payload, signal);
    }
    return prev(method, { ...payload, parse_mode: "HTML" }, signal);
  };
}
