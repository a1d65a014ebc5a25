import { afterEach, describe, expect, it } from "bun:test";
import { start, stop } from "nact";
import { until } from "../../test/support/until";
import { ManualClock, systemClock } from "../clock";
import { createHabitReads } from "../db/habit-reads";
import { openDatabase } from "../db/open";
import type { Write } from "../db/writes";
import type { ReminderContent } from "../learning/reminder-rules";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { restartWithBackoff, resume } from "../supervisors/policies";
import type { SendOutcome } from "./broadcaster";
import { spawnDbWriter } from "./db-writer";
import { spawnReminderScheduler } from "./reminder-scheduler";
import { createWriterClient } from "./writer-client";

const H = 3_600_000;
/** 2026-11-30 00:00 UTC; 09:00 in Moscow (UTC+3) is 06:00 UTC. */
const MIDNIGHT = Date.UTC(2026, 10, 30);
const DAY = MIDNIGHT / 86_400_000;

const systems: ReturnType<typeof start>[] = [];
afterEach(() => {
  for (const system of systems.splice(0)) stop(system);
});

function setup() {
  const system = start();
  systems.push(system);
  const db = openDatabase(":memory:");
  const clock = new ManualClock(MIDNIGHT);
  const logger = silentLogger();
  const metrics = createMetrics();
  const writerRef = spawnDbWriter(
    system,
    { db, clock: systemClock, logger, metrics, flushMs: 0, flushMax: 100 },
    resume,
  );
  const writer = createWriterClient(writerRef, { logger, timeoutMs: 5000 });
  const habits = createHabitReads(db);
  const sent: { userId: number; at: number; content: ReminderContent }[] = [];
  const outcomes = new Map<number, SendOutcome>();
  const spawn = () =>
    spawnReminderScheduler(
      system,
      {
        reads: habits,
        writer,
        clock,
        logger,
        metrics,
        tickMs: 60_000,
        send: async (userId, content) => {
          sent.push({ userId, at: clock.now(), content });
          return outcomes.get(userId) ?? "sent";
        },
      },
      restartWithBackoff({
        clock,
        minBackoffMs: 1000,
        maxBackoffMs: 8000,
        budget: 3,
        windowMs: 60_000,
        stopMs: 60_000,
      }),
    );
  const write = async (...writes: Write[]) => {
    if (!(await writer.commit(writes))) throw new Error("commit failed");
  };
  const user = async (userId: number, streakDays: number, hour = 9, offsetMinutes = 180) => {
    await write(
      { type: "ensureUser", userId, firstName: `u${userId}`, lang: "ru", at: 0 },
      { type: "setStreak", userId, days: streakDays, lastDay: DAY - 1 },
      {
        type: "setReminder",
        userId,
        enabled: true,
        hour,
        offsetMinutes,
        nextAt: MIDNIGHT + (hour * 60 - offsetMinutes) * 60_000,
      },
    );
  };
  /** Moves time to `at`, then waits until the scheduler has handled what is due. */
  const runTo = async (at: number) => {
    clock.advance(at - clock.now());
    await until(() => habits.dueReminders(clock.now(), 10).length === 0, "due reminders handled");
    await writer.flush();
  };
  const counted = async (result: string) =>
    (await metrics.registry.getSingleMetric("rvx_reminders_sent_total")?.get())?.values.find(
      (v) => v.labels.result === result,
    )?.value ?? 0;
  return { clock, habits, sent, outcomes, spawn, write, user, runTo, counted, writer };
}

describe("reminder scheduler", () => {
  it("sends once a day at the user's hour, not before and not twice", async () => {
    const t = setup();
    t.spawn();
    await t.user(1, 3);
    await t.runTo(MIDNIGHT + 6 * H - 60_000); // 08:59 in Moscow
    expect(t.sent).toEqual([]);
    await t.runTo(MIDNIGHT + 6 * H + 60_000);
    expect(t.sent.map(({ userId, content }) => ({ userId, content }))).toEqual([
      { userId: 1, content: { lang: "ru", streak: 3 } },
    ]);
    expect(t.sent[0]?.at).toBeGreaterThanOrEqual(MIDNIGHT + 6 * H);
    await t.runTo(MIDNIGHT + 18 * H);
    expect(t.sent).toHaveLength(1);
    expect(t.habits.reminder(1)).toMatchObject({ nextAt: MIDNIGHT + 30 * H });
    expect(t.habits.reminderStats(MIDNIGHT)).toEqual({ enabled: 1, sentSince: 1 });
    expect(await t.counted("sent")).toBe(1);
  });

  it("does not send twice after a restart and picks up where SQLite says", async () => {
    const t = setup();
    const first = t.spawn();
    await t.user(1, 3);
    await t.user(2, 5, 10);
    await t.runTo(MIDNIGHT + 6 * H + 60_000);
    expect(t.sent.map((s) => s.userId)).toEqual([1]);
    first.stop();
    t.spawn();
    await t.runTo(MIDNIGHT + 7 * H + 60_000);
    expect(t.sent.map((s) => s.userId)).toEqual([1, 2]);
  });

  it("skips a user who learned today and stops a user who blocked the bot", async () => {
    const t = setup();
    t.spawn();
    await t.user(1, 3);
    await t.user(2, 3);
    // A quiz at 04:00 Moscow time: the streak is extended today.
    await t.write(
      { type: "recordDay", userId: 1, day: DAY, xp: 5, learnedAt: MIDNIGHT + H },
      { type: "setStreak", userId: 1, days: 4, lastDay: DAY },
    );
    t.outcomes.set(2, "blocked");
    await t.runTo(MIDNIGHT + 6 * H + 60_000);
    expect(t.sent.map((s) => s.userId)).toEqual([2]);
    expect(t.habits.reminder(2)?.enabled).toBe(false);
    expect(await t.counted("blocked")).toBe(1);
    await t.runTo(MIDNIGHT + 30 * H + 60_000); // the next day
    expect(t.sent.map((s) => [s.userId, s.content.streak])).toEqual([
      [2, 3],
      [1, 4],
    ]);
  });

  it("never sends at night: a reminder found late in the evening waits for the next day", async () => {
    const t = setup();
    await t.user(1, 3);
    t.clock.set(MIDNIGHT + 19 * H + 60_000); // 22:01 in Moscow; the scheduler was down
    t.spawn();
    await t.runTo(MIDNIGHT + 19 * H + 120_000);
    expect(t.sent).toEqual([]);
    expect(t.habits.reminder(1)).toMatchObject({ nextAt: MIDNIGHT + 30 * H });
  });
});
