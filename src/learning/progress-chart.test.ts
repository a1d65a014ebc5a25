import { describe, expect, it } from "bun:test";
import { CHART_HEIGHT, CHART_WIDTH, renderWeeklyProgress, svgToPng } from "./progress-chart";
import { progressChartSvg, type WeeklyProgress } from "./progress-chart-svg";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Monday 2026-11-30 as a UTC day number.
const TODAY = Date.UTC(2026, 10, 30) / 86_400_000;

const week = (xp: readonly number[], extra: Partial<WeeklyProgress> = {}): WeeklyProgress => ({
  days: xp.map((amount, i) => ({ day: TODAY - 6 + i, xp: amount, active: amount > 0 })),
  level: 4,
  xp: 290,
  levelStartXp: 220,
  nextLevelXp: 350,
  streak: 5,
  ...extra,
});
const SAMPLE = week([25, 0, 60, 5, 120, 45, 30]);

/** Width and height from the IHDR chunk, which must come first. */
function ihdr(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe("renderWeeklyProgress", () => {
  for (const lang of ["ru", "en"] as const) {
    it(`renders an ${CHART_WIDTH}×${CHART_HEIGHT} PNG in ${lang}`, async () => {
      const png = await renderWeeklyProgress(SAMPLE, lang);
      expect({ signature: [...png.subarray(0, 8)], size: ihdr(png) }).toEqual({
        signature: PNG_SIGNATURE,
        size: { width: CHART_WIDTH, height: CHART_HEIGHT },
      });
    });
  }

  it("gives the same bytes for the same input", async () => {
    const first = await renderWeeklyProgress(SAMPLE, "ru");
    const second = await renderWeeklyProgress(week([25, 0, 60, 5, 120, 45, 30]), "ru");
    expect(same(first, second)).toBe(true);
  });

  it("draws different pictures for different data and languages", async () => {
    const base = await renderWeeklyProgress(SAMPLE, "en");
    const variants = await Promise.all([
      renderWeeklyProgress(week([25, 0, 60, 5, 120, 45, 31]), "en"),
      renderWeeklyProgress({ ...SAMPLE, streak: 6 }, "en"),
      renderWeeklyProgress({ ...SAMPLE, xp: 300 }, "en"),
      renderWeeklyProgress(SAMPLE, "ru"),
    ]);
    expect(variants.map((png) => same(png, base))).toEqual([false, false, false, false]);
  });

  it("draws a week with no XP and the top level", async () => {
    const png = await renderWeeklyProgress(
      week([0, 0, 0, 0, 0, 0, 0], {
        level: 15,
        xp: 9000,
        levelStartXp: 8200,
        nextLevelXp: undefined,
        streak: 0,
      }),
      "ru",
    );
    expect(ihdr(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
  });
});

describe("svgToPng", () => {
  const label = (s: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="30" font-size="24">${s}</text></svg>`;

  it("draws Cyrillic glyphs from the embedded font, not blank or missing-glyph boxes", async () => {
    const [blank, mon, tue, bold] = await Promise.all([
      svgToPng(label("")),
      svgToPng(label("Пн")),
      svgToPng(label("Вт")),
      svgToPng(label("Пн").replace("<text ", '<text font-weight="700" ')),
    ]);
    // A font without Cyrillic would draw nothing or the same .notdef box for every letter.
    expect([same(mon, blank), same(mon, tue), same(mon, bold)]).toEqual([false, false, false]);
  });
});

describe("progressChartSvg", () => {
  it("labels the days in the reader's language, oldest first, with the title and totals", () => {
    const ru = progressChartSvg(SAMPLE, "ru");
    const en = progressChartSvg(SAMPLE, "en");
    const order = (svg: string, names: string[]) => names.map((n) => svg.indexOf(`>${n}<`));
    const ascending = (xs: number[]) =>
      xs.every((x, i) => x >= 0 && (i === 0 || x > (xs[i - 1] ?? 0)));
    expect(ascending(order(ru, ["Вт", "Ср", "Чт", "Пт", "Сб", "Вс", "Пн"]))).toBe(true);
    expect(ascending(order(en, ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"]))).toBe(true);
    expect([ru.includes(">Ваша неделя<"), en.includes(">Your week<")]).toEqual([true, true]);
    expect([
      ru.includes(">+285 XP<"),
      ru.includes(">Серия: 5 дней<"),
      en.includes(">Streak: 5 days<"),
    ]).toEqual([true, true, true]);
    expect([ru.includes("70 / 130 XP до уровня 5"), en.includes("70 / 130 XP to level 5")]).toEqual(
      [true, true],
    );
  });

  it("uses Russian plural forms for the streak", () => {
    const streak = (days: number) => progressChartSvg({ ...SAMPLE, streak: days }, "ru");
    expect([1, 3, 11, 0].map((d) => /Серия[^<]*|Серии пока нет/.exec(streak(d))?.[0])).toEqual([
      "Серия: 1 день",
      "Серия: 3 дня",
      "Серия: 11 дней",
      "Серии пока нет",
    ]);
  });
});
