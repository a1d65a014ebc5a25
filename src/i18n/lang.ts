/** The languages RVX speaks. */
export const LANGS = ["ru", "en"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Picks a supported language from a Telegram `language_code` such as "en-GB". */
export function langFromTelegram(code: string | undefined, fallback: Lang): Lang {
  const base = code?.toLowerCase().split("-")[0];
  // Speakers of languages close to Russian are better served in Russian than English.
  if (base === "ru" || base === "uk" || base === "be" || base === "kk") return "ru";
  if (base === "en") return "en";
  return base ? "en" : fallback;
}
