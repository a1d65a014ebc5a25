import { dispatch, type Ref } from "nact";
import type { Clock } from "../clock";
import type { Leaderboard, Reads } from "../db/reads";
import type { Write } from "../db/writes";
import { assertNever } from "../errors";
import { untilNextDay, utcDay, utcWeek } from "../learning/calendar";
import type { LearnAction } from "../learning/callbacks";
import { type Course, findCourse, findLesson, type Lesson } from "../learning/content";
import { levelFor, XP } from "../learning/levels";
import {
  courseProgress,
  isUnlocked,
  type LessonProgress,
  type LessonStatus,
  lessonStatuses,
  type ProgressMap,
  progressKey,
  quizRewards,
} from "../learning/progress";
import {
  advanceQuests,
  type DailyQuests,
  drawQuests,
  type Quest,
  type QuestEvents,
  questsFromRows,
} from "../learning/quests";
import {
  answerQuestion,
  isReadToEnd,
  type LearnSession,
  scoreOf,
  startQuiz,
} from "../learning/quiz-session";
import { extendStreak, type Streak } from "../learning/streak";
import type { Unavailable } from "./user";

/** What an activity earned, told to the user only after it was committed. */
export interface Reward {
  /** XP for the activity plus any quest bonus. */
  readonly xpAwarded: number;
  readonly xp: number;
  readonly level: number;
  readonly leveledUp: boolean;
  readonly questsCompleted: readonly Quest[];
  /** The streak's new length when this was the day's first activity. */
  readonly streakExtended: number | undefined;
}

/** A screen of the learning flow; content objects are passed by reference for rendering. */
export type LearnView =
  | {
      readonly kind: "courses";
      readonly courses: readonly { course: Course; done: number; total: number }[];
    }
  | {
      readonly kind: "course";
      readonly course: Course;
      readonly lessons: readonly { lesson: Lesson; status: LessonStatus }[];
    }
  | {
      readonly kind: "page";
      readonly course: Course;
      readonly lesson: Lesson;
      readonly page: number;
    }
  | {
      readonly kind: "question";
      readonly course: Course;
      readonly lesson: Lesson;
      readonly index: number;
    }
  | {
      readonly kind: "result";
      readonly course: Course;
      readonly lesson: Lesson;
      readonly answers: readonly number[];
      readonly score: number;
      readonly passed: boolean;
      /** The following lesson, once this lesson's quiz has been passed (now or before). */
      readonly next: Lesson | undefined;
    };

export type LearnReply =
  | {
      readonly ok: true;
      readonly view: LearnView;
      /** Whether the answer just given was right (answer presses only). */
      readonly feedback?: "right" | "wrong";
      readonly reward?: Reward;
    }
  /** A forged, old or repeated button: nothing changed. */
  | { readonly ok: false; readonly reason: "stale" | "locked" }
  | Unavailable;

export type QuestsReply =
  | {
      readonly ok: true;
      readonly quests: readonly Quest[];
      readonly bonus: number;
      readonly resetInMs: number;
    }
  | Unavailable;

export type LeaderboardReply = { readonly ok: true; readonly board: Leaderboard } | Unavailable;

/** The learning part of the user actor's protocol. */
export type LearningMsg =
  | { readonly type: "learn"; readonly replyTo: Ref<LearnReply> }
  | {
      readonly type: "learnAction";
      readonly action: LearnAction;
      readonly replyTo: Ref<LearnReply>;
    }
  | { readonly type: "quests"; readonly replyTo: Ref<QuestsReply> }
  | { readonly type: "leaderboard"; readonly replyTo: Ref<LeaderboardReply> };

export interface LearningDeps {
  readonly reads: Reads;
  readonly clock: Clock;
  /** Validated course content (see loadCourses). */
  readonly courses: readonly Course[];
}

/** The learning part of a user actor's state. */
export interface LearnerState {
  readonly xp: number;
  readonly streak: Streak;
  readonly progress: ProgressMap;
  /** Loaded or drawn on first use each day. */
  readonly quests?: DailyQuests;
  /** In memory only: a passivated or restarted actor starts without one. */
  readonly session?: LearnSession;
  /** Whether the users row exists (or is queued to). */
  readonly persisted: boolean;
}

/** Shared by every user without lesson progress; progress maps are copied on write. */
const NO_PROGRESS: ProgressMap = new Map();

