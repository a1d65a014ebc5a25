import { createOfflineAnalyzer } from "../analyzers/offline/offline-analyzer";
import type { Provider } from "../analyzers/provider";
import type { Clock } from "../clock";
import type { Lang } from "../i18n/lang";
import type { Learner } from "../learning/learner";
import { isBlank, MAX_MESSAGE_CHARS } from "../news/conversation/route";
import type { Explainer } from "../news/explainer";
import { remainingToday } from "../news/limits";
import { normalizeNews } from "../news/normalize";

/** What an inline query shows: an explanation (offline if no provider made the deadline). */
export type InlinePreviewReply =
  | {
      readonly ok: true;
      readonly text: string;
      /** `offline`: the offline analyzer's answer (a provider's was not ready in time). */
      readonly by: "cache" | "ai" | "offline";
      readonly lang: Lang;
    }
  | { readonly ok: false; readonly reason: "empty" | "too_long" | "quota" | "banned" }
  | { readonly ok: false; readonly reason: "unavailable" };

export interface InlineDeps {
  readonly explainer: Explainer;
  /** Answers at once, without a key or the network (default: the offline analyzer). */
  readonly offline?: Provider;
  readonly clock: Clock;
  readonly dailyLimit: number;
}

/**
 * Inline mode's preview for the user actor: the explanation of the query text, from the cache at
 * once, else from the chain within `deadlineMs` (Telegram drops an inline answer that comes too
 * late), else the offline answer, marked as such. It spends and earns nothing: the quota and XP
 * apply only when the user sends the result (`chosen_inline_result`). The chain's call goes on
 * after the deadline and fills the cache, so the same query answers from the cache next time.
 */
export function createInline(deps: InlineDeps) {
  const offline = deps.offline ?? createOfflineAnalyzer();
  return async function preview(
    state: Learner,
    text: string,
    deadlineMs: number,
  ): Promise<InlinePreviewReply> {
    if (state.banned) return { ok: false, reason: "banned" };
    if (isBlank(text)) return { ok: false, reason: "empty" };
    if (text.length > MAX_MESSAGE_CHARS) return { ok: false, reason: "too_long" };
    if (remainingToday(state, deps.clock.now(), deps.dailyLimit) === 0) {
      return { ok: false, reason: "quota" };
    }
    const news = normalizeNews(text);
    const { lang } = state;
    let cancel: (() => void) | undefined;
    const late = new Promise<undefined>((resolve) => {
      cancel = deps.clock.setTimeout(() => resolve(undefined), deadlineMs);
    });
    const pending = deps.explainer.explain(news, lang);
    const explained = await Promise.race([pending, late]).finally(() => cancel?.());
    if (explained) {
      const cached = explained.source === "cache_memory" || explained.source === "cache_db";
      const by = explained.provider === "offline" ? "offline" : cached ? "cache" : "ai";
      return { ok: true, text: explained.text, by, lang };
    }
    pending.catch(() => {}); // finishes in the background and fills the cache
    const fallback = await offline.explain({ text: news.text, lang });
    return { ok: true, text: fallback.text, by: "offline", lang };
  };
}
