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
const answer = (index: number, option: number) =>
  ({
    kind: "answer",
    courseId: course.id,
    lessonId: lesson.id,
    questionId: lesson.quiz[index]?.id ?? "",
    option,
  }) as const;

/** Answers every question of the first lesson, right or wrong, from a started quiz. */
function finishQuiz(start: Learner, right: boolean) {
  let last = decideLearn(courses, start, quiz, NOW);
  lesson.quiz.forEach((q, i) => {
    const option = right ? q.correct : (q.correct + 1) % q.options.length;
    last = decideLearn(courses, last.next, answer(i, option), NOW);
  });
  return last;
}

describe("decideLearn", () => {
  it("opens an unlocked lesson page and remembers where the learner reads, writing nothing", () => {
    const d = decideLearn(courses, learner(), page(0), NOW);
    expect(d.reply).toMatchObject({ ok: true, view: { kind: "page", page: 0 } });
    expect(d.next.session).toEqual({
      kind: "reading",
      courseId: course.id,
      lessonId: lesson.id,
      page: 0,
    });
    expect(d.writes).toEqual([]);
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
    const first = decideLearn(courses, started, answer(0, 0), NOW);
    const again = decideLearn(courses, first.next, answer(0, 0), NOW);
    expect(again.reply).toEqual({ ok: false, reason: "stale" });
    expect(again.writes).toEqual([]);
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
