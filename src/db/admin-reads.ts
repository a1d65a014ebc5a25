import type { Database } from "bun:sqlite";

export interface BroadcastRow {
  readonly id: number;
  readonly adminId: number;
  readonly chatId: number;
  readonly text: string;
  readonly status: "pending" | "running" | "done" | "cancelled";
  readonly cursor: number;
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly progressMessageId: number | null;
}

export interface UsageStats {
  readonly users: number;
  readonly activeToday: number;
  readonly banned: number;
  readonly explanationsToday: Readonly<Record<string, number>>;
  readonly explanationsTotal: Readonly<Record<string, number>>;
  readonly dbBytes: number;
}

/** Queries for admin commands and the broadcaster; every one is served by an index. */
export function createAdminReads(db: Database) {
  const users = db.prepare<{ n: number }, []>("SELECT count(*) AS n FROM users");
  const activeSince = db.prepare<{ n: number }, [number]>(
    "SELECT count(*) AS n FROM users WHERE last_seen_at >= ?",
  );
  const banned = db.prepare<{ n: number }, []>("SELECT count(*) AS n FROM users WHERE banned = 1");
  const bySourceSince = db.prepare<{ source: string; n: number }, [number]>(
    "SELECT source, count(*) AS n FROM requests WHERE created_at >= ? GROUP BY source",
  );
  const pages = db.prepare<{ bytes: number }, []>(
    "SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()",
  );
  const broadcast = db.prepare<BroadcastRow, [number]>(
    `SELECT id, admin_id AS adminId, chat_id AS chatId, text, status, cursor, total, sent, failed,
            progress_message_id AS progressMessageId
     FROM broadcasts WHERE id = ?`,
  );
  const running = db.prepare<{ id: number }, []>(
    "SELECT id FROM broadcasts WHERE status = 'running' ORDER BY id",
  );
  const recipients = db.prepare<{ id: number }, [number, number]>(
    "SELECT id FROM users WHERE id > ? AND banned = 0 ORDER BY id LIMIT ?",
  );
  const recipientCount = db.prepare<{ n: number }, [number]>(
    "SELECT count(*) AS n FROM users WHERE id > ? AND banned = 0",
  );
  const tally = (rows: { source: string; n: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.source, r.n]));

  return {
    usage(now: number): UsageStats {
      const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
      return {
        users: users.get()?.n ?? 0,
        activeToday: activeSince.get(dayStart)?.n ?? 0,
        banned: banned.get()?.n ?? 0,
        explanationsToday: tally(bySourceSince.all(dayStart)),
        explanationsTotal: tally(bySourceSince.all(0)),
        dbBytes: pages.get()?.bytes ?? 0,
      };
    },
    broadcast: (id: number): BroadcastRow | undefined => broadcast.get(id) ?? undefined,
    runningBroadcasts: (): number[] => running.all().map((r) => r.id),
    /** The next `limit` recipients after user id `cursor`, in id order. */
    recipients: (cursor: number, limit: number): number[] =>
      recipients.all(cursor, limit).map((r) => r.id),
    recipientCount: (cursor: number): number => recipientCount.get(cursor)?.n ?? 0,
  };
}

export type AdminReads = ReturnType<typeof createAdminReads>;
