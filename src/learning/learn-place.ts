import type { Write } from "../db/writes";
import { type Course, findCourse, findLesson, type Lesson } from "./content";
import { type Decision, ensureUser, type Learner } from "./learner";
import type { LearnSession, QuizAttempt } from "./quiz-session";
import { isOrderOf } from "./shuffle";

/** Where a user is in the learning flow: what is saved with the user. */
export interface LearnPlace {
  readonly session?: LearnSession;
  readonly lastQuiz?: QuizAttempt;
  readonly quizAttempts: number;
}

/** The saved document's format version; another version is not read (the user starts over). */
const VERSION = 1;

export const placeOf = (state: Learner): LearnPlace => ({
  ...(state.session ? { session: state.session } : {}),
  ...(state.lastQuiz ? { lastQuiz: state.lastQuiz } : {}),
  quizAttempts: state.quizAttempts ?? 0,
});

/** The JSON saved in `learn_sessions.data`. */
export const encodePlace = (place: LearnPlace): string =>
  JSON.stringify({
    v: VERSION,
    session: place.session ?? null,
    lastQuiz: place.lastQuiz ?? null,
    quizAttempts: place.quizAttempts,
  });

/**
 * Reads a saved place back, checked against today's content: a part that no longer fits (a
 * lesson removed, a question added, options changed) is dropped, so a press on its old buttons
 * is answered as stale instead of being mapped to the wrong option.
 */
export function decodePlace(data: string | undefined, courses: readonly Course[]): LearnPlace {
  const empty: LearnPlace = { quizAttempts: 0 };
  if (data === undefined) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return empty;
  }
  if (!isRecord(raw) || raw.v !== VERSION) return empty;
  const quizAttempts = isCount(raw.quizAttempts) ? raw.quizAttempts : 0;
  const session = parseSession(raw.session, courses, quizAttempts);
  const lastQuiz = parseAttempt(raw.lastQuiz, courses, quizAttempts, true);
  return { ...(session ? { session } : {}), ...(lastQuiz ? { lastQuiz } : {}), quizAttempts };
}

/**
 * Adds the write saving the learner's place to a decision that changed it, in the same commit
 * as the decision's own writes (after the users row they start with), so what a reply shows is
 * what a restarted actor loads.
 */
export function withPlaceSaved<R>(state: Learner, decision: Decision<R>, now: number): Decision<R> {
  const data = encodePlace(placeOf(decision.next));
  if (data === encodePlace(placeOf(state))) return decision;
  const save: Write = { type: "saveLearning", userId: state.id, data, at: now };
  // Learning writes start with the users row every other row references; without any, that
  // row is written first unless it exists (or is queued to).
  const before =
    decision.writes.length > 0 || state.persisted
      ? decision.writes
      : [ensureUser(state, state.lang, now)];
  const writes = [...before, save];
  return { ...decision, next: { ...decision.next, persisted: true }, writes };
}

function parseSession(
  raw: unknown,
  courses: readonly Course[],
  attempts: number,
): LearnSession | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === "reading") {
    const lesson = lessonOf(raw, courses);
    const page = raw.page;
    if (!lesson || !isCount(page) || page >= lesson.pages.length) return undefined;
    return {
      kind: "reading",
      courseId: String(raw.courseId),
      lessonId: lesson.id,
      page,
    };
  }
  if (raw.kind !== "quiz") return undefined;
  const quiz = parseAttempt(raw, courses, attempts, false);
  return quiz ? { kind: "quiz", ...quiz } : undefined;
}

function parseAttempt(
  raw: unknown,
  courses: readonly Course[],
  attempts: number,
  finished: boolean,
): QuizAttempt | undefined {
  if (!isRecord(raw)) return undefined;
  const lesson = lessonOf(raw, courses);
  const { attempt, orders, answers } = raw;
  if (!lesson || !isCount(attempt) || attempt < 1 || attempt > attempts) return undefined;
  if (!Array.isArray(orders) || orders.length !== lesson.quiz.length) return undefined;
  const ordersOk = lesson.quiz.every((q, i) => {
    const order = orders[i];
    return Array.isArray(order) && isOrderOf(order, q.options.length);
  });
  if (!ordersOk || !Array.isArray(answers)) return undefined;
  const done = answers.length === lesson.quiz.length;
  if (done !== finished || answers.length > lesson.quiz.length) return undefined;
  const answersOk = answers.every(
    (a, i) => isCount(a) && a < (lesson.quiz[i]?.options.length ?? 0),
  );
  if (!answersOk) return undefined;
  return {
    courseId: String(raw.courseId),
    lessonId: lesson.id,
    attempt,
    orders: orders as number[][],
    answers: answers as number[],
  };
}

function lessonOf(raw: Record<string, unknown>, courses: readonly Course[]): Lesson | undefined {
  if (typeof raw.courseId !== "string" || typeof raw.lessonId !== "string") return undefined;
  const course = findCourse(courses, raw.courseId);
  return course && findLesson(course, raw.lessonId);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number => Number.isInteger(value) && Number(value) >= 0;
