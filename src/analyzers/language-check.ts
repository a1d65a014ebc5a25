import type { Lang } from "../i18n/lang";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** The script each language is written in. */
const SCRIPT: Record<Lang, RegExp> = { ru: CYRILLIC, en: LATIN };

/**
 * Whether an answer is written in the script of `lang`: more than half of its Cyrillic and
 * Latin letters belong to that script. Tickers and names (BTC, SEC, BlackRock) in a Russian
 * answer are fine; an answer in English when Russian was asked for is not. Text with no
 * letters at all does not match.
 */
export function matchesLanguage(text: string, lang: Lang): boolean {
  const count = (script: RegExp) => text.match(script)?.length ?? 0;
  const total = count(CYRILLIC) + count(LATIN);
  return total > 0 && count(SCRIPT[lang]) / total > 0.5;
}
