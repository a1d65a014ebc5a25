import type { Lang } from "../../i18n/lang";
import { factsOf, type NewsFacts } from "./facts";
import { hash32 } from "./hash";

/** A news text reduced to what decides whether another text is the same news. */
export interface NewsFingerprint {
  readonly lang: Lang;
  /** 32-bit hashes of word unigrams and bigrams of the text without repost noise. */
  readonly shingles: Uint32Array;
  readonly facts: NewsFacts;
}

const URL = /\bhttps?:\/\/\S+|\b(?:www\.)?[a-z0-9-]+\.(?:com|io|org|net|ru|news|co|me)\/\S*/gi;
const MENTION_OR_TAG = /(?:^|\s)[@#][\p{L}\p{N}_]+/gu;
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u{FE0E}\u{FE0F}\u{20E3}\u{200D}]/gu;
/** Words a reposting channel adds around the same news. */
const BOILERPLATE =
  /^(?:breaking|just in|urgent|update|новость|срочно|молния|важно|главное|внимание)\s*[:!—–-]+\s*/iu;
/** A line that is only a channel's footer ("Subscribe", "via @x", "Source: …", "Читать далее"). */
const FOOTER =
  /^(?:subscribe|follow|join|via|source|read more|more|full story|подпис\p{L}*|источник|читать|подробнее|наш канал|присоединяйтесь|ссылка)(?![\p{L}\p{N}])/iu;
/** Word stems this long or longer are cut, so "биткоина" and "биткоин" meet. */
const STEM = 6;

/** Fingerprints a news text: repost noise removed, language detected, shingles hashed. */
export function fingerprint(text: string): NewsFingerprint {
  const core = stripNoise(text);
  const words = (core.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, STEM));
  const set = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    set.add(hash32(words[i] ?? ""));
    if (i + 1 < words.length) set.add(hash32(`${words[i]} ${words[i + 1]}`));
  }
  return { lang: languageOf(core), shingles: Uint32Array.from(set), facts: factsOf(core) };
}

/** The news without links, mentions, hashtags, emoji, "BREAKING:" and channel footers. */
export function stripNoise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(EMOJI, " ")
    .split("\n")
    .map((line) => line.replace(URL, " ").replace(MENTION_OR_TAG, " ").trim())
    .map((line) => line.replace(/^[|•·*\-–—:!\s]+/, "").replace(BOILERPLATE, ""))
    .filter((line) => line && !FOOTER.test(line))
    .join("\n")
    .replace(/[^\S\n]+/g, " ")
    .trim();
}

function languageOf(text: string): Lang {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? "ru" : "en";
}
