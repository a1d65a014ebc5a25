import { newStemmer } from "snowball-stemmers";

/** Words of a text, lower-cased, "ё" read as "е"; hyphens, apostrophes and punctuation split words. */
export function words(text: string): string[] {
  return text.toLowerCase().replaceAll("ё", "е").match(WORD) ?? [];
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /[а-я]/;
const LATIN = /[a-z]/;

/** Snowball stems for Russian and English words (chosen by script), memoised per instance. */
export function createStemmer(): (word: string) => string {
  const ru = newStemmer("russian");
  const en = newStemmer("english");
  const memo = new Map<string, string>();
  return function stem(word) {
    let out = memo.get(word);
    if (out === undefined) {
      out = CYRILLIC.test(word) ? ru.stem(word) : LATIN.test(word) ? en.stem(word) : word;
      // Bound the memo: news texts bring an open vocabulary.
      if (memo.size > 50_000) memo.clear();
      memo.set(word, out);
    }
    return out;
  };
}

/** Russian inflection the stemmer misses ("токен" -> "токены"): a word that extends `base` by 1–3 letters. */
export function isInflectionOf(word: string, base: string): boolean {
  return (
    base.length >= 4 &&
    word.length > base.length &&
    word.length - base.length <= 3 &&
    word.startsWith(base) &&
    CYRILLIC.test(base)
  );
}

/**
 * A word that may qualify the next one, which is then what a question asks about: in English any
 * word ("ETH staking"), in Russian an adjective ("нативный стейкинг", not "стейкинг эфира").
 */
export function isModifier(word: string): boolean {
  return !CYRILLIC.test(word) || ADJECTIVE.test(word);
}

const ADJECTIVE = /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю)$/;

/** Function words and question words: never enough, alone, to name a term. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the of to in on for and or is are was be it its this that what whats which who how why " +
    "does do did mean means meaning s explain tell me about can could you your my i we with by as at " +
    "from vs versus difference between work works working use used there their than then so " +
    "when if it point purpose idea role " +
    "и в во на с со к ко о об от до по за из у а но или что чем чём это этот эта эти такое такой " +
    "такая такие как зачем почему кто где когда ли же бы не ни нужна нужен нужно нужны значит " +
    "означает объясни объясните расскажи расскажите мне про для при под над между работает работают " +
    "простыми словами разница чем отличается отличаются смысл суть цель роль если когда"
  ).split(" "),
);
