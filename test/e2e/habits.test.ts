import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import type { Bot } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { ask } from "../../src/actors/ask";
import type { ReminderSchedulerMsg, WakeReply } from "../../src/actors/reminder-scheduler";
import { type App, createApp } from "../../src/app";
import type { BotContext } from "../../src/bot/context";
import { ManualClock } from "../../src/clock";
import { t } from "../../src/i18n/i18n";
import { loadCourses } from "../../src/learning/course-data";
import { silentLogger } from "../../src/logger";
import {
  type ApiCall,
  type BotApiEmulator,
  type SentMessage,
  startBotApiEmulator,
  type TestUser,
} from "../support/bot-api-emulator";
import { answerButton } from "../support/quiz-screen";
import { testConfig } from "../support/runtime";

/**
 * Streak reminders and visible progress, end to end in one process: grammY long-polls the Bot
 * API emulator over HTTP, and the app runs on a manual clock, so a few days pass in
 * milliseconds. Users set their reminder with buttons, learn, ignore the bot or block it.
 */

const H = 3_600_000;
/** 2026-11-30 00:00 UTC; Moscow is UTC+3, so 09:00 there is 06:00 UTC. */
const DAY0 = Date.UTC(2026, 10, 30);
const ADMIN = 9000;
const alice: TestUser & { id: number } = { id: 7001, first_name: "Alice", language_code: "en" };
const boris: TestUser & { id: number } = { id: 7002, first_name: "Борис", language_code: "ru" };
const carol: TestUser & { id: number } = { id: 7003, first_name: "Carol", language_code: "en" };
const admin: TestUser & { id: number } = { id: ADMIN, first_name: "Root", language_code: "en" };
const dmitri: TestUser & { id: number } = { id: 7004, first_name: "Dmitri", language_code: "en" };
const [COURSE] = loadCourses();
const LESSON = COURSE?.lessons[0];

