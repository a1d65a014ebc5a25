import type { Lang } from "./lang";
import en from "./locales/en.json";
import ru from "./locales/ru.json";

/** Every message key; both locale files must define all of them (checked by a test). */
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;
export type Translate = (lang: Lang, key: MessageKey, params?: Params) => string;

const LOCALES: Record<Lang, Record<MessageKey, string>> = { en, ru };

const PLURAL_RULES: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  ru: new Intl.PluralRules("ru"),
};

/** `{name, plural, one {# day} other {# days}}`: ICU's plural argument, without nesting. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const FORM = /(zero|one|two|few|many|other) \{([^{}]*)\}/g;

/**
 * Looks up `key` in `lang`, picks plural forms by the language's rules (Intl.PluralRules: ru has
 * one, few and many) and fills `{name}` placeholders. Parameters are inserted as given: a caller
 * putting user text into an HTML message escapes it first.
 */
export const t: Translate = (lang, key, params) => {
  const template = LOCALES[lang][key] ?? LOCALES.en[key] ?? key;
  if (!params) return template;
  return template
    .replace(PLURAL, (whole, name: string, forms: string) => {
      const value = params[name];
      if (typeof value !== "number") return whole;
      const chosen = pluralForm(lang, value, forms);
      return chosen === undefined ? whole : chosen.replaceAll("#", String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
};

function pluralForm(lang: Lang, value: number, forms: string): string | undefined {
  const byCategory = new Map([...forms.matchAll(FORM)].map((m) => [m[1], m[2] ?? ""]));
  return byCategory.get(PLURAL_RULES[lang].select(value)) ?? byCategory.get("other");
}

export const locales = LOCALES;
