import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { t } from "../../src/i18n/i18n";
import type { Lang } from "../../src/i18n/lang";
import { utcDay } from "../../src/learning/calendar";
import type { Course, Lesson, Question } from "../../src/learning/content";
import { progressBar } from "../../src/learning/daily-xp";
import { LEVEL_XP, levelFor, XP } from "../../src/learning/levels";
import { drawQuests, type Quest, type QuestKind } from "../../src/learning/quests";
import { escapeHtml } from "../../src/news/html";
import {
  type ApiCall,
  type BotApiEmulator,
  type SentMessage,
  startBotApiEmulator,
  type TestUser,
} from "../support/bot-api-emulator";
import { startRvx, tempDir } from "../support/process";
import {
  answerButton,
  keyboardOf,
  questionText,
  resultText,
  reviewText,
  type ShownScreen,
  shippedCourses,
  shownOrder,
} from "../support/quiz-screen";

/**
 * The learning flow of the whole process (`bun src/main.ts`) against the Bot API emulator over
 * HTTP: /learn, a lesson read with its buttons, its quiz answered with buttons, the result, and
 * what it changed in /profile, /quests, /leaderboard and SQLite. Right answers come from the
 * shipped course files and are pressed where the screen shows them (options are shuffled per
 * user and attempt); expected screens are built from the locale files.
 */

const COURSES = shippedCourses();
const COURSE = COURSES[0] as Course;
const [L1, L2, L3, L4] = COURSE.lessons as [Lesson, Lesson, Lesson, Lesson];
const DAILY_LIMIT = 50;

type Events = Partial<Record<QuestKind, number>>;

/** A simulated user, what they have done so far, and the XP the bot should have given them. */
interface Learner extends TestUser {
  readonly id: number;
  readonly first_name: string;
  readonly lang: Lang;
  events: Events;
  xp: number;
}

const alice: Learner = {
  id: 3001,
  first_name: "Alice & <Co>",
  language_code: "en",
  lang: "en",
  events: {},
  xp: 0,
};
const boris: Learner = {
  id: 3002,
  first_name: "Борис",
  language_code: "ru",
  lang: "ru",
  events: {},
  xp: 0,
};

/** SQLite's ORDER BY on text: by code unit, not by locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rightOption = (lesson: Lesson, i: number) => lesson.quiz[i]?.correct ?? -1;
const wrongOption = (lesson: Lesson, i: number) => {
  const q = lesson.quiz[i];
  return q ? (q.correct + 1) % q.options.length : -1;
};
const questionOf = (lesson: Lesson, i: number): Question => {
  const q = lesson.quiz[i];
  if (!q) throw new Error(`no question ${i} in ${lesson.id}`);
  return q;
};

/** Today's quests of a user with `events` counted, as the bot should show them. */
function questsAfter(user: Learner, events: Events): Quest[] {
  return drawQuests(user.id, utcDay(Date.now())).quests.map((quest) => {
    const progress = Math.min(quest.target, events[quest.kind] ?? 0);
    return { ...quest, progress, completed: progress >= quest.target };
  });
}

/**
 * Counts `add` into the user's events and XP; returns the quests it completed and the XP it
 * earned, bonuses included, as the reward lines under a screen report them.
 */
function record(user: Learner, add: Events, baseXp: number) {
  const before = questsAfter(user, user.events);
  const events = { ...user.events };
  for (const [kind, n] of Object.entries(add)) {
    events[kind as QuestKind] = (events[kind as QuestKind] ?? 0) + (n ?? 0);
  }
  const completed = questsAfter(user, events).filter(
    (q, i) => q.completed && !before[i]?.completed,
  );
  const xp = baseXp + completed.length * XP.questCompleted;
  const levelBefore = levelFor(user.xp).level;
  user.events = events;
  user.xp += xp;
  const level = levelFor(user.xp).level;
  return { baseXp, completed, level: level > levelBefore ? level : undefined };
}

