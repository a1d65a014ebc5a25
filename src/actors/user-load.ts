import type { Reads } from "../db/reads";
import type { Lang } from "../i18n/lang";
import type { Course } from "../learning/content";
import { decodePlace } from "../learning/learn-place";
import { freshLearner, type Learner, NO_PROGRESS } from "../learning/learner";
import { progressKey } from "../learning/progress";
import { UserLoadError } from "./user-load-error";

/** A user actor's state before its first message has loaded it from SQLite. */
interface Unloaded {
  readonly unloaded: true;
  readonly id: number;
}
/** A user actor's state: loaded by the first message after a spawn or a crash. */
export type UserState = Learner | Unloaded;

/** The actor name for a Telegram user id. */
export const userActorName = (userId: number): string => `u${userId}`;
const userIdOfActor = (name: string): number => Number(name.slice(1));

/**
 * One initial state function for every actor (no closure per user): the user id is in the
 * actor's name, and the state loads with the first message.
 */
export const unloadedByName = (ctx: { readonly name: string }): UserState => ({
  unloaded: true,
  id: userIdOfActor(ctx.name),
});

interface LoadDeps {
  readonly reads: Reads;
  readonly defaultLanguage: Lang;
  readonly courses: readonly Course[];
}

/**
 * Returns `loaded(state)`: the state itself once loaded, else the user's rows from SQLite (with
 * the place in a lesson or quiz). A read that throws becomes a `UserLoadError`.
 */
export function createLoader(deps: LoadDeps) {
  const load = (userId: number): Learner => {
    const row = deps.reads.user(userId);
    if (!row) return freshLearner(userId, deps.defaultLanguage);
    const rows = deps.reads.lessonProgress(userId);
    const progress =
      rows.length === 0
        ? NO_PROGRESS
        : new Map(
            rows.map((r) => [
              progressKey(r.courseId, r.lessonId),
              { bestScore: r.bestScore, completed: r.completed },
            ]),
          );
    const place = decodePlace(deps.reads.learning(userId), deps.courses);
    return { ...row, persisted: true, progress, ...place };
  };

  return function loaded(state: UserState): Learner {
    if (!("unloaded" in state)) return state;
    try {
      return load(state.id);
    } catch (error) {
      throw new UserLoadError(state.id, { cause: error });
    }
  };
}
