import type { UserRow } from "../db/reads";
import type { Write } from "../db/writes";
import type { Lang } from "../i18n/lang";
import type { ProgressMap } from "./progress";
import type { DailyQuests } from "./quests";
import type { LearnSession, QuizAttempt } from "./quiz-session";
import { NO_STREAK } from "./streak";

/** Any request can fail this way (storage down, actor crashed); nothing was changed. */
export type Unavailable = { readonly ok: false; readonly reason: "unavailable" };
export const UNAVAILABLE: Unavailable = { ok: false, reason: "unavailable" };

/** Everything a user actor knows about its user: the stored row, progress and where they are. */
export interface Learner extends UserRow {
  readonly progress: ProgressMap;
  /** Today's quests, loaded or drawn on first use each day (see withQuestsOf). */
  readonly quests?: DailyQuests;
  /** The page being read or the quiz in progress; saved with the user (learn-place.ts). */
  readonly session?: LearnSession;
  /** The last finished quiz, for its review of mistakes; saved with the session. */
  readonly lastQuiz?: QuizAttempt;
  /** Quizzes started so far (absent: none); the next one is attempt `quizAttempts + 1`. */
  readonly quizAttempts?: number;
  /** Whether the users row exists (or is queued to). */
  readonly persisted: boolean;
  /** After "❓ Ask about this": the thread the next text message is a question in. */
  readonly asking?: { readonly chatId: number; readonly rootId: number };
  /** A data deletion awaiting its confirmation token. */
  readonly pending?: { readonly kind: "delete"; readonly token: string };
}

/**
 * What a pure rule decided: the reply, the state after it, and the writes that must be
 * committed before the reply is sent (none: reply at once). `background` writes are queued after
 * the reply without waiting for them (a profile refresh).
 */
export interface Decision<R> {
  readonly reply: R;
  readonly next: Learner;
  readonly writes: readonly Write[];
  readonly background?: readonly Write[];
}

/** A decision that writes nothing. */
export const answer = <R>(reply: R, next: Learner): Decision<R> => ({ reply, next, writes: [] });

/** Shared by every user without lesson progress; progress maps are copied on write. */
export const NO_PROGRESS: ProgressMap = new Map();

/** A user never seen before (or who erased their data). */
export function freshLearner(id: number, lang: Lang): Learner {
  return {
    id,
    firstName: "",
    lang,
    langChosen: false,
    banned: false,
    xp: 0,
    lastRequestAt: 0,
    lastSeenAt: 0,
    quotaDay: 0,
    quotaUsed: 0,
    streak: NO_STREAK,
    progress: NO_PROGRESS,
    persisted: false,
  };
}

/** The write that creates or refreshes the users row every other row references. */
export const ensureUser = (state: Learner, lang: Lang, now: number): Write => ({
  type: "ensureUser",
  userId: state.id,
  firstName: state.firstName,
  lang,
  at: now,
});
