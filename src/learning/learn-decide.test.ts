import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import type { Write } from "../db/writes";
import { loadCourses } from "./course-data";
import { decideLearn, decideQuests } from "./learn-decide";
import { freshLearner, type Learner } from "./learner";
import { XP } from "./levels";
import { progressKey } from "./progress";
import { drawQuests } from "./quests";

const courses = loadCourses();
const course = courses[0] ?? raise("no course");
const lesson = course.lessons[0] ?? raise("no lesson");
const second = course.lessons[1] ?? raise("no second lesson");
const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = utcDay(NOW);

function raise(message: string): never {
  throw new Error(message);
}

/** A learner with today's quests drawn, as the user actor hands it to the rules. */
const learner = (over: Partial<Learner> = {}): Learner => ({
  ...freshLearner(7, "en"),
  firstName: "Ann",
  persisted: true,
  quests: drawQuests(7, DAY),
  ...over,
});

const types = (writes: readonly Write[]) => writes.map((w) => w.type);
const page = (n: number) =>
  ({ kind: "page", courseId: course.id, lessonId: lesson.id, page: n }) as const;
const quiz = { kind: "quiz", courseId: course.id, lessonId: lesson.id } as const;
/** The press of content option `option` of question `index`, where the quiz of `state` shows it. */
function answer(state: Learner, index: number, option: number) {
  const session = state.session?.kind === "quiz" ? state.session : undefined;
  return {
    kind: "answer",
    courseId: course.id,
    lessonId: lesson.id,
    questionId: lesson.quiz[index]?.id ?? "",
    attempt: session?.attempt ?? 1,
    shown: session?.orders[index]?.indexOf(option) ?? option,
  } as const;
}

/** Answers every question of the first lesson, right or wrong, from a started quiz. */
function finishQuiz(start: Learner, right: boolean | ((i: number) => boolean)) {
  let last = decideLearn(courses, start, quiz, NOW);
  lesson.quiz.forEach((q, i) => {
    const isRight = typeof right === "function" ? right(i) : right;
    const option = isRight ? q.correct : (q.correct + 1) % q.options.length;
    last = decideLearn(courses, last.next, answer(last.next, i, option), NOW);
  });
  return last;
}