/** The lines under a screen that report a reward (see rewardLines in quests.ts). */
function rewardText(
  lang: Lang,
  reward: ReturnType<typeof record>,
  streakDays: number | undefined,
): string {
  const lines: string[] = [];
  if (reward.baseXp > 0) lines.push(t(lang, "reward.xp", { xp: reward.baseXp }));
  for (const quest of reward.completed) {
    const name = t(lang, `quest.${quest.kind}`);
    lines.push(t(lang, "reward.quest", { quest: name, bonus: XP.questCompleted }));
  }
  if (streakDays !== undefined) lines.push(t(lang, "reward.streak", { days: streakDays }));
  if (reward.level !== undefined) lines.push(t(lang, "level.up", { level: reward.level }));
  return lines.length > 0 ? `\n\n${lines.join("\n")}` : "";
}

const pageText = (lang: Lang, lesson: Lesson, page: number) =>
  t(lang, "learn.page", {
    title: escapeHtml(lesson.title[lang]),
    page: page + 1,
    pages: lesson.pages.length,
    text: escapeHtml(lesson.pages[page]?.[lang] ?? ""),
  });

/** The inline keyboard of a sent message as rows of [label, callback data]. */
describe("learning end to end", () => {
  const dir = tempDir();
  const dbPath = join(dir.path, "rvx.db");
  let api: BotApiEmulator;
  let rvx: ReturnType<typeof startRvx>;
  let db: Database;
  /** Every button press sent, to check each got exactly one answer. */
  const presses: Update[] = [];

  /** The user's latest bot message with buttons: the learning screen. */
  const latest = (user: Learner): SentMessage => {
    const message = api.sent(user.id).findLast((m) => keyboardOf(m).length > 0);
    if (!message) throw new Error(`no bot message with buttons to ${user.first_name}`);
    return message;
  };

  /** Sends a text and returns the bot's reply. */
  async function say(user: Learner, text: string): Promise<ApiCall> {
    const after = api.calls.length;
    api.sendText(user, text);
    return api.waitForReply(user.id, { after });
  }

  const answerTo = (update: Update) =>
    api.waitFor(
      (c) =>
        c.method === "answerCallbackQuery" &&
        c.payload.callback_query_id === update.callback_query?.id,
    );

  /**
   * Presses a button (found by its data) on the user's latest message and returns the toast and
   * the screen the message was edited to.
   */
  async function press(user: Learner, data: string) {
    const update = api.pressButton(user, latest(user), data);
    presses.push(update);
    const answer = await answerTo(update);
    const screen = await api.waitForReply(user.id, { after: answer.index });
    return {
      toast: answer.payload.text,
      method: screen.method,
      text: String(screen.payload.text),
      keyboard: keyboardOf(screen.payload),
    };
  }

  /** Presses the button labelled `label` on the user's latest message. */
  function pressLabelled(user: Learner, label: string) {
    const found = keyboardOf(latest(user))
      .flat()
      .find(([text]) => text === label);
    if (!found) throw new Error(`no button "${label}" on ${JSON.stringify(latest(user))}`);
    return press(user, found[1] ?? "");
  }

  /** Sends callback data the latest message has no button for; returns each toast. */
  async function forge(user: Learner, ...data: string[]): Promise<unknown[]> {
    const updates = data.map((d) => api.forgeButtonPress(user, latest(user), d));
    presses.push(...updates);
    return Promise.all(updates.map(async (u) => (await answerTo(u)).payload.text));
  }

  /**
   * Waits until everything sent before has been handled: updates of one chat are handled in
   * order, so once a later /profile is answered, earlier presses are done.
   */
  async function fence(user: Learner): Promise<ApiCall> {
    return say(user, "/profile");
  }

  /** Messages sent or edited to a user's chat from call `after` on, except `except`. */
  const screensSince = (user: Learner, after: number, except?: ApiCall) =>
    api.calls.filter(
      (c) =>
        c.index >= after &&
        c !== except &&
        (c.method === "sendMessage" || c.method === "editMessageText") &&
        c.payload.chat_id === user.id,
    );

  /** What SQLite holds about a user's learning. */
  function stored(user: Learner) {
    return {
      user: db.query("SELECT xp, streak_days AS streak FROM users WHERE id = ?").get(user.id) as {
        xp: number;
        streak: number;
      } | null,
      lessons: db
        .query(
          `SELECT lesson_id AS lesson, best_score AS best, completed_at IS NOT NULL AS passed
           FROM lesson_progress WHERE user_id = ? ORDER BY lesson_id`,
        )
        .all(user.id),
      quests: db
        .query(
          "SELECT quest_id AS id, progress FROM quests WHERE user_id = ? AND day = ? ORDER BY quest_id",
        )
        .all(user.id, utcDay(Date.now())),
      weekly: db.query("SELECT SUM(xp) AS xp FROM xp_weekly WHERE user_id = ?").get(user.id),
    };
  }

  /** Reads a lesson from its first page to its last with "Next", checking each page. */
  async function readLesson(user: Learner, lesson: Lesson) {
    const lang = user.lang;
    let screen = await press(user, `L:${COURSE.id}:${lesson.id}:0`);
    for (let page = 0; page < lesson.pages.length; page++) {
      expect(screen.text).toBe(pageText(lang, lesson, page));
      if (page < lesson.pages.length - 1) screen = await pressLabelled(user, t(lang, "learn.next"));
    }
    const last = lesson.pages.length - 1;
    expect(screen.keyboard).toEqual([
      [
        [t(lang, "learn.back"), `L:${COURSE.id}:${lesson.id}:${last - 1}`],
        [t(lang, "learn.take_quiz"), `S:${COURSE.id}:${lesson.id}`],
      ],
    ]);
  }

  /** The user's latest learning screen. */
  const onScreen = (user: Learner): ShownScreen => {
    const message = latest(user);
    return { text: message.text, keyboard: keyboardOf(message) };
  };

  /** Checks a question screen's text for the order it shows its options in; returns that order. */
  function expectQuestion(
    user: Learner,
    screen: ShownScreen,
    lesson: Lesson,
    index: number,
    suffix = "",
  ): number[] {
    const order = shownOrder(user.lang, questionOf(lesson, index), screen);
    expect(screen.text).toBe(questionText(user.lang, lesson, index, order) + suffix);
    return order;
  }

  /**
   * Takes the quiz on screen with `choose(i)` (a content option) for question i, pressing the
   * button where the screen shows that option; after the first question, checks each screen and
   * toast. Returns the result screen, the answers, the orders shown and the attempt number.
   */
  async function answerQuiz(user: Learner, lesson: Lesson, choose: (i: number) => number) {
    const answers: number[] = [];
    const orders: number[][] = [];
    let attempt = 0;
    let screen: Awaited<ReturnType<typeof press>> | undefined;
    for (let i = 0; i < lesson.quiz.length; i++) {
      const option = choose(i);
      answers.push(option);
      const shown = onScreen(user);
      orders.push(shownOrder(user.lang, questionOf(lesson, i), shown));
      const button = answerButton(user.lang, questionOf(lesson, i), shown, option);
      attempt = button.attempt;
      screen = await press(user, button.data);
      const right = option === rightOption(lesson, i);
      expect(screen.toast).toBe(t(user.lang, right ? "learn.right" : "learn.wrong"));
      if (i < lesson.quiz.length - 1) expectQuestion(user, screen, lesson, i + 1);
    }
    if (!screen) throw new Error("a quiz without questions");
    return { screen, answers, orders, attempt };
  }

  beforeAll(async () => {
    api = await startBotApiEmulator();
    rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: dbPath,
      DEFAULT_LANGUAGE: "ru",
      FLOOD_INTERVAL_MS: "0",
      DAILY_LIMIT: String(DAILY_LIMIT),
    });
    await api.waitFor((call) => call.method === "getUpdates", { timeoutMs: 20_000 });
    db = new Database(dbPath, { readonly: true });
  });

  afterAll(async () => {
    db?.close();
    rvx.kill("SIGKILL");
    await api.close();
    dir[Symbol.dispose]();
  });

  it("lists every shipped course with its progress", async () => {
    const reply = await say(alice, "/learn");
    expect(reply.method).toBe("sendMessage");
    expect(reply.payload.text).toBe(
      t("en", "learn.courses", {
        lessonXp: XP.lessonCompleted,
        answerXp: XP.correctAnswer,
        perfectXp: XP.perfectQuiz,
      }),
    );
    expect(keyboardOf(reply.payload)).toEqual(
      COURSES.map((c) => [
        [
          t("en", "learn.course_button", {
            emoji: c.emoji,
            title: c.title.en,
            done: 0,
            total: c.lessons.length,
          }),
          `C:${c.id}`,
        ],
      ]),
    );
  });

  it("opens a course with only its first lesson open", async () => {
    const screen = await press(alice, `C:${COURSE.id}`);
    const line = (status: string, i: number, lesson: Lesson) =>
      t("en", `learn.lesson_${status}` as "learn.lesson_open", {
        number: i + 1,
        title: lesson.title.en,
      });
    expect(screen.method).toBe("editMessageText");
    expect(screen.text).toBe(
      t("en", "learn.course", {
        emoji: escapeHtml(COURSE.emoji),
        title: escapeHtml(COURSE.title.en),
        description: escapeHtml(COURSE.description.en),
        done: 0,
        total: COURSE.lessons.length,
        lessons: COURSE.lessons
          .map((lesson, i) => escapeHtml(line(i === 0 ? "open" : "locked", i, lesson)))
          .join("\n"),
      }),
    );
    expect(screen.keyboard).toEqual([
      [[line("open", 0, L1), `L:${COURSE.id}:${L1.id}:0`]],
      [[t("en", "learn.to_courses"), "M"]],
    ]);
    // A press on the locked second lesson, as a modified client could send it, is refused.
    expect(await forge(alice, `L:${COURSE.id}:${L2.id}:0`, `S:${COURSE.id}:${L2.id}`)).toEqual([
      t("en", "learn.locked"),
      t("en", "learn.locked"),
    ]);
  });

  it("reads a lesson page by page, back and forth", async () => {
    await readLesson(alice, L1);
    const back = await pressLabelled(alice, t("en", "learn.back"));
    expect(back.text).toBe(pageText("en", L1, L1.pages.length - 2));
    const forward = await pressLabelled(alice, t("en", "learn.next"));
    expect(forward.text).toBe(pageText("en", L1, L1.pages.length - 1));
  });

  it("takes the quiz with answer buttons and shows the result with XP and a level-up", async () => {
    const start = api.calls.length;
    const question = await pressLabelled(alice, t("en", "learn.take_quiz"));
    // Reading to the end is the day's first activity: it starts the streak and may end a quest.
    const read = record(alice, { lessonRead: 1 }, 0);
    const order = expectQuestion(alice, question, L1, 0, rewardText("en", read, 1));
    // Buttons numbered as shown; each carries the attempt (Alice's first) and its position.
    const q1 = L1.quiz[0]?.id;
    expect(question.keyboard).toEqual([
      order.map((_, shown) => [String(shown + 1), `Q:${COURSE.id}:${L1.id}:${q1}:1:${shown}`]),
      [[t("en", "learn.to_lessons"), `C:${COURSE.id}`]],
    ]);

    const { screen, answers, orders } = await answerQuiz(alice, L1, (i) => rightOption(L1, i));
    const n = L1.quiz.length;
    const earned = record(
      alice,
      { quizFinished: 1, correctAnswer: n, lessonPassed: 1, perfectQuiz: 1 },
      n * XP.correctAnswer + XP.lessonCompleted + XP.perfectQuiz,
    );
    expect(earned.level).toBeGreaterThan(1);
    expect(screen.text).toBe(
      resultText("en", L1, answers, orders) + rewardText("en", earned, undefined),
    );
    expect(screen.keyboard).toEqual([
      [[t("en", "learn.next_lesson"), `L:${COURSE.id}:${L2.id}:0`]],
      [[t("en", "learn.retry"), `S:${COURSE.id}:${L1.id}`]],
      [[t("en", "learn.to_lessons"), `C:${COURSE.id}`]],
    ]);
    // The whole lesson and quiz edited the one /learn message.
    expect(screensSince(alice, start).map((c) => c.method)).toEqual(
      Array(n + 1).fill("editMessageText"),
    );
    expect(stored(alice)).toEqual({
      user: { xp: alice.xp, streak: 1 },
      lessons: [{ lesson: L1.id, best: n, passed: 1 }],
      quests: questsAfter(alice, alice.events)
        .map((q) => ({ id: q.id, progress: q.progress }))
        .sort((a, b) => byCode(a.id, b.id)),
      weekly: { xp: alice.xp },
    });
  });

  it("shows the new XP, level and streak in /profile", async () => {
    const { level, nextAt } = levelFor(alice.xp);
    const reply = await say(alice, "/profile");
    const params = {
      name: escapeHtml(alice.first_name),
      level,
      xp: alice.xp,
      remaining: DAILY_LIMIT,
      limit: DAILY_LIMIT,
    };
    const head =
      nextAt === undefined
        ? t("en", "profile.max_level", params)
        : t("en", "profile.text", { ...params, nextLevel: level + 1, toNext: nextAt - alice.xp });
    // Every XP of this run was earned today: the bar and the last seven days show it.
    const levelStartXp = LEVEL_XP[level - 1] ?? 0;
    const bar = progressBar({
      days: [],
      level,
      xp: alice.xp,
      levelStartXp,
      nextLevelXp: nextAt,
      streak: 1,
    });
    const weekday = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: "UTC" });
    const today = utcDay(Date.now());
    const days = [6, 5, 4, 3, 2, 1, 0]
      .map((ago) => `${weekday.format(new Date((today - ago) * 86_400_000))} ${ago ? 0 : alice.xp}`)
      .join(" · ");
    expect(reply.payload.text).toBe(
      [
        head,
        t("en", "profile.streak", { days: 1 }),
        t("en", "profile.bar", { bar }),
        t("en", "profile.week", { xp: alice.xp, days }),
      ].join("\n"),
    );
    expect(bar).toMatch(/^[▰▱]{10} \d+%$/);
    expect(level).toBeGreaterThan(1);
  });

  it("shows quest progress in /quests", async () => {
    const reply = await say(alice, "/quests");
    const items = questsAfter(alice, alice.events).map((q) =>
      t("en", q.completed ? "quests.item_done" : "quests.item_open", {
        quest: t("en", `quest.${q.kind}`),
        progress: q.progress,
        target: q.target,
      }),
    );
    const text = String(reply.payload.text);
    expect(text).toStartWith(`${t("en", "quests.title")}\n\n${items.join("\n")}\n\n`);
    expect(text).toContain(`+${XP.questCompleted} XP`);
    // Learning quests moved: at least two of the three are learning ones in any draw.
    expect(questsAfter(alice, alice.events).filter((q) => q.progress > 0).length).toBeGreaterThan(
      1,
    );
  });

  it("opens the next lesson after a pass", async () => {
    const course = await press(alice, `C:${COURSE.id}`);
    expect(course.keyboard.slice(0, 2)).toEqual([
      [
        [
          t("en", "learn.lesson_done", { number: 1, title: L1.title.en }),
          `L:${COURSE.id}:${L1.id}:0`,
        ],
      ],
      [
        [
          t("en", "learn.lesson_open", { number: 2, title: L2.title.en }),
          `L:${COURSE.id}:${L2.id}:0`,
        ],
      ],
    ]);
    expect(course.text).toContain(
      escapeHtml(t("en", "learn.lesson_locked", { number: 3, title: L3.title.en })),
    );
    const courses = await pressLabelled(alice, t("en", "learn.to_courses"));
    expect(courses.keyboard[0]?.[0]?.[0]).toEndWith(`· 1/${COURSE.lessons.length}`);
  });

  it("counts two fast presses of the same answer once", async () => {
    await press(alice, `C:${COURSE.id}`);
    await readLesson(alice, L2);
    const question = await pressLabelled(alice, t("en", "learn.take_quiz"));
    const read = record(alice, { lessonRead: 1 }, 0);
    expectQuestion(alice, question, L2, 0, rewardText("en", read, undefined));
    const xpBefore = stored(alice).user?.xp;
    expect(xpBefore).toBe(alice.xp);

    const n = L2.quiz.length;
    const orders: number[][] = [];
    for (let i = 0; i < n; i++) {
      // Two taps of the right answer before the bot has seen either.
      const message = latest(alice);
      const shown = onScreen(alice);
      orders.push(shownOrder("en", questionOf(L2, i), shown));
      if (questionOf(L2, i).kind === "truefalse") {
        // A true/false statement keeps its two words as buttons, True first.
        expect(shown.keyboard[0]?.map(([label]) => label)).toEqual(["True", "False"]);
      }
      const { data } = answerButton("en", questionOf(L2, i), shown, rightOption(L2, i));
      const taps = [api.pressButton(alice, message, data), api.pressButton(alice, message, data)];
      presses.push(...taps);
      const [first, second] = await Promise.all(taps.map(answerTo));
      // The second tap of the last answer finds the quiz finished.
      expect([first?.payload.text, second?.payload.text]).toEqual([
        t("en", "learn.right"),
        t("en", i < n - 1 ? "learn.answer_stale" : "learn.quiz_finished"),
      ]);
      const screens = screensSince(alice, first?.index ?? 0);
      expect(screens.map((c) => c.method)).toEqual(["editMessageText"]);
      const edited = {
        text: String(screens[0]?.payload.text),
        keyboard: keyboardOf(screens[0]?.payload),
      };
      if (i < n - 1) expectQuestion(alice, edited, L2, i + 1);
    }
    const earned = record(
      alice,
      { quizFinished: 1, correctAnswer: n, lessonPassed: 1, perfectQuiz: 1 },
      n * XP.correctAnswer + XP.lessonCompleted + XP.perfectQuiz,
    );
    const result = latest(alice);
    expect(result.text).toBe(
      resultText(
        "en",
        L2,
        L2.quiz.map((_, i) => rightOption(L2, i)),
        orders,
      ) + rewardText("en", earned, undefined),
    );
    expect(stored(alice).user?.xp).toBe(alice.xp);
    expect(stored(alice).lessons).toEqual(
      [
        { lesson: L1.id, best: L1.quiz.length, passed: 1 },
        { lesson: L2.id, best: n, passed: 1 },
      ].sort((a, b) => byCode(a.lesson, b.lesson)),
    );
  });

  it("answers forged and tampered buttons politely and changes nothing", async () => {
    const [q1, q2] = L3.quiz;
    if (!q1 || !q2) throw new Error("lesson 3 has too few questions");
    const c = COURSE.id;
    await readLesson(alice, L3);
    const started = await pressLabelled(alice, t("en", "learn.take_quiz"));
    const read = record(alice, { lessonRead: 1 }, 0);
    expectQuestion(alice, started, L3, 0, rewardText("en", read, undefined));
    const before = stored(alice);
    const from = api.calls.length;
    const tooLong = `Q:${c}:${L1.id}:${"x".repeat(64)}:0`;
    expect(new TextEncoder().encode(tooLong).length).toBeGreaterThan(64);
    expect(
      await forge(
        alice,
        "C:nosuch",
        `C:${c.toUpperCase()}`,
        `L:${c}:${L1.id}:${L1.pages.length}`,
        `L:${c}:${L4.id}:0`,
        `S:${c}:${L4.id}`,
        // Alice's first quiz (L1, attempt 1) is neither running nor her last one; her second
        // (L2, attempt 2) is finished; the answer format before shuffling is not read.
        `Q:${c}:${L1.id}:${L1.quiz[0]?.id}:1:0`,
        `Q:${c}:${L2.id}:${L2.quiz[0]?.id}:2:0`,
        `Q:${c}:${L1.id}:${L1.quiz[0]?.id}:${rightOption(L1, 0)}`,
        `R:${c}:${L1.id}:1:0`,
        tooLong,
        "M:evil",
      ),
    ).toEqual([
      t("en", "learn.stale"),
      t("en", "learn.stale"),
      t("en", "learn.stale"),
      t("en", "learn.locked"),
      t("en", "learn.locked"),
      t("en", "learn.quiz_gone"),
      t("en", "learn.quiz_finished"),
      t("en", "learn.stale"),
      t("en", "learn.review_gone"),
      t("en", "learn.stale"),
      t("en", "learn.stale"),
    ]);
    // Tampered answers to the running quiz (attempt 3): none moves it on.
    expect(
      await forge(
        alice,
        `Q:${c}:${L3.id}:${q1.id}:3:9`,
        `Q:${c}:${L3.id}:${q2.id}:3:0`,
        `Q:nosuch:${L3.id}:${q1.id}:3:0`,
        `Q:${c}:${L2.id}:${q1.id}:3:0`,
        `Q:${c}:${L3.id}:${q1.id}:2:0`,
      ),
    ).toEqual([
      t("en", "learn.answer_stale"),
      t("en", "learn.answer_stale"),
      t("en", "learn.answer_stale"),
      t("en", "learn.quiz_gone"),
      t("en", "learn.quiz_gone"),
    ]);
    const profile = await fence(alice);
    expect(screensSince(alice, from, profile)).toEqual([]);
    expect(stored(alice)).toEqual(before);
    // The quiz is where it was: its first question still takes an answer.
    const next = await press(alice, answerButton("en", q1, onScreen(alice), q1.correct).data);
    expectQuestion(alice, next, L3, 1);
  });

  it("shows a screen as a new message when the old one can no longer be edited", async () => {
    api.failNext("editMessageText", {
      error_code: 400,
      description: "Bad Request: message can't be edited",
    });
    const screen = await pressLabelled(alice, t("en", "learn.to_lessons"));
    expect(screen.method).toBe("sendMessage");
    expect(screen.text).toStartWith(`${escapeHtml(COURSE.emoji)} <b>`);
    expect(screen.keyboard.at(-1)).toEqual([[t("en", "learn.to_courses"), "M"]]);
  });

  it("fails a quiz in Russian, keeps the next lesson locked, then passes on a retry", async () => {
    const list = await say(boris, "/learn");
    expect(String(list.payload.text)).toStartWith("📚 <b>Курсы</b>");
    await press(boris, `C:${COURSE.id}`);
    await readLesson(boris, L1);
    const question = await pressLabelled(boris, t("ru", "learn.take_quiz"));
    const read = record(boris, { lessonRead: 1 }, 0);
    expectQuestion(boris, question, L1, 0, rewardText("ru", read, 1));

    // One right answer short of two thirds.
    const needed = Math.ceil((L1.quiz.length * 2) / 3);
    const failed = await answerQuiz(boris, L1, (i) =>
      i < needed - 1 ? rightOption(L1, i) : wrongOption(L1, i),
    );
    const partial = record(
      boris,
      { quizFinished: 1, correctAnswer: needed - 1 },
      (needed - 1) * XP.correctAnswer,
    );
    expect(failed.screen.text).toBe(
      resultText("ru", L1, failed.answers, failed.orders) + rewardText("ru", partial, undefined),
    );
    expect(failed.screen.text).toStartWith(
      t("ru", "learn.result_failed", {
        title: escapeHtml(L1.title.ru),
        score: needed - 1,
        total: L1.quiz.length,
        needed,
      }),
    );
    const review = `R:${COURSE.id}:${L1.id}:${failed.attempt}:0`;
    expect(failed.screen.keyboard).toEqual([
      [[t("ru", "learn.review_button"), review]],
      [[t("ru", "learn.retry"), `S:${COURSE.id}:${L1.id}`]],
      [[t("ru", "learn.to_lessons"), `C:${COURSE.id}`]],
    ]);
    expect(await forge(boris, `L:${COURSE.id}:${L2.id}:0`)).toEqual([t("ru", "learn.locked")]);

    // The review lists the questions answered wrong, with the options as Boris saw them.
    const mistakes = await pressLabelled(boris, t("ru", "learn.review_button"));
    expect(mistakes.text).toBe(reviewText("ru", L1, failed.answers, failed.orders));
    expect(mistakes.keyboard).toEqual([
      [[t("ru", "learn.retry"), `S:${COURSE.id}:${L1.id}`]],
      [[t("ru", "learn.to_lessons"), `C:${COURSE.id}`]],
    ]);

    const retry = await pressLabelled(boris, t("ru", "learn.retry"));
    const retryOrder = expectQuestion(boris, retry, L1, 0);
    const passed = await answerQuiz(boris, L1, (i) =>
      i < needed ? rightOption(L1, i) : wrongOption(L1, i),
    );
    // A new attempt is shuffled anew.
    expect(passed.attempt).toBe(failed.attempt + 1);
    expect(passed.orders[0]).toEqual(retryOrder);
    expect(passed.orders).not.toEqual(failed.orders);
    // Right answers pay only beyond the best attempt, so a retry cannot farm XP.
    const earned = record(
      boris,
      { quizFinished: 1, correctAnswer: needed, lessonPassed: 1 },
      XP.correctAnswer + XP.lessonCompleted,
    );
    expect(passed.screen.text).toBe(
      resultText("ru", L1, passed.answers, passed.orders) + rewardText("ru", earned, undefined),
    );
    expect(passed.screen.keyboard[0]).toEqual([
      [t("ru", "learn.next_lesson"), `L:${COURSE.id}:${L2.id}:0`],
    ]);
    expect(stored(boris).user?.xp).toBe(boris.xp);
  });

  it("keeps the way on after a failed retry of a passed lesson, and pays nothing for it", async () => {
    await pressLabelled(boris, t("ru", "learn.retry"));
    const failed = await answerQuiz(boris, L1, (i) => wrongOption(L1, i));
    const nothing = record(boris, { quizFinished: 1 }, 0);
    expect(failed.screen.text).toBe(
      resultText("ru", L1, failed.answers, failed.orders) + rewardText("ru", nothing, undefined),
    );
    expect(failed.screen.keyboard).toEqual([
      [[t("ru", "learn.next_lesson"), `L:${COURSE.id}:${L2.id}:0`]],
      [[t("ru", "learn.review_button"), `R:${COURSE.id}:${L1.id}:${failed.attempt}:0`]],
      [[t("ru", "learn.retry"), `S:${COURSE.id}:${L1.id}`]],
      [[t("ru", "learn.to_lessons"), `C:${COURSE.id}`]],
    ]);
    const next = await pressLabelled(boris, t("ru", "learn.next_lesson"));
    expect(next.text).toBe(pageText("ru", L2, 0));
    expect(stored(boris).user?.xp).toBe(boris.xp);
    expect(stored(boris).lessons).toEqual([
      { lesson: L1.id, best: Math.ceil((L1.quiz.length * 2) / 3), passed: 1 },
    ]);
  });

  it("ranks both learners on /leaderboard, each marked where it is them", async () => {
    const ranked = [alice, boris]
      .filter((u) => u.xp > 0)
      .sort((a, b) => b.xp - a.xp || a.id - b.id);
    const board = (viewer: Learner) =>
      ranked
        .map((u) =>
          t(viewer.lang, u === viewer ? "leaderboard.entry_me" : "leaderboard.entry", {
            rank: 1 + ranked.filter((other) => other.xp > u.xp).length,
            name: escapeHtml(u.first_name),
            xp: u.xp,
          }),
        )
        .join("\n");
    for (const viewer of [alice, boris]) {
      const reply = await say(viewer, "/leaderboard");
      const lang = viewer.lang;
      expect(reply.payload.text).toBe(
        [
          t(lang, "leaderboard.title"),
          `${t(lang, "leaderboard.week")}\n${board(viewer)}`,
          `${t(lang, "leaderboard.all_time")}\n${board(viewer)}`,
        ].join("\n\n"),
      );
    }
    expect(ranked[0]).toBe(alice);
  });

  it("answers every button press exactly once", () => {
    const answers = presses.map((update) => {
      const id = update.callback_query?.id;
      const calls = api.calls.filter(
        (c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === id,
      );
      return calls.map((c) => c.response?.ok);
    });
    expect(answers).toEqual(presses.map(() => [true]));
  });

  it("stops cleanly and logged no failed update", async () => {
    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
    const log = await new Response(rvx.stdout).text();
    expect(log).not.toContain("update failed");
  });
});
