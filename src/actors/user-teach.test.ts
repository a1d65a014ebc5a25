import { afterEach, describe, expect, it } from "bun:test";
import { testRuntime } from "../../test/support/runtime";
import type { LearnAction } from "../learning/learn-action";
import { NEWS_LESSON_BONUS } from "../learning/lesson-bonus";
import type { LearnReplyWithBonus, MessageReply, UserMsg } from "./user";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.runtime.stop().catch(() => {});
});

const NEWS = "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity";

const ask = <R>(s: Setup, userId: number, make: (replyTo: never) => UserMsg) =>
  s.runtime.users.ask<R>(userId, make as never, 5000);

async function act(s: Setup, userId: number, action: LearnAction) {
  return ask<LearnReplyWithBonus>(s, userId, (replyTo) => ({
    type: "learnAction",
    action,
    replyTo,
  }));
}

/** Reads the lesson, starts its quiz and answers every question right; the last reply. */
async function passLesson(s: Setup, userId: number, courseId: string, lessonId: string) {
  const lesson = s.runtime.courses
    .find((c) => c.id === courseId)
    ?.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson ${courseId}/${lessonId}`);
  await act(s, userId, { kind: "page", courseId, lessonId, page: lesson.pages.length - 1 });
  let reply = await act(s, userId, { kind: "quiz", courseId, lessonId });
  for (const question of lesson.quiz) {
    if (!reply.ok || reply.view.kind !== "question") throw new Error("no question shown");
    const { attempt, order } = reply.view;
    const shown = order.indexOf(question.correct);
    const answer = { kind: "answer", courseId, lessonId, questionId: question.id, attempt, shown };
    reply = await act(s, userId, answer as LearnAction);
  }
  return reply;
}

describe("user actor: news that teaches", () => {
  it("suggests a lesson under news and pays its same-day bonus once", async () => {
    const s = testRuntime({ env: { FLOOD_INTERVAL_MS: "0", DEFAULT_LANGUAGE: "en" } });
    running.push(s);
    const explained = await ask<MessageReply>(s, 5, (replyTo) => ({
      type: "message",
      input: { text: NEWS, chatId: 5 },
      replyTo,
    }));
    if (!explained.ok || explained.kind !== "explained" || !explained.lesson) {
      throw new Error(`no lesson suggested: ${JSON.stringify(explained)}`);
    }
    expect(explained).toMatchObject({ check: true, lesson: { term: "etf" } });
    expect(explained.lesson.minutes).toBeGreaterThan(0);
    await s.runtime.flush();

    const { course, lesson } = explained.lesson;
    const passed = await passLesson(s, 5, course, lesson);
    expect(passed).toMatchObject({
      ok: true,
      view: { passed: true },
      newsBonus: NEWS_LESSON_BONUS,
    });
    const xp = (s.db.query("SELECT xp FROM users WHERE id = 5").get() as { xp: number }).xp;

    const again = await passLesson(s, 5, course, lesson);
    expect(again).toMatchObject({ ok: true, view: { passed: true } });
    expect(again.ok && again.newsBonus).toBeFalsy();
    const after = (s.db.query("SELECT xp FROM users WHERE id = 5").get() as { xp: number }).xp;
    expect(after - xp).toBeLessThan(NEWS_LESSON_BONUS); // a retry pays only for improvement
  });
});
