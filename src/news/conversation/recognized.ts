import { analyze } from "../../analyzers/offline/analyze";
import type { Lang } from "../../i18n/lang";

/**
 * Whether the offline analyzer recognizes anything in a news text (a coin, an exchange, an
 * event or a term) other than a scam: an offline answer that recognized nothing earns nothing.
 */
export function recognizes(text: string, lang: Lang): boolean {
  const found = analyze(text, lang);
  if (found.offtopic || found.events.includes("scam")) return false;
  return (
    found.assets.length > 0 ||
    found.exchanges.length > 0 ||
    found.events.length > 0 ||
    found.terms.length > 0
  );
}
