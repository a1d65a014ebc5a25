import { describe, expect, it } from "bun:test";
import { untilNextDay, utcDay, utcWeek } from "./calendar";

describe("calendar", () => {
  it("starts a week on Monday 00:00 UTC", () => {
    const sunday = utcDay(Date.UTC(2026, 10, 29, 23, 59));
    const monday = utcDay(Date.UTC(2026, 10, 30, 0, 0));
    const nextSunday = utcDay(Date.UTC(2026, 11, 6, 12, 0));
    expect(utcWeek(monday)).toBe(utcWeek(sunday) + 1);
    expect(utcWeek(nextSunday)).toBe(utcWeek(monday));
  });

  it("counts the time left until UTC midnight", () => {
    expect(untilNextDay(Date.UTC(2026, 10, 24, 22, 30))).toBe(90 * 60_000);
  });
});
