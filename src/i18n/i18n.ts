import type { Lang } from "./lang";
import en from "./locales/en.json";
import ru from "./locales/ru.json";

/** Every message key; both locale files must define all of them (checked by a test). */
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;
export type Translate = (lang: Lang, key: MessageKey, params?: Params) => string;

const LOCALES: Record<Lang, Record<MessageKey, string>> = { en, ru };

/**
 * Looks up `key` in `lang` and fills `{name}` placeholders. Parameters are inserted as given:
 * a caller putting user text into an HTML message escapes it first.
 */
export const t: Translate = (lang, key, params) => {
  const template = LOCALES[lang][key] ?? LOCALES.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
};

export const locales = LOCALES;
