import type { Database } from "bun:sqlite";
import type { Lang } from "../i18n/lang";
import type { QuestRow, Streak } from "./learning-rows";
import { createReachReads } from "./reach-reads";
import { createThreadReads } from "./thread-reads";

export interface UserRow {
  readonly id: number;
  readonly firstName: string;
  readonly lang: Lang;
  readonly langChosen: boolean;
  readonly banned: boolean;
  readonly xp: number;
  readonly lastRequestAt: number;
  /** When the user was last seen, updated at most once a UTC day (for "active today"). */
  readonly lastSeenAt: number;
  readonly quotaDay: number;
  readonly quotaUsed: number;
  readonly streak: Streak;
}

export interface CacheRow {
  readonly text: string;
  readonly source: string;
  readonly expiresAt: number;
}

/** A cached answer's key and the news it answered, for the near-duplicate index. */
export interface CachedNewsRow {
  readonly key: string;
  readonly news: string;
  readonly expiresAt: number;
}

export interface LessonProgressRow {
  readonly courseId: string;
  readonly lessonId: string;
  readonly bestScore: number;
  readonly completed: boolean;
}

/** One leaderboard line. Equal XP share a rank ("competition ranking": 1, 1, 3). */
export interface RankedEntry {
  readonly rank: number;
  readonly userId: number;
  readonly firstName: string;
  readonly xp: number;
}

export interface Standing {
  /** At most {@link LEADERBOARD_SIZE} entries, by XP descending, then user id. */
  readonly top: readonly RankedEntry[];
  /** The asking user's rank and XP; undefined while they have no XP in this board. */
  readonly me: { readonly rank: number; readonly xp: number } | undefined;
}

export interface Leaderboard {
  readonly week: Standing;
  readonly allTime: Standing;
}

export const LEADERBOARD_SIZE = 10;

/**
 * The rank queries. A rank is 1 + the number of users with strictly more XP, so equal XP share
 * a rank and the next rank skips (1, 1, 3). The top lists take the first rows of an index and
 * rank them with RANK(), which equals the global rank because every user with more XP than a
 * listed one is listed before it. A user's own rank counts the index range above their XP.
 * Users without XP are not ranked.
 */
export const LEADERBOARD_SQL = {
  allTimeTop: `SELECT userId, firstName, xp, RANK() OVER (ORDER BY xp DESC) AS rank
     FROM (SELECT id AS userId, first_name AS firstName, xp FROM users
           WHERE xp > 0 ORDER BY xp DESC, id LIMIT ?1)
     ORDER BY xp DESC, userId`,
  allTimeMine: `SELECT me.xp AS xp,
       1 + (SELECT COUNT(*) FROM users AS above WHERE above.xp > me.xp) AS rank
     FROM users AS me WHERE me.id = ?1 AND me.xp > 0`,
  weekTop: `SELECT top.userId, users.first_name AS firstName, top.xp,
       RANK() OVER (ORDER BY top.xp DESC) AS rank
     FROM (SELECT user_id AS userId, xp FROM xp_weekly
           WHERE week = ?1 AND xp > 0 ORDER BY xp DESC, user_id LIMIT ?2) AS top
     JOIN users ON users.id = top.userId
     ORDER BY top.xp DESC, top.userId`,
  weekMine: `SELECT me.xp AS xp,
       1 + (SELECT COUNT(*) FROM xp_weekly AS above
            WHERE above.week = me.week AND above.xp > me.xp) AS rank
     FROM xp_weekly AS me WHERE me.week = ?1 AND me.user_id = ?2 AND me.xp > 0`,
} as const;

type Mine = { readonly rank: number; readonly xp: number };

