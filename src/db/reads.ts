import type { Database } from "bun:sqlite";
import type { Lang } from "../i18n/lang";

export interface UserRow {
  readonly id: number;
  readonly firstName: string;
  readonly lang: Lang;
  readonly langChosen: boolean;
  readonly banned: boolean;
  readonly xp: number;
  readonly lastRequestAt: number;
  readonly quotaDay: number;
  readonly quotaUsed: number;
}

export interface CacheRow {
  readonly text: string;
  readonly source: string;
  readonly expiresAt: number;
}

/** Prepared read statements. Reads bypass the DB-writer (WAL lets them run beside it). */
export function createReads(db: Database) {
  const user = db.prepare<UserRow, [number]>(
    `SELECT id, first_name AS firstName, lang, lang_chosen AS langChosen, banned, xp,
            last_request_at AS lastRequestAt, quota_day AS quotaDay, quota_used AS quotaUsed
     FROM users WHERE id = ?`,
  );
  const cache = db.prepare<CacheRow, [string, number]>(
    "SELECT text, source, expires_at AS expiresAt FROM cache WHERE key = ? AND expires_at > ?",
  );
  return {
    user(id: number): UserRow | undefined {
      const row = user.get(id);
      return row
        ? { ...row, langChosen: Boolean(row.langChosen), banned: Boolean(row.banned) }
        : undefined;
    },
    cache(key: string, now: number): CacheRow | undefined {
      return cache.get(key, now) ?? undefined;
    },
  };
}

export type Reads = ReturnType<typeof createReads>;
