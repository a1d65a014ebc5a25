import { utcDay } from "../clock";
import { assertNever } from "../errors";
import { untilNextDay } from "./calendar";
import { type Course, findCourse, findLesson, type Lesson } from "./content";
import type { LearnAction } from "./learn-action";
import { withPlaceSaved } from "./learn-place";
import type { LearnReply, LearnView, QuestsReply } from "./learn-view";
import { answer, type Decision, type Learner } from "./learner";
import { XP } from "./levels";
import { courseProgress, isUnlocked, lessonStatuses, progressKey, quizRewards } from "./progress";
import { drawQuests } from "./quests";
import {
  answerQuestion,
  isAttempt,
  isReadToEnd,
  type LearnSession,
  scoreOf,
  startQuiz,
} from "./quiz-session";
import { reviewView } from "./review";
import { rewardActivity } from "./reward";
import { quizOrders } from "./shuffle";

export type { LeaderboardReply, LearnReply, LearnView, Mistake, QuestsReply } from "./learn-view";

const STALE = { ok: false, reason: "stale" } as const;
const LOCKED = { ok: false, reason: "locked" } as const;
const GONE = { ok: false, reason: "gone" } as const;
const FINISHED = { ok: false, reason: "finished" } as const;

/** The course list with this learner's progress. */
export function coursesView(courses: readonly Course[], state: Learner): LearnView {
  return {
    kind: "courses",
    courses: courses.map((course) => ({ course, ...courseProgress(course, state.progress) })),
  };
}

/** Today's quests (`state.quests` must be today's, see withQuestsOf). */
export function decideQuests(state: Learner, now: number): Decision<QuestsReply> {
  const day = utcDay(now);
  const quests = state.quests?.day === day ? state.quests : drawQuests(state.id, day);
  const reply = {
    ok: true,
    quests: quests.quests,
    bonus: XP.questCompleted,
    resetInMs: untilNextDay(now),
  } as const;
  return answer(reply, { ...state, quests });
}

/**
 * A learning button press: which screen comes next, and for a lesson read to its end or a
 * finished quiz, the XP, streak and quest writes to commit before the reply. A press that
 * moves the user (another page, a quiz started or answered) saves their place in the same
 * commit, so a passivated or restarted actor carries on from it.
 */
export function decideLearn(
  courses: readonly Course[],
  state: Learner,
  action: LearnAction,
  now: number,
): Decision<LearnReply> {
  return withPlaceSaved(state, decide(courses, state, action, now), now);
}

