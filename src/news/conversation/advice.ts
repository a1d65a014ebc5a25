import type { IntentResult } from "../intent";

// "Should I buy…", "good time to invest", "купить биткоин сейчас?", "стоит ли продавать…".
const ADVICE =
  /\b(?:should i|shall i|is it (?:a )?good (?:time )?to|worth (?:buying|selling|investing)|good time to|buy now|sell now)\b|(?<!\p{L})(?:стоит ли|купить|продать|покупать|продавать|вкладывать|инвестировать)(?!\p{L})/iu;
const TRADE =
  /\b(?:buy|sell|hold|invest|short|long)\b|(?<!\p{L})(?:куп|прода|держать|вклад|инвест)/iu;

/** Whether a question asks what to buy, sell or hold, or when: RVX gives no such advice. */
export function asksAdvice(text: string, intent: IntentResult): boolean {
  if (intent.signals.includes("asks_advice")) return true;
  return ADVICE.test(text) && TRADE.test(text);
}