describe("decideLearn", () => {
  it("opens an unlocked lesson page and saves where the learner reads", () => {
    const d = decideLearn(courses, learner(), page(0), NOW);
    expect(d.reply).toMatchObject({ ok: true, view: { kind: "page", page: 0 } });
    const session = { kind: "reading", courseId: course.id, lessonId: lesson.id, page: 0 } as const;
    expect(d.next.session).toEqual(session);
    expect(d.writes).toEqual([
      { type: "saveLearning", userId: 7, data: expect.any(String), at: NOW },
    ]);
    // Showing the same page again moves nothing and writes nothing.
    expect(decideLearn(courses, d.next, page(0), NOW).writes).toEqual([]);
  });

  it("writes a new user's row before their saved place", () => {
    const d = decideLearn(courses, learner({ persisted: false }), page(0), NOW);
    expect(types(d.writes)).toEqual(["ensureUser", "saveLearning"]);
    expect(d.next.persisted).toBe(true);
  });

  it("refuses a locked lesson and a forged page without changing the state", () => {
    const state = learner();
    const locked = decideLearn(
      courses,
      state,
      { kind: "page", courseId: course.id, lessonId: second.id, page: 0 },
      NOW,
    );
    expect(locked).toEqual({ reply: { ok: false, reason: "locked" }, next: state, writes: [] });
    const forged = decideLearn(courses, state, page(99), NOW);
    expect(forged).toEqual({ reply: { ok: false, reason: "stale" }, next: state, writes: [] });
  });

  it("counts a lesson read to its last page when its quiz starts, and commits the streak", () => {
    const lastPage = lesson.pages.length - 1;
    const reading = decideLearn(courses, learner(), page(lastPage), NOW).next;
    const d = decideLearn(courses, reading, quiz, NOW);
    expect(d.reply).toMatchObject({ ok: true, view: { kind: "question", index: 0 } });
    expect(types(d.writes)).toContain("setStreak");
    expect(d.writes[0]).toMatchObject({ type: "ensureUser", userId: 7 });
    expect(d.next.streak).toEqual({ days: 1, lastDay: DAY });
  });

  it("scores a finished quiz: the record, XP and progress are written with the reply", () => {
    const d = finishQuiz(learner(), true);
    const total = lesson.quiz.length;
    expect(d.reply).toMatchObject({
      ok: true,
      feedback: "right",
      view: { kind: "result", score: total, passed: true, next: second },
    });
    expect(types(d.writes)).toEqual(expect.arrayContaining(["recordQuiz", "awardXp"]));
    const base = total * XP.correctAnswer + XP.lessonCompleted + XP.perfectQuiz;
    const award = d.writes.find((w) => w.type === "awardXp");
    expect(award && "amount" in award && award.amount).toBeGreaterThanOrEqual(base);
    expect(d.next.progress.get(progressKey(course.id, lesson.id))).toEqual({
      bestScore: total,
      completed: true,
    });
    expect(d.next.session).toBeUndefined();
  });

  it("answers a second press of a counted answer as stale", () => {
    const started = decideLearn(courses, learner(), quiz, NOW).next;
    const first = decideLearn(courses, started, answer(started, 0, 0), NOW);
    const again = decideLearn(courses, first.next, answer(started, 0, 0), NOW);
    expect(again.reply).toEqual({ ok: false, reason: "stale" });
    expect(again.writes).toEqual([]);
  });

  it("starts each quiz as a new attempt whose shuffled order the question view shows", () => {
    const first = decideLearn(courses, learner(), quiz, NOW);
    const session = first.next.session;
    if (session?.kind !== "quiz") throw new Error("no quiz started");
    expect(session).toMatchObject({ attempt: 1, answers: [] });
    expect(first.reply).toMatchObject({ view: { attempt: 1, order: session.orders[0] } });
    expect(first.next.quizAttempts).toBe(1);
    expect(types(first.writes)).toEqual(["saveLearning"]);
    const second = decideLearn(courses, first.next, quiz, NOW).next.session;
    expect(second).toMatchObject({ kind: "quiz", attempt: 2 });
    expect(second?.kind === "quiz" && second.orders).not.toEqual(session.orders);
  });

  it("saves the place in the same commit as a finished quiz's XP", () => {
    const d = finishQuiz(learner(), true);
    expect(d.writes[0]?.type).toBe("ensureUser");
    expect(d.writes.at(-1)?.type).toBe("saveLearning");
    expect(d.next.lastQuiz).toMatchObject({ lessonId: lesson.id, attempt: 1 });
  });

  it("answers a button of a finished attempt as finished, also during the next attempt", () => {
    const done = finishQuiz(learner(), true).next;
    const last = lesson.quiz.length - 1;
    const old = { ...answer(done, last, 0), attempt: 1 };
    expect(decideLearn(courses, done, old, NOW).reply).toEqual({ ok: false, reason: "finished" });
    const retry = decideLearn(courses, done, quiz, NOW).next;
    expect(
      decideLearn(courses, retry, { ...old, questionId: lesson.quiz[0]?.id ?? "" }, NOW).reply,
    ).toEqual({
      ok: false,
      reason: "finished",
    });
  });

  it("reviews the mistakes of the last finished attempt only", () => {
    const done = finishQuiz(learner(), (i) => i !== 1).next;
    const review = { kind: "review", courseId: course.id, lessonId: lesson.id, page: 0 } as const;
    const d = decideLearn(courses, done, { ...review, attempt: 1 }, NOW);
    const chosen = ((lesson.quiz[1]?.correct ?? 0) + 1) % (lesson.quiz[1]?.options.length ?? 1);
    expect(d.reply).toMatchObject({
      ok: true,
      view: {
        kind: "review",
        attempt: 1,
        mistakes: [{ index: 1, chosen, question: lesson.quiz[1] }],
      },
    });
    expect(d.writes).toEqual([]);
    expect(decideLearn(courses, done, { ...review, attempt: 2 }, NOW).reply).toEqual({
      ok: false,
      reason: "gone",
    });
  });

  it("earns nothing twice for retrying a passed quiz", () => {
    const passed = finishQuiz(learner(), true).next;
    const retry = finishQuiz({ ...passed, quests: passed.quests }, true);
    const award = retry.writes.find((w) => w.type === "awardXp");
    const questBonus = (retry.reply.ok && retry.reply.reward?.questsCompleted.length) || 0;
    expect(award && "amount" in award ? award.amount : 0).toBe(questBonus * XP.questCompleted);
  });
});

describe("decideQuests", () => {
  it("shows today's quests and the time to the next UTC midnight", () => {
    const d = decideQuests(learner(), NOW);
    expect(d.reply).toMatchObject({
      ok: true,
      bonus: XP.questCompleted,
      resetInMs: 12 * 3_600_000,
    });
    expect(d.writes).toEqual([]);
  });
});
