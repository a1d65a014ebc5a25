import { describe, expect, it } from "bun:test";
import { locales, t } from "./i18n";
import { langFromTelegram } from "./lang";

describe("i18n", () => {
  it("defines every key in both languages, with the same placeholders", () => {
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();
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

  it("picks plural forms by each language's rules", () => {
    const streak = (lang: "en" | "ru", days: number) => t(lang, "reward.streak", { days });
    expect([1, 2, 5, 11, 21, 22, 25].map((days) => streak("ru", days))).toEqual([
      "🔥 Серия: 1 день",
      "🔥 Серия: 2 дня",
      "🔥 Серия: 5 дней",
      "🔥 Серия: 11 дней",
      "🔥 Серия: 21 день",
      "🔥 Серия: 22 дня",
      "🔥 Серия: 25 дней",
    ]);
    expect([1, 2].map((days) => streak("en", days))).toEqual([
      "🔥 Streak: 1 day",
      "🔥 Streak: 2 days",
    ]);
    expect(t("ru", "quests.footer", { bonus: 20, hours: 3, minutes: 1 })).toContain(
      "через 3 часа 1 минуту",
    );
  });

  it("has a plural form for every category each language needs", () => {
    const categories = { en: ["one", "other"], ru: ["one", "few", "many"] } as const;
    for (const lang of ["en", "ru"] as const) {
      for (const [key, template] of Object.entries(locales[lang])) {
        for (const [, forms = ""] of template.matchAll(/, plural,((?:\s*\w+ \{[^{}]*\})+)/g)) {
          for (const category of categories[lang]) {
            expect({ key, lang, category, has: forms.includes(`${category} {`) }).toEqual({
              key,
              lang,
              category,
              has: true,
            });
          }
        }
      }
    }
  });

  it("maps Telegram language codes to a supported language", () => {
    expect(langFromTelegram("en-GB", "ru")).toBe("en");
    expect(langFromTelegram("uk", "en")).toBe("ru");
    expect(langFromTelegram("de", "ru")).toBe("en");
    expect(langFromTelegram(undefined, "ru")).toBe("ru");
  });
});