export interface LearningContext<S extends LearnerState> {
  readonly deps: LearningDeps;
  /** Commits writes through the DB-writer; false when they were not committed. */
  readonly commit: (writes: readonly Write[]) => Promise<boolean>;
  /** The write that creates or refreshes the users row every other row references. */
  readonly ensureUser: (state: S) => Write;
}

export interface ActivityInput {
  readonly baseXp: number;
  readonly events: QuestEvents;
  /** The activity's own writes, committed in the same transaction as its XP. */
  readonly writes: readonly Write[];
}

type Outcome<S> = readonly [reply: LearnReply, next: S];

const STALE = { ok: false, reason: "stale" } as const;
const LOCKED = { ok: false, reason: "locked" } as const;
const UNAVAILABLE = { ok: false, reason: "unavailable" } as const;

/**
 * The user actor's learning handlers: /learn and its buttons, daily quests, the leaderboard,
 * and `activity`, which turns any activity (an explanation too) into XP, streak and quest
 * progress committed in one transaction before the reply that reports it.
 */
export function createLearning<S extends LearnerState & { readonly id: number }>(
  ctx: LearningContext<S>,
) {
  const { deps } = ctx;

  /** Lesson progress from SQLite, for the actor's initial state. */
  function loadProgress(userId: number): ProgressMap {
    const rows = deps.reads.lessonProgress(userId);
    if (rows.length === 0) return NO_PROGRESS;
    return new Map(
      rows.map((r): [string, LessonProgress] => [
        progressKey(r.courseId, r.lessonId),
        { bestScore: r.bestScore, completed: r.completed },
      ]),
    );
  }

  function questsFor(state: S, day: number): DailyQuests {
    if (state.quests?.day === day) return state.quests;
    const rows = deps.reads.quests(state.id, day);
    return rows.length > 0 ? questsFromRows(day, rows) : drawQuests(state.id, day);
  }

  async function activity(
    state: S,
    input: ActivityInput,
  ): Promise<{ ok: true; state: S; reward: Reward } | { ok: false }> {
    const day = utcDay(deps.clock.now());
    const advanced = advanceQuests(questsFor(state, day), input.events);
    const xpAwarded = input.baseXp + advanced.completed.length * XP.questCompleted;
    const streak = extendStreak(state.streak, day);
    const userId = state.id;
    const writes: Write[] = [ctx.ensureUser(state), ...input.writes];
    if (xpAwarded > 0)
      writes.push({ type: "awardXp", userId, amount: xpAwarded, week: utcWeek(day) });
    if (streak !== state.streak) {
      writes.push({ type: "setStreak", userId, days: streak.days, lastDay: streak.lastDay });
    }
    if (advanced.changed) {
      const quests = advanced.daily.quests.map((q) => ({ ...q, questId: q.id }));
      writes.push({ type: "saveQuests", userId, day, quests });
    }
    if (writes.length > 1 && !(await ctx.commit(writes))) return { ok: false };
    const xp = state.xp + xpAwarded;
    const level = levelFor(xp).level;
    return {
      ok: true,
      state: { ...state, persisted: true, xp, streak, quests: advanced.daily },
      reward: {
        xpAwarded,
        xp,
        level,
        leveledUp: level > levelFor(state.xp).level,
        questsCompleted: advanced.completed,
        streakExtended: streak !== state.streak ? streak.days : undefined,
      },
    };
  }

  function coursesView(state: S): LearnView {
    const courses = deps.courses.map((course) => ({
      course,
      ...courseProgress(course, state.progress),
    }));
    return { kind: "courses", courses };
  }

  function lookup(courseId: string, lessonId: string) {
    const course = findCourse(deps.courses, courseId);
    const lesson = course && findLesson(course, lessonId);
    return course && lesson ? { course, lesson } : undefined;
  }

  async function act(state: S, action: LearnAction): Promise<Outcome<S>> {
    switch (action.kind) {
      case "courses":
        return [{ ok: true, view: coursesView(state) }, state];
      case "course": {
        const course = findCourse(deps.courses, action.courseId);
        if (!course) return [STALE, state];
        const statuses = lessonStatuses(course, state.progress);
        const lessons = course.lessons.map((lesson, i) => ({
          lesson,
          status: statuses[i] ?? "locked",
        }));
        return [{ ok: true, view: { kind: "course", course, lessons } }, state];
      }
      case "page": {
        const found = lookup(action.courseId, action.lessonId);
        if (!found || action.page >= found.lesson.pages.length) return [STALE, state];
        if (!isUnlocked(found.course, found.lesson.id, state.progress)) return [LOCKED, state];
        const { courseId, lessonId, page } = action;
        const session: LearnSession = { kind: "reading", courseId, lessonId, page };
        return [
          { ok: true, view: { kind: "page", ...found, page: action.page } },
          { ...state, session },
        ];
      }
      case "quiz":
        return beginQuiz(state, action.courseId, action.lessonId);
      case "answer":
        return answer(state, action);
      default:
        return assertNever(action);
    }
  }

  async function beginQuiz(state: S, courseId: string, lessonId: string): Promise<Outcome<S>> {
    const found = lookup(courseId, lessonId);
    if (!found) return [STALE, state];
    if (!isUnlocked(found.course, lessonId, state.progress)) return [LOCKED, state];
    const session = startQuiz(courseId, lessonId);
    const view: LearnView = { kind: "question", ...found, index: 0 };
    // Going from a lesson's last page to its quiz reads the lesson; a retry does not.
    if (!isReadToEnd(state.session, courseId, found.lesson)) {
      return [
        { ok: true, view },
        { ...state, session },
      ];
    }
    const result = await activity(state, { baseXp: 0, events: { lessonRead: 1 }, writes: [] });
    if (!result.ok) return [UNAVAILABLE, state];
    return [
      { ok: true, view, reward: result.reward },
      { ...result.state, session },
    ];
  }

  async function answer(
    state: S,
    action: Extract<LearnAction, { kind: "answer" }>,
  ): Promise<Outcome<S>> {
    const found = lookup(action.courseId, action.lessonId);
    if (!found) return [STALE, state];
    const outcome = answerQuestion(state.session, found.lesson, action);
    if (!outcome.ok) return [STALE, state];
    const feedback = outcome.correct ? "right" : "wrong";
    const { answers } = outcome.session;
    if (!outcome.finished) {
      const view: LearnView = { kind: "question", ...found, index: answers.length };
      return [
        { ok: true, view, feedback },
        { ...state, session: outcome.session },
      ];
    }
    const { course, lesson } = found;
    const key = progressKey(course.id, lesson.id);
    const score = scoreOf(lesson, answers);
    const rewards = quizRewards(state.progress.get(key), score, lesson.quiz.length);
    const result = await activity(state, {
      baseXp: rewards.xp,
      events: {
        quizFinished: 1,
        correctAnswer: score,
        lessonPassed: rewards.passed ? 1 : 0,
        perfectQuiz: rewards.perfect ? 1 : 0,
      },
      writes: [
        {
          type: "recordQuiz",
          userId: state.id,
          courseId: course.id,
          lessonId: lesson.id,
          score,
          passed: rewards.passed,
          at: deps.clock.now(),
        },
      ],
    });
    // Not committed: the quiz stays on its last question, so pressing the answer again retries.
    if (!result.ok) return [UNAVAILABLE, state];
    // A failed retry of a lesson passed before still leads on: the next lesson stays open.
    const index = course.lessons.indexOf(lesson);
    const next = rewards.progress.completed ? course.lessons[index + 1] : undefined;
    const view: LearnView = {
      kind: "result",
      course,
      lesson,
      answers,
      score,
      passed: rewards.passed,
      next,
    };
    const progress = new Map(state.progress).set(key, rewards.progress);
    return [
      { ok: true, view, feedback, reward: result.reward },
      { ...result.state, progress, session: undefined },
    ];
  }

  async function handle(state: S, msg: LearningMsg): Promise<S> {
    switch (msg.type) {
      case "learn":
        dispatch(msg.replyTo, { ok: true, view: coursesView(state) });
        return state;
      case "learnAction": {
        const [reply, next] = await act(state, msg.action);
        dispatch(msg.replyTo, reply);
        return next;
      }
      case "quests": {
        const now = deps.clock.now();
        const quests = questsFor(state, utcDay(now));
        dispatch(msg.replyTo, {
          ok: true,
          quests: quests.quests,
          bonus: XP.questCompleted,
          resetInMs: untilNextDay(now),
        });
        return { ...state, quests };
      }
      case "leaderboard": {
        const week = utcWeek(utcDay(deps.clock.now()));
        dispatch(msg.replyTo, { ok: true, board: deps.reads.leaderboard(state.id, week) });
        return state;
      }
      default:
        return assertNever(msg);
    }
  }

  return { handle, activity, loadProgress };
}
