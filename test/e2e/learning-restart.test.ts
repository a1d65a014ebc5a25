import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { join } from "node:path";
import { t } from "../../src/i18n/i18n";
import type { Course, Lesson } from "../../src/learning/content";
import { escapeHtml } from "../../src/news/html";
import { type SentMessage, startBotApiEmulator } from "../support/bot-api-emulator";
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

const COURSE = shippedCourses()[0] as Course;
const LESSON = COURSE.lessons[0] as Lesson;

const pageText = (page: number) =>
  t("en", "learn.page", {
    title: escapeHtml(LESSON.title.en),
    page: page + 1,
    pages: LESSON.pages.length,
    text: escapeHtml(LESSON.pages[page]?.en ?? ""),
  });

/**
 * The whole process (`bun src/main.ts`) killed with SIGKILL and started again on the same
 * database, between two presses of "Next", before "Take the quiz" and between two answers: each
 * time the next press carries on where the user was, because the place in the lesson was
 * committed with the press before its screen was sent.
 */
describe("learning across a process restart", () => {
  it("carries on a lesson and its quiz after the process is killed between presses", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const env = {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      DEFAULT_LANGUAGE: "en",
      FLOOD_INTERVAL_MS: "0",
    };
    const carol = { id: 3101, first_name: "Carol", language_code: "en" };
    let rvx = startRvx(env);
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });

    const restart = async () => {
      rvx.kill("SIGKILL");
      await rvx.exited;
      const after = api.calls.length;
      rvx = startRvx(env);
      await api.waitFor((c) => c.method === "getUpdates", { after, timeoutMs: 20_000 });
    };
    const latest = (): SentMessage => {
      const message = api.sent(carol.id).findLast((m) => keyboardOf(m).length > 0);
      if (!message) throw new Error("no screen");
      return message;
    };
    const onScreen = (): ShownScreen => ({ text: latest().text, keyboard: keyboardOf(latest()) });
    const press = async (data: string) => {
      const update = api.pressButton(carol, latest(), data);
      const answer = await api.waitFor(
        (c) =>
          c.method === "answerCallbackQuery" &&
          c.payload.callback_query_id === update.callback_query?.id,
        { timeoutMs: 10_000 },
      );
      const screen = await api.waitForReply(carol.id, { after: answer.index });
      return { toast: answer.payload.text, text: String(screen.payload.text) };
    };
    const pressLabelled = (label: string) => {
      const found = onScreen()
        .keyboard.flat()
        .find(([text]) => text === label);
      if (!found) throw new Error(`no button "${label}"`);
      return press(found[1] ?? "");
    };

    const answers: number[] = [];
    const orders: number[][] = [];
    let attempt = 0;
    try {
      const after = api.calls.length;
      api.sendText(carol, "/learn");
      await api.waitForReply(carol.id, { after });
      await press(`C:${COURSE.id}`);
      await press(`L:${COURSE.id}:${LESSON.id}:0`);
      expect((await pressLabelled(t("en", "learn.next"))).text).toBe(pageText(1));

      // A restart between two presses of "Next".
      await restart();
      let page = 1;
      while (page < LESSON.pages.length - 1) {
        page++;
        expect((await pressLabelled(t("en", "learn.next"))).text).toBe(pageText(page));
      }

      // A restart on the last page: the quiz still counts the lesson as read (the day's
      // first activity, so the streak line shows), which needs the saved reading place.
      await restart();
      const started = await pressLabelled(t("en", "learn.take_quiz"));
      const q0 = LESSON.quiz[0];
      if (!q0) throw new Error("no question");
      const firstOrder = shownOrder("en", q0, onScreen());
      expect(started.text).toStartWith(questionText("en", LESSON, 0, firstOrder));
      expect(started.text).toContain(t("en", "reward.streak", { days: 1 }));

      // Answers with a restart between each two: each press maps through the stored order.
      for (const [i, question] of LESSON.quiz.entries()) {
        const option =
          i === 1 ? (question.correct + 1) % question.options.length : question.correct;
        orders.push(shownOrder("en", question, onScreen()));
        const button = answerButton("en", question, onScreen(), option);
        attempt = button.attempt;
        answers.push(option);
        const reply = await press(button.data);
        expect(reply.toast).toBe(
          t("en", option === question.correct ? "learn.right" : "learn.wrong"),
        );
        if (i < LESSON.quiz.length - 1) {
          await restart();
          const next = onScreen();
          const order = shownOrder("en", LESSON.quiz[i + 1] ?? question, next);
          expect(next.text).toBe(questionText("en", LESSON, i + 1, order));
        }
      }
      expect(latest().text).toStartWith(resultText("en", LESSON, answers, orders));

      // After one more restart the finished quiz's buttons say so, and its review still opens.
      await restart();
      const lastQuestion = LESSON.quiz.at(-1)?.id;
      const old = api.forgeButtonPress(
        carol,
        latest(),
        `Q:${COURSE.id}:${LESSON.id}:${lastQuestion}:${attempt}:0`,
      );
      const toast = await api.waitFor(
        (c) =>
          c.method === "answerCallbackQuery" &&
          c.payload.callback_query_id === old.callback_query?.id,
        { timeoutMs: 10_000 },
      );
      expect(toast.payload.text).toBe(t("en", "learn.quiz_finished"));
      const review = await pressLabelled(t("en", "learn.review_button"));
      expect(review.text).toBe(reviewText("en", LESSON, answers, orders));
    } finally {
      rvx.kill("SIGKILL");
      await rvx.exited;
    }
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const saved = db.query("SELECT data FROM learn_sessions WHERE user_id = ?").get(carol.id) as {
      data: string;
    };
    db.close();
    expect(JSON.parse(saved.data)).toMatchObject({
      lastQuiz: { courseId: COURSE.id, lessonId: LESSON.id, attempt, answers, orders },
      quizAttempts: 1,
    });
  }, 60_000);
});
