import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/create-bot";
import { t } from "../../src/i18n/i18n";
import type { Lang } from "../../src/i18n/lang";
import type { Lesson } from "../../src/learning/content";
import { loadCourses } from "../../src/learning/course-data";
import { silentLogger } from "../../src/logger";
import {
  type BotApiEmulator,
  type SentMessage,
  startBotApiEmulator,
  type TestUser,
} from "../support/bot-api-emulator";
import {
  answerButton,
  keyboardOf,
  questionText,
  resultText,
  reviewText,
  type ShownScreen,
  shownOrder,
} from "../support/quiz-screen";
import { testRuntime } from "../support/runtime";

const COURSE = loadCourses()[0];
if (!COURSE) throw new Error("no course");
const [L1, L2] = COURSE.lessons as [Lesson, Lesson];
const IDLE_MS = 60_000;

/**
 * The bot in this process (grammY runner against the Bot API emulator) over a runtime on an
 * injected clock, so passivation (USER_IDLE_MS) happens when the test moves time: a quiz goes
 * on after its user's actor was passivated between two answers, options are shuffled per user
 * and attempt and each press maps to the option shown, true/false questions are asked with
 * their two words, and the review lists the mistakes.
 */
describe("learning sessions through the Bot API", () => {
  let api: BotApiEmulator;
  let setup: ReturnType<typeof testRuntime>;
  let runner: RunnerHandle;

  beforeAll(async () => {
    api = await startBotApiEmulator();
    setup = testRuntime({ env: { USER_IDLE_MS: String(IDLE_MS), FLOOD_INTERVAL_MS: "0" } });
    const bot = createBot(api.token, {
      config: setup.config,
      clock: setup.clock,
      logger: silentLogger(),
      metrics: setup.metrics,
      users: setup.runtime.users,
      apiRoot: api.apiRoot,
      botInfo: api.botInfo,
    });
    runner = run(bot);
  });

  afterAll(async () => {
    await runner.stop();
    await setup.runtime.stop();
    await api.close();
  });

  const user = (id: number, lang: Lang): TestUser & { lang: Lang } => ({
    id,
    first_name: `U${id}`,
    language_code: lang,
    lang,
  });
  const latest = (u: TestUser): SentMessage => {
    const message = api.sent(u.id).findLast((m) => keyboardOf(m).length > 0);
    if (!message) throw new Error(`no screen for ${u.id}`);
    return message;
  };
  const onScreen = (u: TestUser): ShownScreen => ({
    text: latest(u).text,
    keyboard: keyboardOf(latest(u)),
  });
  const answered = (update: Update) =>
    api.waitFor(
      (c) =>
        c.method === "answerCallbackQuery" &&
        c.payload.callback_query_id === update.callback_query?.id,
    );
  /** Presses `data` (forged when the screen has no such button); returns the toast and screen. */
  async function press(u: TestUser, data: string) {
    const onKeyboard = keyboardOf(latest(u))
      .flat()
      .some(([, d]) => d === data);
    const update = onKeyboard
      ? api.pressButton(u, latest(u), data)
      : api.forgeButtonPress(u, latest(u), data);
    const answer = await answered(update);
    return { toast: answer.payload.text, answer };
  }
  async function pressForScreen(u: TestUser, data: string) {
    const { toast, answer } = await press(u, data);
    const screen = await api.waitForReply(u.id, { after: answer.index });
    return { toast, text: String(screen.payload.text) };
  }
  /** /learn: a screen to press learning buttons on. */
  async function open(u: TestUser) {
    const after = api.calls.length;
    api.sendText(u, "/learn");
    await api.waitForReply(u.id, { after });
  }
  /** Starts `lesson`'s quiz and answers it with `choose(i)`, reading each screen. */
  async function takeQuiz(
    u: TestUser & { lang: Lang },
    lesson: Lesson,
    choose: (i: number) => number,
    between: (i: number) => void = () => {},
  ) {
    await pressForScreen(u, `S:${COURSE?.id}:${lesson.id}`);
    const answers: number[] = [];
    const orders: number[][] = [];
    const toasts: unknown[] = [];
    let attempt = 0;
    for (const [i, question] of lesson.quiz.entries()) {
      if (i > 0) between(i);
      const screen = onScreen(u);
      const order = shownOrder(u.lang, question, screen);
      expect(screen.text).toBe(questionText(u.lang, lesson, i, order));
      orders.push(order);
      answers.push(choose(i));
      const button = answerButton(u.lang, question, screen, choose(i));
      attempt = button.attempt;
      toasts.push((await pressForScreen(u, button.data)).toast);
    }
    return { answers, orders, toasts, attempt };
  }
  const right = (lesson: Lesson) => (i: number) => lesson.quiz[i]?.correct ?? -1;
  const toastsFor = (lang: Lang, lesson: Lesson, answers: number[]) =>
    answers.map((a, i) => t(lang, a === lesson.quiz[i]?.correct ? "learn.right" : "learn.wrong"));

  it("carries on a quiz when the user's actor was passivated between two answers", async () => {
    const dave = user(4001, "en");
    await open(dave);
    const wrongFirst = (i: number) =>
      i === 0 ? ((L1.quiz[0]?.correct ?? 0) + 1) % (L1.quiz[0]?.options.length ?? 1) : right(L1)(i);
    const passivated: number[] = [];
    const quiz = await takeQuiz(dave, L1, wrongFirst, () => {
      setup.clock.advance(IDLE_MS);
      passivated.push(setup.runtime.users.size);
    });
    // Before every answer after the first, no user actor was alive: each was revived from SQLite.
    expect(passivated).toEqual(L1.quiz.slice(1).map(() => 0));
    expect(quiz.toasts).toEqual(toastsFor("en", L1, quiz.answers));
    expect(latest(dave).text).toStartWith(resultText("en", L1, quiz.answers, quiz.orders));
    setup.clock.advance(IDLE_MS);
    expect(setup.runtime.users.size).toBe(0);
    const review = await pressForScreen(dave, `R:${COURSE.id}:${L1.id}:${quiz.attempt}:0`);
    expect(review.text).toBe(reviewText("en", L1, quiz.answers, quiz.orders));
  });

  it("shows two users, and two attempts, the options in other orders and maps each press", async () => {
    const erin = user(4002, "en");
    const fedor = user(4003, "ru");
    await open(erin);
    await open(fedor);
    const a = await takeQuiz(erin, L1, right(L1));
    const b = await takeQuiz(fedor, L1, right(L1));
    const c = await takeQuiz(erin, L1, right(L1));
    expect(a.orders).not.toEqual(b.orders);
    expect(a.orders).not.toEqual(c.orders);
    expect(c.attempt).toBe(a.attempt + 1);
    // Every press of the right option, wherever it was shown, counted as right.
    expect(a.toasts).toEqual(toastsFor("en", L1, a.answers));
    expect(b.toasts).toEqual(toastsFor("ru", L1, b.answers));
    expect(latest(fedor).text).toStartWith(resultText("ru", L1, b.answers, b.orders));
    // The buttons of Erin's first attempt now answer that it is over, and change nothing.
    const stale = await press(erin, `Q:${COURSE.id}:${L1.id}:${L1.quiz[0]?.id}:${a.attempt}:0`);
    expect(stale.toast).toBe(t("en", "learn.quiz_gone"));
    const finished = await press(erin, `Q:${COURSE.id}:${L1.id}:${L1.quiz[0]?.id}:${c.attempt}:0`);
    expect(finished.toast).toBe(t("en", "learn.quiz_finished"));
    const oldReview = await press(erin, `R:${COURSE.id}:${L1.id}:${a.attempt}:0`);
    expect(oldReview.toast).toBe(t("en", "learn.review_gone"));
  });

  it("asks a true/false statement with its two words as buttons, True first", async () => {
    const fedor = user(4003, "ru");
    const index = L2.quiz.findIndex((q) => q.kind === "truefalse");
    const statement = L2.quiz[index];
    if (!statement) throw new Error("lesson 2 has no true/false question");
    const wrongTf = (i: number) => (i === index ? 1 - statement.correct : right(L2)(i));
    const quiz = await takeQuiz(fedor, L2, wrongTf);
    expect(quiz.orders[index]).toEqual([0, 1]);
    expect(quiz.toasts[index]).toBe(t("ru", "learn.wrong"));
    const review = await pressForScreen(fedor, `R:${COURSE.id}:${L2.id}:${quiz.attempt}:0`);
    expect(review.text).toBe(reviewText("ru", L2, quiz.answers, quiz.orders));
    expect(review.text).toContain(
      `✅ ${1 + statement.correct}) ${statement.options[statement.correct]?.ru}`,
    );
  });
});