function decide(
  courses: readonly Course[],
  state: Learner,
  action: LearnAction,
  now: number,
): Decision<LearnReply> {
  const lookup = (courseId: string, lessonId: string) => {
    const course = findCourse(courses, courseId);
    const lesson = course && findLesson(course, lessonId);
    return course && lesson ? { course, lesson } : undefined;
  };
  switch (action.kind) {
    case "courses":
      return answer({ ok: true, view: coursesView(courses, state) }, state);
    case "course": {
      const course = findCourse(courses, action.courseId);
      if (!course) return answer(STALE, state);
      const statuses = lessonStatuses(course, state.progress);
      const lessons = course.lessons.map((lesson, i) => ({
        lesson,
        status: statuses[i] ?? "locked",
      }));
      return answer({ ok: true, view: { kind: "course", course, lessons } }, state);
    }
    case "page": {
      const found = lookup(action.courseId, action.lessonId);
      if (!found || action.page >= found.lesson.pages.length) return answer(STALE, state);
      if (!isUnlocked(found.course, found.lesson.id, state.progress)) return answer(LOCKED, state);
      const { courseId, lessonId, page } = action;
      const session: LearnSession = { kind: "reading", courseId, lessonId, page };
      return answer({ ok: true, view: { kind: "page", ...found, page } }, { ...state, session });
    }
    case "quiz": {
      const found = lookup(action.courseId, action.lessonId);
      if (!found) return answer(STALE, state);
      if (!isUnlocked(found.course, action.lessonId, state.progress)) return answer(LOCKED, state);
      const attempt = (state.quizAttempts ?? 0) + 1;
      const orders = quizOrders(state.id, action.courseId, found.lesson, attempt);
      const session = startQuiz(action.courseId, action.lessonId, attempt, orders);
      const order = orders[0] ?? [];
      const view: LearnView = { kind: "question", ...found, index: 0, attempt, order };
      const started = { session, quizAttempts: attempt };
      // Going from a lesson's last page to its quiz reads the lesson; a retry does not.
      if (!isReadToEnd(state.session, action.courseId, found.lesson)) {
        return answer({ ok: true, view }, { ...state, ...started });
      }
      const read = rewardActivity(state, { baseXp: 0, events: { lessonRead: 1 }, writes: [] }, now);
      return {
        reply: { ok: true, view, reward: read.reward },
        next: { ...read.next, ...started },
        writes: read.writes,
      };
    }
    case "answer": {
      const found = lookup(action.courseId, action.lessonId);
      if (!found) return answer(STALE, state);
      return decideAnswer(state, found.course, found.lesson, action, now);
    }
    case "review": {
      const found = lookup(action.courseId, action.lessonId);
      const { lastQuiz } = state;
      if (!found || !isAttempt(lastQuiz, action.courseId, action.lessonId, action.attempt)) {
        return answer(GONE, state);
      }
      const view = reviewView(found.course, found.lesson, lastQuiz, action.page);
      return answer({ ok: true, view }, state);
    }
    default:
      return assertNever(action);
  }
}

function decideAnswer(
  state: Learner,
  course: Course,
  lesson: Lesson,
  action: Extract<LearnAction, { kind: "answer" }>,
  now: number,
): Decision<LearnReply> {
  const outcome = answerQuestion(state.session, lesson, action);
  if (!outcome.ok) {
    const { courseId, lessonId, attempt } = action;
    const finished = isAttempt(state.lastQuiz, courseId, lessonId, attempt);
    return answer(finished ? FINISHED : outcome.reason === "gone" ? GONE : STALE, state);
  }
  const feedback = outcome.correct ? "right" : "wrong";
  const { answers, orders, attempt } = outcome.session;
  if (!outcome.finished) {
    const index = answers.length;
    const order = orders[index] ?? [];
    const view: LearnView = { kind: "question", course, lesson, index, attempt, order };
    return answer({ ok: true, view, feedback }, { ...state, session: outcome.session });
  }
  const key = progressKey(course.id, lesson.id);
  const score = scoreOf(lesson, answers);
  const rewards = quizRewards(state.progress.get(key), score, lesson.quiz.length);
  const recordQuiz = {
    type: "recordQuiz",
    userId: state.id,
    courseId: course.id,
    lessonId: lesson.id,
    score,
    passed: rewards.passed,
    at: now,
  } as const;
  const events = {
    quizFinished: 1,
    correctAnswer: score,
    lessonPassed: rewards.passed ? 1 : 0,
    perfectQuiz: rewards.perfect ? 1 : 0,
  };
  const done = rewardActivity(state, { baseXp: rewards.xp, events, writes: [recordQuiz] }, now);
  // A failed retry of a lesson passed before still leads on: the next lesson stays open.
  const index = course.lessons.indexOf(lesson);
  const next = rewards.progress.completed ? course.lessons[index + 1] : undefined;
  const view: LearnView = {
    kind: "result",
    course,
    lesson,
    attempt,
    answers,
    orders,
    score,
    passed: rewards.passed,
    next,
  };
  const progress = new Map(state.progress).set(key, rewards.progress);
  // If the writes are not committed the state stays as it was: the quiz stays on its last
  // question, so pressing the answer again retries.
  return {
    reply: { ok: true, view, feedback, reward: done.reward },
    next: {
      ...done.next,
      progress,
      session: undefined,
      lastQuiz: { courseId: course.id, lessonId: lesson.id, attempt, orders, answers },
    },
    writes: done.writes,
  };
}
