import { describe, expect, it } from "bun:test";
import type { ReminderRow } from "../db/habit-reads";
import { freshLearner } from "./learner";
import { decideReminders } from "./reminder-settings";

const NOW = Date.UTC(2026, 10, 30, 12); // 15:00 in Moscow
const user = { ...freshLearner(5, "en"), firstName: "Ann" };
const stored: ReminderRow = {
  userId: 5,
  enabled: true,
  hour: 9,
  offsetMinutes: 180,
  nextAt: Date.UTC(2026, 11, 1, 6),
  sentAt: null,
};

describe("decideReminders", () => {
  it("shows no setting for a user who never set one (off by default)", () => {
    expect(decideReminders(user, undefined, undefined, NOW)).toMatchObject({
      reply: { ok: true, setting: undefined },
      writes: [],
    });
  });

  it("turns the reminder on at the next slot, writing the user row first", () => {
    const decision = decideReminders(
      user,
      undefined,
      { kind: "set", hour: 20, offsetMinutes: 180 },
      NOW,
    );
    expect(decision.reply).toEqual({
      ok: true,
      setting: { enabled: true, hour: 20, offsetMinutes: 180 },
    });
    expect(decision.writes).toEqual([
      { type: "ensureUser", userId: 5, firstName: "Ann", lang: "en", at: NOW },
      {
        type: "setReminder",
        userId: 5,
        enabled: true,
        hour: 20,
        offsetMinutes: 180,
        nextAt: Date.UTC(2026, 10, 30, 17), // 20:00 in Moscow today
      },
    ]);
  });

  it("refuses quiet hours and offsets that are not offered, changing nothing", () => {
    for (const change of [
      { kind: "set", hour: 22, offsetMinutes: 180 },
      { kind: "set", hour: 7, offsetMinutes: 180 },
      { kind: "set", hour: 9, offsetMinutes: 17 },
      { kind: "set", hour: 9, offsetMinutes: 900 },
    ] as const) {
      expect(decideReminders(user, stored, change, NOW)).toMatchObject({
        reply: { ok: false, reason: "invalid" },
        writes: [],
      });
    }
  });

  it("turns it off keeping the hour and zone, and an off reminder stays off without a write", () => {
    const off = decideReminders(user, stored, { kind: "off" }, NOW);
    expect(off.reply).toEqual({
      ok: true,
      setting: { enabled: false, hour: 9, offsetMinutes: 180 },
    });
    expect(off.writes).toMatchObject([{ type: "setReminder", enabled: false, hour: 9 }]);
    const again = decideReminders(user, { ...stored, enabled: false }, { kind: "off" }, NOW);
    expect(again.writes).toEqual([]);
  });
});
