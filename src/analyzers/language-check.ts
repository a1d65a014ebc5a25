import type { Lang } from "../i18n/lang";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** The script each language is written in. */
const SCRIPT: Record<Lang, RegExp> = { ru: CYRILLIC, en: LATIN };
const ACRONYM = /(?<![\p{L}\d])[\p{Lu}\d]{2,}(?![\p{L}\d])/gu;

/**
 * Whether an answer is written in the script of `lang`: more than half of its Cyrillic and
 * Latin letters belong to that script. Words in capitals (tickers, acronyms: BTC, SEC, ETF) are
 * left out unless nothing else is left, so a Russian answer full of them still passes while an
 * English one where Russian was asked for does not. Text with no letters does not match.
 */
export function matchesLanguage(text: string, lang: Lang): boolean {
  const withoutAcronyms = text.replace(ACRONYM, "");
  return (ownShare(withoutAcronyms, lang) ?? ownShare(text, lang) ?? 0) > 0.5;
}

/** The share of letters in the script of `lang`, or undefined when there are none. */
function ownShare(text: string, lang: Lang): number | undefined {
  const count = (script: RegExp) => text.match(script)?.length ?? 0;
  const total = count(CYRILLIC) + count(LATIN);
  return total === 0 ? undefined : count(SCRIPT[lang]) / total;
}
