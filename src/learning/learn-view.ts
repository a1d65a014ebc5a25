import type { Leaderboard } from "../db/reads";
import type { Course, Lesson, Question } from "./content";
import type { Unavailable } from "./learner";
import type { LessonStatus } from "./progress";
import type { Quest } from "./quests";
import type { Reward } from "./reward";

/** A question answered wrong in a finished attempt, with the order its options were shown in. */
export interface Mistake {
  readonly question: Question;
  /** Its position in the quiz, 0-based. */
  readonly index: number;
  /** `order[shown] = option index in the content`. */
  readonly order: readonly number[];
  /** The content option index chosen. */
  readonly chosen: number;
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
      readonly attempt: number;
      /** The order the options are shown in: `order[shown] = option index in the content`. */
      readonly order: readonly number[];
    }
  | {
      readonly kind: "result";
      readonly course: Course;
      readonly lesson: Lesson;
      readonly attempt: number;
      /** Content option indices chosen, one per question. */
      readonly answers: readonly number[];
      /** The order each question's options were shown in. */
      readonly orders: readonly (readonly number[])[];
      readonly score: number;
      readonly passed: boolean;
      /** The following lesson, once this lesson's quiz has been passed (now or before). */
      readonly next: Lesson | undefined;
    }
  | {
      readonly kind: "review";
      readonly course: Course;
      readonly lesson: Lesson;
      readonly attempt: number;
      /** The page asked for; the screen splits the mistakes into pages that fit a message. */
      readonly page: number;
      readonly mistakes: readonly Mistake[];
    };

export type LearnReply =
  | {
      readonly ok: true;
      readonly view: LearnView;
      /** Whether the answer just given was right (answer presses only). */
      readonly feedback?: "right" | "wrong";
      readonly reward?: Reward;
    }
  /**
   * Nothing changed. `stale`: a forged, old or repeated button; `locked`: a lesson not opened
   * yet; `finished`: an answer to a quiz attempt already finished; `gone`: an answer to, or a
   * review of, an attempt that is no longer the user's running or last one.
   */
  | { readonly ok: false; readonly reason: "stale" | "locked" | "finished" | "gone" }
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
