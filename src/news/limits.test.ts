import { describe, expect, it } from "bun:test";
import { checkLimits, remainingToday, utcDay } from "./limits";

const policy = { floodIntervalMs: 3000, dailyLimit: 2 };
const noon = Date.UTC(2026, 10, 24, 12, 0, 0);

describe("limits", () => {
  it("allows a first request and counts it", () => {
    expect(checkLimits({ lastRequestAt: 0, quotaDay: 0, quotaUsed: 0 }, noon, policy)).toEqual({
      ok: true,
      day: utcDay(noon),
      used: 1,
    });
  });

  it("refuses a request inside the flood interval with the time left", () => {
    const state = { lastRequestAt: noon - 1000, quotaDay: utcDay(noon), quotaUsed: 1 };
    expect(checkLimits(state, noon, policy)).toEqual({
      ok: false,
      reason: "flood",
      retryInMs: 2000,
    });
  });

  it("refuses past the daily limit until UTC midnight", () => {
    const state = { lastRequestAt: noon - 60_000, quotaDay: utcDay(noon), quotaUsed: 2 };
    expect(checkLimits(state, noon, policy)).toEqual({
      ok: false,
      reason: "quota",
      resetInMs: 12 * 3_600_000,
    });
    const tomorrow = Date.UTC(2026, 10, 25, 0, 0, 1);
    expect(checkLimits(state, tomorrow, policy)).toMatchObject({ ok: true, used: 1 });
    expect(remainingToday(state, tomorrow, 2)).toBe(2);
  });
});
