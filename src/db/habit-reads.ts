import type { Database } from "bun:sqlite";
import type { Lang } from "../i18n/lang";
import type { Streak } from "./learning-rows";

/** A user's reminder setting as stored. */
export interface ReminderRow {
  readonly userId: number;
  readonly enabled: boolean;
  /** Local hour of day, 8..21. */
  readonly hour: number;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
  /** When it is next due (UTC ms). */
  readonly nextAt: number;
  readonly sentAt: number | null;
}

/** One UTC day of a user's XP (see xp_daily). */
export interface DayRow {
  readonly day: number;
  readonly xp: number;
  readonly learnedAt: number | null;
}

/** What a due reminder needs to know about its user. */
export interface ReminderFacts {
  readonly lang: Lang;
  readonly banned: boolean;
  readonly streak: Streak;
  /** The last lesson or quiz activity on or after the given UTC day, if any. */
  readonly learnedAt: number | null;
  /** A lesson whose quiz was tried and not passed yet. */
  readonly unfinished: { readonly courseId: string; readonly lessonId: string } | undefined;
}

type StoredReminder = Omit<ReminderRow, "enabled"> & { readonly enabled: number };

/** Reads for daily XP and reminders (served by the primary keys and the reminders indexes). */
export function createHabitReads(db: Database) {
  const reminder = db.prepare<StoredReminder, [number]>(
    `SELECT user_id AS userId, enabled, hour, offset_minutes AS offsetMinutes, next_at AS nextAt,
            sent_at AS sentAt
     FROM reminders WHERE user_id = ?`,
  );
  const due = db.prepare<StoredReminder, [number, number]>(
    `SELECT user_id AS userId, enabled, hour, offset_minutes AS offsetMinutes, next_at AS nextAt,
            sent_at AS sentAt
     FROM reminders WHERE enabled = 1 AND next_at <= ? ORDER BY next_at LIMIT ?`,
  );
  const days = db.prepare<DayRow, [number, number]>(
    `SELECT day, xp, learned_at AS learnedAt FROM xp_daily
     WHERE user_id = ? AND day >= ? ORDER BY day`,
  );
  const user = db.prepare<
    { lang: Lang; banned: number; streakDays: number; streakLastDay: number },
    [number]
  >(
    `SELECT lang, banned, streak_days AS streakDays, streak_last_day AS streakLastDay
     FROM users WHERE id = ?`,
  );
  const unfinished = db.prepare<{ courseId: string; lessonId: string }, [number]>(
    `SELECT course_id AS courseId, lesson_id AS lessonId FROM lesson_progress
     WHERE user_id = ? AND completed_at IS NULL LIMIT 1`,
  );
  const enabledCount = db.prepare<{ n: number }, []>(
    "SELECT count(*) AS n FROM reminders WHERE enabled = 1",
  );
  const sentSince = db.prepare<{ n: number }, [number]>(
    "SELECT count(*) AS n FROM reminders WHERE sent_at >= ?",
  );
  const row = (r: StoredReminder): ReminderRow => ({
    ...r,
    enabled: Boolean(r.enabled),
  });

  return {
    reminder(userId: number): ReminderRow | undefined {
      const found = reminder.get(userId);
      return found ? row(found) : undefined;
    },
    /** Enabled reminders due at `now`, the longest waiting first. */
    dueReminders: (now: number, limit: number): ReminderRow[] => due.all(now, limit).map(row),
    /** A user's days with XP or learning from UTC day `fromDay` on. */
    days: (userId: number, fromDay: number): DayRow[] => days.all(userId, fromDay),
    /** Undefined when the user has no row (erased their data). */
    reminderFacts(userId: number, fromDay: number): ReminderFacts | undefined {
      const u = user.get(userId);
      if (!u) return undefined;
      const learned = days.all(userId, fromDay).map((d) => d.learnedAt ?? 0);
      const lastLearned = Math.max(0, ...learned);
      return {
        lang: u.lang,
        banned: Boolean(u.banned),
        streak: { days: u.streakDays, lastDay: u.streakLastDay },
        learnedAt: lastLearned > 0 ? lastLearned : null,
        unfinished: unfinished.get(userId) ?? undefined,
      };
    },
    /** Reminders turned on, and reminders delivered since `since` (UTC ms). */
    reminderStats(since: number): { readonly enabled: number; readonly sentSince: number } {
      return { enabled: enabledCount.get()?.n ?? 0, sentSince: sentSince.get(since)?.n ?? 0 };
    },
  };
}

export type HabitReads = ReturnType<typeof createHabitReads>;
