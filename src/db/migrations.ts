import type { Database } from "bun:sqlite";
import core from "./migrations/001-core.sql" with { type: "text" };
import learning from "./migrations/002-learning.sql" with { type: "text" };
import broadcasts from "./migrations/003-broadcasts.sql" with { type: "text" };
import inbox from "./migrations/004-inbox.sql" with { type: "text" };
import learningSession from "./migrations/005-learning-session.sql" with { type: "text" };
import threads from "./migrations/006-threads.sql" with { type: "text" };
import habits from "./migrations/007-habits.sql" with { type: "text" };
import cacheNews from "./migrations/008-cache-news.sql" with { type: "text" };
import reach from "./migrations/009-reach.sql" with { type: "text" };
import threadRows from "./migrations/010-thread-rows.sql" with { type: "text" };

/** Ordered schema migrations; the database's `user_version` is the count applied. */
export const MIGRATIONS: readonly { readonly name: string; readonly sql: string }[] = [
  { name: "001-core", sql: core },
  { name: "002-learning", sql: learning },
  { name: "003-broadcasts", sql: broadcasts },
  { name: "004-inbox", sql: inbox },
  { name: "005-learning-session", sql: learningSession },
  { name: "006-threads", sql: threads },
  { name: "007-habits", sql: habits },
  { name: "008-cache-news", sql: cacheNews },
  { name: "009-reach", sql: reach },
  { name: "010-thread-rows", sql: threadRows },
];

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export function migrate(db: Database, migrations = MIGRATIONS): string[] {
  const current = (db.query("PRAGMA user_version").get() as { user_version: number }).user_version;
  if (current > migrations.length) {
    throw new Error(
      `database schema version ${current} is newer than this build knows (${migrations.length})`,
    );
  }
  const applied: string[] = [];
  for (const [index, migration] of migrations.entries()) {
    if (index < current) continue;
    db.transaction(() => {
      db.run(migration.sql);
      db.run(`PRAGMA user_version = ${index + 1}`);
    })();
    applied.push(migration.name);
  }
  return applied;
}
