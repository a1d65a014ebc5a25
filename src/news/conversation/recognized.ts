import { analyze, type Findings } from "../../analyzers/offline/analyze";
import type { Lang } from "../../i18n/lang";

/**
 * Whether the offline analyzer recognizes a news event in a text (a hack, a listing, an ETF…),
 * other than a scam. A coin name alone ("Bitcoin") gets an answer that says it cannot tell what
 * happened: that explains nothing, so it earns nothing.
 */
export function recognizes(text: string, lang: Lang): boolean {
  return recognizedIn(analyze(text, lang));
}

/** `recognizes` over an analysis already made. */
export function recognizedIn(found: Findings): boolean {
  return !found.offtopic && found.events.length > 0 && !found.events.includes("scam");
}