/** Prepared read statements. Reads bypass the DB-writer (WAL lets them run beside it). */
export function createReads(db: Database) {
  const user = db.prepare<
    Omit<UserRow, "streak"> & { streakDays: number; streakLastDay: number },
    [number]
  >(
    `SELECT id, first_name AS firstName, lang, lang_chosen AS langChosen, banned, xp,
            last_request_at AS lastRequestAt, last_seen_at AS lastSeenAt, quota_day AS quotaDay, quota_used AS quotaUsed,
            streak_days AS streakDays, streak_last_day AS streakLastDay
     FROM users WHERE id = ?`,
  );
  const cache = db.prepare<CacheRow, [string, number]>(
    "SELECT text, source, expires_at AS expiresAt FROM cache WHERE key = ? AND expires_at > ?",
  );
  const recentCachedNews = db.prepare<CachedNewsRow, [number, number]>(
    `SELECT key, news, expires_at AS expiresAt FROM cache
     WHERE expires_at > ? AND news IS NOT NULL
     ORDER BY created_at DESC LIMIT ?`,
  );
  const lessonProgress = db.prepare<LessonProgressRow, [number]>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, best_score AS bestScore,
            completed_at IS NOT NULL AS completed
     FROM lesson_progress WHERE user_id = ?`,
  );
  const quests = db.prepare<QuestRow, [number, number]>(
    `SELECT quest_id AS questId, progress, target, completed
     FROM quests WHERE user_id = ? AND day = ?`,
  );
  const learning = db.prepare<{ data: string }, [number]>(
    "SELECT data FROM learn_sessions WHERE user_id = ?",
  );
  const applied = db.prepare<{ reply: string }, [number, string]>(
    "SELECT reply FROM update_effects WHERE update_id = ?1 AND kind = ?2",
  );
  const allTimeTop = db.prepare<RankedEntry, [number]>(LEADERBOARD_SQL.allTimeTop);
  const allTimeMine = db.prepare<Mine, [number]>(LEADERBOARD_SQL.allTimeMine);
  const weekTop = db.prepare<RankedEntry, [number, number]>(LEADERBOARD_SQL.weekTop);
  const weekMine = db.prepare<Mine, [number, number]>(LEADERBOARD_SQL.weekMine);

  return {
    ...createThreadReads(db),
    ...createReachReads(db),
    user(id: number): UserRow | undefined {
      const row = user.get(id);
      if (!row) return undefined;
      const { streakDays, streakLastDay, ...rest } = row;
      return {
        ...rest,
        langChosen: Boolean(row.langChosen),
        banned: Boolean(row.banned),
        streak: { days: streakDays, lastDay: streakLastDay },
      };
    },
    cache(key: string, now: number): CacheRow | undefined {
      return cache.get(key, now) ?? undefined;
    },
    /** The newest `limit` unexpired cached answers that recorded their news text. */
    recentCachedNews(now: number, limit: number): CachedNewsRow[] {
      return recentCachedNews.all(now, limit);
    },
    lessonProgress(userId: number): LessonProgressRow[] {
      return lessonProgress
        .all(userId)
        .map((row) => ({ ...row, completed: Boolean(row.completed) }));
    },
    quests(userId: number, day: number): QuestRow[] {
      return quests.all(userId, day).map((row) => ({ ...row, completed: Boolean(row.completed) }));
    },
    /** The user's saved place in lessons and quizzes (JSON, see learn-place.ts), if any. */
    learning(userId: number): string | undefined {
      return learning.get(userId)?.data;
    },
    /** The reply (encoded) kept when update `updateId`'s `kind` request applied its effects. */
    appliedReply(updateId: number, kind: string): string | undefined {
      return applied.get(updateId, kind)?.reply;
    },
    /** This week's and the all-time board, each with `userId`'s own standing. */
    leaderboard(userId: number, week: number): Leaderboard {
      return {
        week: {
          top: weekTop.all(week, LEADERBOARD_SIZE),
          me: weekMine.get(week, userId) ?? undefined,
        },
        allTime: {
          top: allTimeTop.all(LEADERBOARD_SIZE),
          me: allTimeMine.get(userId) ?? undefined,
        },
      };
    },
  };
}

export type Reads = ReturnType<typeof createReads>;
