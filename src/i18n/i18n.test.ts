import { describe, expect, it } from "bun:test";
import { locales, t } from "./i18n";
import { langFromTelegram } from "./lang";

describe("i18n", () => {
  it("defines every key in both languages, with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(locales.ru).sort()).toEqual(Object.keys(locales.en).sort());
    for (const key of Object.keys(locales.en) as (keyof typeof locales.en)[]) {
      expect({ key, ru: placeholders(locales.ru[key]) }).toEqual({
        key,
        ru: placeholders(locales.en[key]),
      });
      expect(locales.ru[key].trim()).not.toBe("");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("en", "explain.footer", { xp: 5, remaining: 49 })).toBe(
      "+5 XP · 49 requests left today",
    );
    expect(t("ru", "level.up", {})).toContain("{level}");
  });

  it("maps Telegram language codes to a supported language", () => {
    expect(langFromTelegram("en-GB", "ru")).toBe("en");
    expect(langFromTelegram("uk", "en")).toBe("ru");
    expect(langFromTelegram("de", "ru")).toBe("en");
    expect(langFromTelegram(undefined, "ru")).toBe("ru");
  });
});