describe("habits end to end", () => {
  let api: BotApiEmulator;
  let app: App;
  let bot: Bot<BotContext>;
  const clock = new ManualClock(DAY0 + 4 * H); // 07:00 in Moscow

  beforeAll(async () => {
    api = await startBotApiEmulator();
    app = createApp({
      config: testConfig({
        DB_FLUSH_MAX: "1",
        FLOOD_INTERVAL_MS: "0",
        DEFAULT_LANGUAGE: "en",
        ADMIN_IDS: String(ADMIN),
      }),
      logger: silentLogger(),
      clock,
      telegram: { token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo },
    });
    bot = app.createBot();
    void bot.start({ drop_pending_updates: false });
  });

  afterAll(async () => {
    await bot.stop();
    await app.stop();
    await api.close();
  });

  /** Sends a text and returns the bot's next message to that user. */
  async function say(user: TestUser & { id: number }, text: string): Promise<ApiCall> {
    const after = api.calls.length;
    api.sendText(user, text);
    return api.waitForReply(user.id, { after });
  }

  /**
   * Presses the button with `data` on the user's latest bot message that has it (or, forged,
   * on their latest message) and returns the toast; a real press also waits for the screen.
   */
  async function press(user: TestUser & { id: number }, data: string, forged = false) {
    const message = forged
      ? api.sent(user.id).at(-1)
      : [...api.sent(user.id)].reverse().find((m) => buttons(m).includes(data));
    if (!message) throw new Error(`no button ${data}: ${api.sent(user.id).map(buttons)}`);
    const update = forged
      ? api.forgeButtonPress(user, message, data)
      : api.pressButton(user, message, data);
    const id = update.callback_query?.id;
    const answer = await api.waitFor(
      (c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === id,
    );
    if (!forged) await api.waitForReply(user.id, { after: answer.index });
    return String(answer.payload.text ?? "");
  }

  const buttons = (m: SentMessage | undefined) =>
    ((m?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [])
      .flat()
      .map((b) => ("callback_data" in b ? b.callback_data : ""));

  /** Moves the clock to `at` and waits until the scheduler has handled everything due. */
  async function runTo(at: number): Promise<void> {
    clock.advance(at - clock.now());
    const scheduler = app.reminders;
    if (!scheduler) throw new Error("no reminder scheduler");
    const reply = await ask<ReminderSchedulerMsg, WakeReply>(
      scheduler,
      (replyTo) => ({ type: "wake", replyTo }),
      10_000,
    );
    expect(reply).toEqual({ ok: true });
  }

  const reminders = (user: { id: number }) =>
    api.calls.filter(
      (c) =>
        c.method === "sendMessage" &&
        c.payload.chat_id === user.id &&
        JSON.stringify(c.payload.reply_markup ?? "").includes(t("en", "reminders.continue")),
    );

  /** Sets a reminder with the buttons: time zone, then hour. */
  async function setReminder(user: TestUser & { id: number }, offset: number, hour: number) {
    await say(user, "/reminders");
    await press(user, "rm:z");
    await press(user, `rm:o:${offset}`);
    return press(user, `rm:h:${offset}:${hour}`);
  }

  it("sets a reminder with buttons offering only hours outside the quiet hours", async () => {
    const status = await say(alice, "/reminders");
    expect(String(status.payload.text)).toBe(t("en", "reminders.off"));
    await press(alice, "rm:z");
    const zones = api.sent(alice.id).at(-1);
    expect(zones?.text).toBe(t("en", "reminders.pick_zone"));
    expect(buttons(zones)).toContain("rm:o:180");
    await press(alice, "rm:o:180");
    const hours = buttons(api.sent(alice.id).at(-1)).filter((d) => d.startsWith("rm:h:"));
    expect(hours).toEqual(Array.from({ length: 14 }, (_, i) => `rm:h:180:${i + 8}`));
    expect(await press(alice, "rm:h:180:9")).toBe(t("en", "reminders.saved"));
    expect(api.sent(alice.id).at(-1)?.text).toBe(
      t("en", "reminders.on", { time: "09:00", zone: "UTC+3" }),
    );
    expect(app.runtime.habits.reminder(alice.id)).toMatchObject({
      enabled: true,
      hour: 9,
      offsetMinutes: 180,
      nextAt: DAY0 + 6 * H,
    });
  });

  it("answers a forged reminder button clearly and changes nothing", async () => {
    expect(await press(alice, "rm:h:180:23", true)).toBe(t("en", "reminders.bad_button"));
    expect(await press(alice, "rm:h:17:9", true)).toBe(t("en", "reminders.bad_button"));
    expect(app.runtime.habits.reminder(alice.id)).toMatchObject({ hour: 9, offsetMinutes: 180 });
  });

  it("sends one reminder at the user's hour to keep a streak, with a button back", async () => {
    // An explanation starts a streak but is not learning.
    await say(alice, "SEC approves spot Bitcoin ETF");
    await runTo(DAY0 + 6 * H - 60_000);
    expect(reminders(alice)).toHaveLength(0);
    await runTo(DAY0 + 6 * H + 60_000);
    const [sent] = reminders(alice);
    expect(sent?.payload.text).toBe(t("en", "reminders.push_streak", { days: 1 }));
    expect(JSON.stringify(sent?.payload.reply_markup)).toContain('"callback_data":"M"');
    await runTo(DAY0 + 18 * H);
    expect(reminders(alice)).toHaveLength(1);
  });

  it("shows reminders on and sent today in the admin's /stats", async () => {
    // Day 0, 18:00 UTC: Alice's reminder went out at 06:00 UTC today.
    const stats = await say(admin, "/stats");
    expect(String(stats.payload.text)).toEndWith(
      t("en", "admin.stats_reminders", { on: 1, sent: 1 }),
    );
  });

  it("sends nothing on a day the user already learned", async () => {
    if (!COURSE || !LESSON) throw new Error("no course content");
    // Day 1, 08:10 in Moscow: Alice reads the first lesson to its end and opens its quiz.
    await runTo(DAY0 + 24 * H + 5 * H + 10 * 60_000);
    await say(alice, "/learn");
    await press(alice, `C:${COURSE.id}`);
    for (let page = 0; page < LESSON.pages.length; page++) {
      await press(alice, `L:${COURSE.id}:${LESSON.id}:${page}`);
    }
    await press(alice, `S:${COURSE.id}:${LESSON.id}`);
    await runTo(DAY0 + 24 * H + 6 * H + 60_000);
    expect(reminders(alice)).toHaveLength(1);
    expect(app.runtime.habits.reminder(alice.id)?.nextAt).toBe(DAY0 + 54 * H);
    // Day 2: she does nothing, and her two-day streak is worth a reminder.
    await runTo(DAY0 + 48 * H + 6 * H + 60_000);
    expect(reminders(alice).map((c) => c.payload.text)).toEqual([
      t("en", "reminders.push_streak", { days: 1 }),
      t("en", "reminders.push_streak", { days: 2 }),
    ]);
  });

  it("never sends at night: a reminder found due after 22:00 local waits for the next day", async () => {
    await say(boris, "Биржа Binance взломана, украдено 40 млн долларов");
    await setReminder(boris, -300, 21); // 21:00 in New York is 02:00 UTC
    // The bot was down at 02:00 UTC; it wakes at 03:30 UTC, 22:30 in New York.
    clock.set(DAY0 + 72 * H + 3.5 * H);
    await runTo(clock.now() + 60_000);
    expect(reminders(boris)).toHaveLength(0);
    expect(app.runtime.habits.reminder(boris.id)?.nextAt).toBe(DAY0 + 96 * H + 2 * H);
  });

  it("stops a user's reminders when Telegram says they blocked the bot", async () => {
    await say(carol, "Ethereum upgrade ships next week");
    await setReminder(carol, 0, 10); // 10:00 UTC
    api.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const before = api.calls.filter((c) => c.payload.chat_id === carol.id).length;
    await runTo(DAY0 + 72 * H + 10 * H + 60_000);
    const attempts = api.calls.filter((c) => c.payload.chat_id === carol.id).slice(before);
    expect(attempts.map((c) => [c.method, c.response?.ok])).toEqual([["sendMessage", false]]);
    expect(app.runtime.habits.reminder(carol.id)?.enabled).toBe(false);
    const row = app.db
      .query<{ inactive_at: number | null }, [number]>("SELECT inactive_at FROM users WHERE id = ?")
      .get(carol.id);
    expect(row?.inactive_at).toBeGreaterThan(0);
    const blocked = (await app.metrics.remindersSent.get()).values.find(
      (v) => v.labels.result === "blocked",
    );
    expect(blocked?.value).toBe(1);
    await runTo(DAY0 + 96 * H + 10 * H + 60_000);
    expect(api.calls.filter((c) => c.payload.chat_id === carol.id).slice(before)).toHaveLength(1);
  });

  it("brings a user back to the lesson whose quiz they failed, with a button that opens it", async () => {
    if (!COURSE || !LESSON) throw new Error("no course content");
    await setReminder(dmitri, 0, 12); // 12:00 UTC; it is day 4, 10:01 UTC
    await say(dmitri, "/learn");
    await press(dmitri, `C:${COURSE.id}`);
    for (let page = 0; page < LESSON.pages.length; page++) {
      await press(dmitri, `L:${COURSE.id}:${LESSON.id}:${page}`);
    }
    await press(dmitri, `S:${COURSE.id}:${LESSON.id}`);
    for (const question of LESSON.quiz) {
      // Options are shuffled per attempt: press the button that shows a wrong option.
      const shown = api.sent(dmitri.id).at(-1);
      const rows = (shown?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
      const keyboard = rows.map((row) =>
        row.map((b) => [b.text, "callback_data" in b ? (b.callback_data ?? "") : ""]),
      );
      const wrong = (question.correct + 1) % question.options.length;
      const screen = { text: shown?.text ?? "", keyboard };
      await press(dmitri, answerButton("en", question, screen, wrong).data);
    }
    await runTo(DAY0 + 96 * H + 12 * H + 60_000); // learned today: nothing
    expect(reminders(dmitri)).toHaveLength(0);
    await runTo(DAY0 + 120 * H + 12 * H + 60_000);
    const [sent] = reminders(dmitri);
    expect(sent?.payload.text).toBe(t("en", "reminders.push_streak", { days: 1 }));
    const data = `L:${COURSE.id}:${LESSON.id}:0`;
    expect(JSON.stringify(sent?.payload.reply_markup)).toContain(`"callback_data":"${data}"`);
    await press(dmitri, data);
    expect(api.sent(dmitri.id).at(-1)?.text).toContain(LESSON.title.en);
  });

  it("shows a progress bar and the last seven days in /profile", async () => {
    const profile = String((await say(alice, "/profile")).payload.text);
    const xp = app.runtime.reads.user(alice.id)?.xp ?? 0;
    expect(profile).toContain("% to the next level");
    expect(profile).toMatch(/[▰▱]{10} \d+%/);
    expect(profile).toContain(t("en", "profile.week", { xp, days: "" }).split("\n")[0] ?? "");
  });

  it("sends the weekly progress picture as a PNG with a localized caption", async () => {
    const after = api.calls.length;
    api.sendText(boris, "/progress");
    const call = await api.waitFor((c) => c.method === "sendPhoto" && c.index >= after, {
      timeoutMs: 20_000,
    });
    expect(call.response?.ok).toBe(true);
    const photo = api.sent(boris.id).at(-1);
    expect([...(photo?.photo?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const xp = app.runtime.reads.user(boris.id)?.xp ?? 0;
    expect(photo?.caption).toBe(t("ru", "progress.caption", { xp, level: 1 }));
  });

  it("erases the reminder with /deletemydata", async () => {
    await say(alice, "/deletemydata");
    const token = buttons(api.sent(alice.id).at(-1)).find((d) => d.startsWith("del:y:"));
    if (!token) throw new Error("no confirmation button");
    await press(alice, token);
    await app.runtime.flush();
    expect(app.runtime.habits.reminder(alice.id)).toBeUndefined();
    expect(app.runtime.habits.days(alice.id, 0)).toEqual([]);
  });
});
