import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import type { ReminderFacts, ReminderRow } from "../db/habit-reads";
import {
  decideReminder,
  inQuietHours,
  localMidnight,
  localTime,
  nextSlot,
  REMINDER_HOURS,
  UTC_OFFSETS,
} from "./reminder-rules";

const H = 3_600_000;
/** 2026-11-30 00:00 UTC. */
const MIDNIGHT = Date.UTC(2026, 10, 30);
const TODAY = utcDay(MIDNIGHT);
const MSK = 180; // UTC+3
const NY = -300; // UTC−5

const row = (over: Partial<ReminderRow> = {}): ReminderRow => ({
  userId: 7,
  enabled: true,
  hour: 9,
  offsetMinutes: MSK,
  nextAt: MIDNIGHT + 6 * H, // 09:00 in Moscow
  sentAt: null,
  ...over,
});
const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  lang: "ru",
  banned: false,
  streak: { days: 4, lastDay: TODAY - 1 },
  learnedAt: null,
  unfinished: undefined,
  ...over,
});

describe("reminder hours and offsets", () => {
  it("offers only 08:00 to 21:00 and offsets from UTC−12 to UTC+14", () => {
    expect(REMINDER_HOURS).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(UTC_OFFSETS[0]).toBe(-720);
    expect(UTC_OFFSETS.at(-1)).toBe(840);
    expect(UTC_OFFSETS).toContain(330); // India
    expect(UTC_OFFSETS).toEqual([...UTC_OFFSETS].sort((a, b) => a - b));
  });

  it("reads the local day and hour for an offset, across midnight both ways", () => {
    expect(localTime(MIDNIGHT + 22 * H, MSK)).toEqual({ day: TODAY + 1, hour: 1 });
    expect(localTime(MIDNIGHT + 2 * H, NY)).toEqual({ day: TODAY - 1, hour: 21 });
    expect(localTime(MIDNIGHT + 2 * H + 30 * 60_000, 330)).toEqual({ day: TODAY, hour: 8 });
  });

  it("finds the local midnight in UTC", () => {
    expect(localMidnight(MIDNIGHT + 12 * H, MSK)).toBe(MIDNIGHT - 3 * H);
    expect(localMidnight(MIDNIGHT + 2 * H, NY)).toBe(MIDNIGHT - 19 * H);
  });

  it("keeps quiet from 22:00 to 08:00 local time", () => {
    // 19:00 UTC is 22:00 in Moscow, 14:00 in New York.
    expect(inQuietHours(MIDNIGHT + 19 * H, MSK)).toBe(true);
    expect(inQuietHours(MIDNIGHT + 19 * H, NY)).toBe(false);
    expect(inQuietHours(MIDNIGHT + 5 * H - 1, MSK)).toBe(true); // 07:59:59
    expect(inQuietHours(MIDNIGHT + 5 * H, MSK)).toBe(false); // 08:00
    expect(inQuietHours(MIDNIGHT + 19 * H - 1, MSK)).toBe(false); // 21:59:59
  });

  it("schedules the next slot after now: today if still ahead, else tomorrow", () => {
    expect(nextSlot(9, MSK, MIDNIGHT)).toBe(MIDNIGHT + 6 * H);
    expect(nextSlot(9, MSK, MIDNIGHT + 6 * H)).toBe(MIDNIGHT + 30 * H);
    expect(nextSlot(20, NY, MIDNIGHT)).toBe(MIDNIGHT + 1 * H); // 20:00 of the 29th in New York
  });
});

describe("decideReminder", () => {
  const at9 = MIDNIGHT + 6 * H;

  it("sends to a user with a live streak who has not learned today, then waits a day", () => {
    expect(decideReminder(row(), facts(), at9 + 30_000)).toEqual({
      kind: "send",
      nextAt: at9 + 24 * H,
      content: { lang: "ru", streak: 4 },
    });
  });

  it("sends for an unfinished lesson without a streak, with the lesson to open", () => {
    const lesson = { courseId: "basics", lessonId: "what-is-money" };
    const decision = decideReminder(
      row(),
      facts({ streak: { days: 0, lastDay: 0 }, unfinished: lesson }),
      at9,
    );
    expect(decision).toMatchObject({ kind: "send", content: { streak: 0, lesson } });
  });

  it("skips a user who did a lesson or quiz since their local midnight", () => {
    // 22:30 UTC yesterday is 01:30 today in Moscow: today, locally.
    const learnedAt = MIDNIGHT - 1.5 * H;
    expect(decideReminder(row(), facts({ learnedAt }), at9)).toMatchObject({
      kind: "skip",
      reason: "learned",
    });
    // 20:30 UTC the day before is 23:30 of yesterday in Moscow: not today.
    const yesterday = MIDNIGHT - 3.5 * H;
    expect(decideReminder(row(), facts({ learnedAt: yesterday }), at9).kind).toBe("send");
  });

  it("skips when there is nothing to come back to: no streak and no unfinished lesson", () => {
    const lost = facts({ streak: { days: 9, lastDay: TODAY - 2 } });
    expect(decideReminder(row(), lost, at9)).toMatchObject({ kind: "skip", reason: "nothing" });
  });

  it("never sends in the quiet hours, even when a reminder is late, and moves it on", () => {
    const late = MIDNIGHT + 20 * H; // 23:00 in Moscow
    expect(decideReminder(row(), facts(), late)).toEqual({
      kind: "skip",
      reason: "quiet",
      nextAt: at9 + 24 * H,
    });
  });

  it("skips banned and erased users", () => {
    expect(decideReminder(row(), facts({ banned: true }), at9)).toMatchObject({ reason: "banned" });
    expect(decideReminder(row(), undefined, at9)).toMatchObject({ reason: "gone" });
  });

  it("is due once a day: the next time is always after now", () => {
    for (const now of [at9, at9 + 5 * H, at9 + 12 * H, at9 + 23 * H]) {
      const { nextAt } = decideReminder(row(), facts(), now);
      expect(nextAt).toBeGreaterThan(now);
      expect(nextAt - now).toBeLessThanOrEqual(24 * H);
      expect(localTime(nextAt, MSK).hour).toBe(9);
    }
  });
});
