import type { Database } from "bun:sqlite";
import { afterEach, describe, expect, it } from "bun:test";
import { createHabitReads } from "./habit-reads";
import { openDatabase } from "./open";
import { createWriteApplier, DAYS_KEPT, type Write } from "./writes";

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setup() {
  const db = openDatabase(":memory:");
  open.push(db);
  const apply = createWriteApplier(db);
  const write = (...writes: Write[]) => db.transaction(() => writes.forEach(apply))();
  write({ type: "ensureUser", userId: 1, firstName: "A", lang: "en", at: 0 });
  return { db, habits: createHabitReads(db), write };
}

const reminder = (over: Partial<Extract<Write, { type: "setReminder" }>> = {}): Write => ({
  type: "setReminder",
  userId: 1,
  enabled: true,
  hour: 9,
  offsetMinutes: 180,
  nextAt: 1000,
  ...over,
});

describe("xp_daily", () => {
  it("adds a day's XP and keeps its latest learning time", () => {
    const { habits, write } = setup();
    write(
      { type: "recordDay", userId: 1, day: 100, xp: 5, learnedAt: 700 },
      { type: "recordDay", userId: 1, day: 100, xp: 20, learnedAt: 500 },
      { type: "recordDay", userId: 1, day: 100, xp: 5 },
      { type: "recordDay", userId: 1, day: 101, xp: 5 },
    );
    expect(habits.days(1, 100)).toEqual([
      { day: 100, xp: 30, learnedAt: 700 },
      { day: 101, xp: 5, learnedAt: null },
    ]);
    expect(habits.reminderFacts(1, 101)?.learnedAt).toBeNull();
    expect(habits.reminderFacts(1, 100)?.learnedAt).toBe(700);
  });

  it("prunes a user's days older than it keeps", () => {
    const { habits, write } = setup();
    write(
      { type: "recordDay", userId: 1, day: 10, xp: 5 },
      { type: "recordDay", userId: 1, day: 10 + DAYS_KEPT + 1, xp: 5 },
    );
    expect(habits.days(1, 0).map((d) => d.day)).toEqual([10 + DAYS_KEPT + 1]);
  });
});

describe("reminders", () => {
  it("lists enabled reminders that are due, the longest waiting first", () => {
    const { habits, write } = setup();
    write({ type: "ensureUser", userId: 2, firstName: "B", lang: "ru", at: 0 });
    write({ type: "ensureUser", userId: 3, firstName: "C", lang: "ru", at: 0 });
    write(
      reminder({ nextAt: 900 }),
      reminder({ userId: 2, nextAt: 800 }),
      reminder({ userId: 3, nextAt: 500, enabled: false }),
    );
    expect(habits.dueReminders(1000, 10).map((r) => r.userId)).toEqual([2, 1]);
    expect(habits.dueReminders(850, 10).map((r) => r.userId)).toEqual([2]);
    write({ type: "reminderDue", userId: 2, nextAt: 5000 });
    expect(habits.dueReminders(1000, 10).map((r) => r.userId)).toEqual([1]);
  });

  it("stops reminders and marks the user inactive when unreachable; turning on again clears it", () => {
    const { db, habits, write } = setup();
    const inactive = () =>
      db.query<{ inactive_at: number | null }, []>("SELECT inactive_at FROM users").get()
        ?.inactive_at;
    write(reminder(), { type: "reminderSent", userId: 1, at: 1200 });
    expect(habits.reminderStats(1000)).toEqual({ enabled: 1, sentSince: 1 });
    write({ type: "userUnreachable", userId: 1, at: 1300 });
    expect(habits.reminder(1)?.enabled).toBe(false);
    expect(inactive()).toBe(1300);
    expect(habits.reminderStats(1000)).toEqual({ enabled: 0, sentSince: 1 });
    write(reminder({ hour: 10 }));
    expect(inactive()).toBeNull();
    expect(habits.reminder(1)).toMatchObject({ enabled: true, hour: 10 });
  });

  it("is erased with the user's data, daily XP too", () => {
    const { habits, write } = setup();
    write(reminder(), { type: "recordDay", userId: 1, day: 5, xp: 5 });
    write({ type: "deleteUser", userId: 1 });
    expect(habits.reminder(1)).toBeUndefined();
    expect(habits.days(1, 0)).toEqual([]);
    expect(habits.reminderFacts(1, 0)).toBeUndefined();
  });

  it("refuses an hour in the quiet hours at the schema level too", () => {
    const { write } = setup();
    expect(() => write(reminder({ hour: 23 }))).toThrow();
  });
});
